/**
 * Per open document, what the last MoMo check left (the core's FindingsState) and the edits
 * VS Code reported since, so that the next check after a keystroke re-scans only what the
 * edit touched (src/core/settings/incremental). Every answer equals a full check's, without the
 * committed secrets' move fixes: those need the planners, which the quick-fix list loads.
 */
import type * as vscode from 'vscode';
import { detectFindingsIncrementally, isMtnAfterChanges, type Finding, type FindingOptions, type FindingsState, type SettingsDocument, type TextChange } from '../../core/settings';
import type { FindingsSource } from './settingsCheck';

/** Past this many unchecked edits (diagnostics switched off, say) the next check starts over. */
const MAX_PENDING_CHANGES = 1000;

interface Tracked {
  state?: FindingsState;
  /** Edits since `state.doc`, in the order VS Code reported them. */
  changes: TextChange[];
}

export class FindingsTracker implements FindingsSource {
  private readonly documents = new Map<string, Tracked>();

  /** Remembers the edits of a change event for the next check of that document. */
  recordChanges(event: vscode.TextDocumentChangeEvent): void {
    const tracked = this.documents.get(event.document.uri.toString());
    if (!tracked?.state) return;
    for (const change of event.contentChanges) {
      tracked.changes.push({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text });
    }
    if (tracked.changes.length > MAX_PENDING_CHANGES) this.documents.delete(event.document.uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.documents.delete(uri.toString());
  }

  /**
   * Whether the document is MTN MoMo's, from the edited lines when the last check knows the
   * rest. A document that is not is remembered as such (its next edit costs its lines only).
   */
  isMtn(uri: vscode.Uri, doc: SettingsDocument): boolean {
    const tracked = this.documents.get(uri.toString());
    const mtn = isMtnAfterChanges(tracked?.state, doc, tracked?.changes ?? []);
    if (!mtn) this.findings(uri, doc, {});
    return mtn;
  }

  /**
   * The findings of `doc` (the document's text now: call it in the same synchronous block that
   * read the text, so that no edit falls between) and the new state for the next check.
   */
  findings(uri: vscode.Uri, doc: SettingsDocument, options: FindingOptions): Finding[] {
    const key = uri.toString();
    const tracked = this.documents.get(key);
    const update = detectFindingsIncrementally(tracked?.state, doc, tracked?.changes ?? [], options);
    this.documents.set(key, { state: update.state, changes: [] });
    return update.findings;
  }
}
