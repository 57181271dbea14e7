import * as assert from 'node:assert/strict';
import { renderDoctorMarkdown, renderDoctorText, summarize } from '../../../src/core/doctor';
import type { DoctorFinding } from '../../../src/core/doctor';

const findings: DoctorFinding[] = [
  { check: 'baseUrl', ok: true, severity: 'ok', subject: 'https://sandbox.momodeveloper.mtn.com', message: 'sandbox.momodeveloper.mtn.com is the MoMo sandbox API.' },
  {
    check: 'subscriptionKey.gateway',
    ok: false,
    severity: 'error',
    subject: 'Collections subscription key ••••06f',
    message: 'The gateway rejected the subscription key as invalid (401).',
    causes: ['It is a key of the "Collection Widget" product.', 'It is a key of another product.'],
    next: 'Enter the subscription key again',
    fixes: [
      { id: 'reenterSubscriptionKey', label: 'Enter the subscription key again' },
      { id: 'openPortal', label: 'Open the MoMo developer portal', url: 'https://momodeveloper.mtn.com/' },
    ],
  },
  { check: 'currency', ok: false, severity: 'error', subject: 'RWF', message: 'RWF does not fit: INVALID_CURRENCY [see *docs*].', next: 'Use EUR' },
  { check: 'workspace.dotenvIgnored', ok: true, severity: 'warning', subject: '.env', message: 'Maybe.' },
];
const report = summarize(findings);

describe('doctor: rendering', () => {
  it('groups findings under headings in the order the checks ran', () => {
    const markdown = renderDoctorMarkdown(report);
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, ['# MoMo doctor', '## Base URL', '## Subscription keys', '## Target environment and currency', '## Workspace']);
    assert.match(markdown, /\*\*2 errors, 1 warning, 1 passed\*\*/);
  });

  it('makes fixes links through the caller, falling back to the web URL and then to plain text', () => {
    const markdown = renderDoctorMarkdown(report, {
      fixLink: (fix) => (fix.id === 'reenterSubscriptionKey' ? 'command:momo.setSubscriptionKey?["collection"]' : undefined),
    });
    const reenter = '[Enter the subscription key again](<command:momo.setSubscriptionKey?["collection"]>)';
    const portal = '[Open the MoMo developer portal](<https://momodeveloper.mtn.com/>)';
    assert.ok(markdown.includes(`  - Fix: ${reenter} · ${portal}\n`), markdown);
    assert.match(markdown, /- Next: Use EUR/);
    assert.match(markdown, / {4}- It is a key of the "Collection Widget" product\./);
  });

  it('escapes markdown in messages so a server text cannot inject links or markup', () => {
    const markdown = renderDoctorMarkdown(report);
    assert.match(markdown, /INVALID\\_CURRENCY \\\[see \\\*docs\\\*\\\]/);
  });

  it('prints plain text with marks, the likely cause and the next step', () => {
    const text = renderDoctorText(report);
    assert.equal(
      text,
      [
        'Base URL',
        '  ✓ https://sandbox.momodeveloper.mtn.com: sandbox.momodeveloper.mtn.com is the MoMo sandbox API.',
        '',
        'Subscription keys',
        '  ✗ Collections subscription key ••••06f: The gateway rejected the subscription key as invalid (401).',
        '      likely: It is a key of the "Collection Widget" product.',
        '      next: Enter the subscription key again',
        '',
        'Target environment and currency',
        '  ✗ RWF: RWF does not fit: INVALID_CURRENCY [see *docs*].',
        '      next: Use EUR',
        '',
        'Workspace',
        '  ⚠ .env: Maybe.',
        '',
        '2 errors, 1 warning, 1 passed',
        '',
      ].join('\n'),
    );
  });

  it('says what to give when there was nothing to check, and marks a cancelled run', () => {
    assert.match(renderDoctorMarkdown(summarize([])), /Nothing to check/);
    assert.match(renderDoctorText(summarize([], true)), /cancelled before the end/);
  });
});
