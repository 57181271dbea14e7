// Mocha's spec reporter, ending with one machine-readable summary line instead of the
// "N passing" epilogue, so the runner outside the extension host can count the results.
import Mocha from 'mocha';
import { summaryLine } from '../../runners/protocol';

const { Base, Spec } = Mocha.reporters;

export class SummaryReporter extends Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
  }

  override epilogue(): void {
    const stats = this.stats;
    if (this.failures.length > 0) {
      Base.consoleLog();
      Base.list(this.failures);
    }
    Base.consoleLog(summaryLine({ passed: stats.passes, failed: stats.failures, skipped: stats.pending }));
  }
}
