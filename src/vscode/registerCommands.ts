/**
 * Registers every `momo.*` command at activation; the implementations (dist/features.js, see
 * features.ts) load on the first call. Every command lives in that network chunk (the default:
 * a new command's handler goes into features.ts' COMMAND_HANDLERS and nowhere else). Only code
 * that must run without a command — the settings diagnostics and the quick-fix list — lives in
 * dist/settings.js (settingsChunk.ts, loaded by settings/index.ts), which must never import a
 * command, the MoMo client or axios (a unit test checks the bundle). Handlers take one argument (nothing, a tree node or a
 * plain object), resolve to a result object, and never throw to VS Code: an unexpected failure
 * is shown and logged once here instead of surfacing as a bare "command failed" toast.
 */
import * as vscode from 'vscode';
import { featuresLoaded, loadFeatures, type LoadedFeatures } from './lazyFeatures';
import type { CommandContext } from './commandContext';
import { COMMAND_IDS } from './commandIds';

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMAND_IDS.map((id) => registerLazyCommand(ctx, id, (features, arg) => features.COMMAND_HANDLERS[id](ctx, arg)));
}

/** A command whose implementation loads with the features; failures (the load's too) are shown and logged. */
export function registerLazyCommand(ctx: CommandContext, id: string, run: (features: LoadedFeatures, arg: unknown) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg: unknown) => {
    try {
      return await run(loadFeatures(), arg);
    } catch (err) {
      ctx.log.error(`${id} failed`, err);
      presentFailure(ctx, err);
      return { ok: false, reason: ctx.log.redact(err instanceof Error ? err.message : String(err)) };
    }
  });
}

function presentFailure(ctx: CommandContext, err: unknown): void {
  if (featuresLoaded()) {
    loadFeatures().presentError(ctx, err);
  } else {
    // dist/features.js itself did not load (a broken install): nothing richer to show.
    void vscode.window.showErrorMessage(`MoMo: ${ctx.log.redact(err instanceof Error ? err.message : String(err))}`);
  }
}
