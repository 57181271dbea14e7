/**
 * The doctor's report as a webview page: sections in the order the checks ran, one line per
 * finding with its mark, likely causes, and its fixes as buttons. Every text is HTML-escaped
 * (findings are plain text, already redacted by the core); buttons carry only indexes, and the
 * extension looks the fix up, so nothing in the page can ask for an arbitrary command.
 */
import * as vscode from 'vscode';
import { sectionOf, sectionTitle, type DoctorFinding, type DoctorReport } from '../../core/doctor';
import { SEVERITY_MARKS, summaryLine } from '../../core/doctor/sections';

export interface ReportPage {
  title: string;
  report: DoctorReport;
  /** When the report was made, for people ("just now" goes stale on screen). */
  madeAt: Date;
  /** Said after the time. Default: nothing was created or changed (true of the doctor's checks). */
  note?: string;
  /** Whether VS Code can do this fix; otherwise its label is shown as the next step in words. */
  canFix(findingIndex: number, fixIndex: number): boolean;
  nonce: string;
}

export function renderReportHtml(page: ReportPage): string {
  const { report } = page;
  const sections = groupWithIndexes(report.findings)
    .map(({ title, entries }) => `<section><h2>${escapeHtml(title)}</h2><ul>${entries.map((e) => findingHtml(e.finding, e.index, page)).join('')}</ul></section>`)
    .join('');
  const empty = report.findings.length === 0 ? `<p>${escapeHtml(vscode.l10n.t('Nothing to check yet: store a subscription key or an API user first.'))}</p>` : '';
  const status = report.ok ? 'ok' : 'error';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${page.nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
<p class="summary ${status}" id="summary">${escapeHtml(summaryLine(report.counts, report.cancelled))}</p>
<p class="when">${escapeHtml(vscode.l10n.t('Checked at {0}.', page.madeAt.toLocaleTimeString(vscode.env.language)))} ${escapeHtml(page.note ?? vscode.l10n.t('Nothing was created or changed by these checks.'))}</p>
<div class="toolbar">
<button data-action="rerun">${escapeHtml(vscode.l10n.t('Run Again'))}</button>
<button data-action="explain" class="secondary">${escapeHtml(vscode.l10n.t('Explain an Error…'))}</button>
<button data-action="copyMarkdown" class="secondary">${escapeHtml(vscode.l10n.t('Copy as Markdown'))}</button>
</div>
</header>
${empty}${sections}
<script nonce="${page.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

function findingHtml(finding: DoctorFinding, index: number, page: ReportPage): string {
  const subject = finding.subject ? `<strong>${escapeHtml(finding.subject)}</strong>: ` : '';
  const causes =
    finding.causes?.length && finding.severity !== 'ok'
      ? `<div class="causes">${escapeHtml(vscode.l10n.t('Likely causes:'))}<ul>${finding.causes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></div>`
      : '';
  const fixes = finding.fixes ?? [];
  const buttons = fixes
    .map((fix, fixIndex) =>
      page.canFix(index, fixIndex)
        ? `<button data-finding="${index}" data-fix="${fixIndex}"${fixIndex === 0 ? '' : ' class="secondary"'}>${escapeHtml(fix.label)}</button>`
        : '',
    )
    .join('');
  const unbuttoned = fixes.filter((_, fixIndex) => !page.canFix(index, fixIndex));
  const next = !buttons && finding.next ? `<div class="next">${escapeHtml(vscode.l10n.t('Next: {0}', finding.next))}</div>` : '';
  const inWords = buttons && unbuttoned.length ? `<div class="next">${escapeHtml(vscode.l10n.t('Also: {0}', unbuttoned.map((f) => f.label).join(' · ')))}</div>` : '';
  return (
    `<li class="finding ${finding.severity}" data-check="${escapeHtml(finding.check)}">` +
    `<span class="mark" aria-label="${finding.severity}">${SEVERITY_MARKS[finding.severity]}</span>` +
    `<div class="body"><div class="message">${subject}${escapeHtml(finding.message)}</div>${causes}${next}` +
    `${buttons ? `<div class="fixes">${buttons}</div>` : ''}${inWords}</div></li>`
  );
}

interface IndexedGroup {
  title: string;
  entries: Array<{ finding: DoctorFinding; index: number }>;
}

/** Sections in the order of their first finding, each finding keeping its index in the report. */
function groupWithIndexes(findings: readonly DoctorFinding[]): IndexedGroup[] {
  const groups = new Map<string, IndexedGroup>();
  findings.forEach((finding, index) => {
    const section = sectionOf(finding.check);
    const group = groups.get(section) ?? { title: sectionTitle(section), entries: [] };
    group.entries.push({ finding, index });
    groups.set(section, group);
  });
  return [...groups.values()];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 24px; max-width: 980px; }
h1 { font-size: 1.5em; margin-bottom: 4px; }
h2 { font-size: 1.15em; margin: 22px 0 6px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 4px; }
.summary { font-weight: 600; margin: 4px 0; }
.summary.ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.summary.error { color: var(--vscode-errorForeground); }
.when { color: var(--vscode-descriptionForeground); margin: 2px 0 10px; }
ul { list-style: none; padding-left: 0; margin: 0; }
.finding { display: flex; gap: 8px; padding: 6px 0; }
.mark { width: 1.2em; text-align: center; font-weight: bold; flex: none; }
.finding.ok .mark { color: var(--vscode-testing-iconPassed, #73c991); }
.finding.error .mark { color: var(--vscode-errorForeground); }
.finding.warning .mark { color: var(--vscode-editorWarning-foreground); }
.finding.info .mark { color: var(--vscode-editorInfo-foreground); }
.causes, .next { color: var(--vscode-descriptionForeground); margin-top: 3px; }
.causes ul { list-style: disc; padding-left: 20px; }
.fixes, .toolbar { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button { font-family: inherit; font-size: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; border-radius: 2px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button) return;
  if (button.dataset.fix !== undefined) {
    vscode.postMessage({ type: 'fix', finding: Number(button.dataset.finding), fix: Number(button.dataset.fix) });
  } else if (button.dataset.action) {
    vscode.postMessage({ type: button.dataset.action });
  }
});
`;
