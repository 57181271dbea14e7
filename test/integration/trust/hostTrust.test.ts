// Secrets go only where the person chose. A workspace's .vscode/settings.json points both MoMo
// base URLs at momo-capture.example.net (an https capture server with a test CA, mapped to this
// machine): Verify, Diagnose, Test Payment and Provision send nothing there until the person
// allows the host in a modal naming it, its settings file and the credentials; nothing after
// they decline; production credentials never, allowed host or not.
import * as assert from 'assert';
import { assertNoSecret, everythingShown, renderTree, run, runWithRawArgument, textOf } from '../extension/testKit';
import { sendingCommands, useCaptureWorkspace } from './trustKit';

const QUESTION = /^Send your MoMo sandbox credentials to momo-capture\.example\.net:\d+\?$/;

describe('trust: a workspace that points the base URLs elsewhere', function () {
  this.timeout(60_000);
  const suite = useCaptureWorkspace(true);

  const questionsSoFar = (): string[] => suite.api.notifier.shown().filter((m) => m.modal && QUESTION.test(m.message)).map((m) => m.message);

  it('asks before each command, naming the host, the settings file and the credentials; declined, nothing arrives', async () => {
    for (const { name, call } of sendingCommands(suite.stored)) {
      const asked = questionsSoFar().length;
      suite.api.notifier.answerNext(QUESTION, undefined);
      const result = await run(...call);
      assert.strictEqual(result.ok, false, `${name} went ahead after the question was declined`);
      assert.match(String(result.reason), /Nothing was sent to momo-capture\.example\.net:\d+\. To use MTN's sandbox API instead, remove or change momo\.sandbox\.baseUrl in \.vscode\/settings\.json/);
      assert.strictEqual(questionsSoFar().length, asked + 1, `${name} did not ask`);
      assert.deepStrictEqual(suite.capture.requests, [], `${name} sent a request to the suite.capture server after a decline`);
    }
    const question = suite.api.notifier.shown().find((m) => m.modal && QUESTION.test(m.message));
    assert.strictEqual(question?.severity, 'warning');
    assert.deepStrictEqual(question?.buttons, [`Allow ${suite.capture.host}`]);
    assert.match(String(question?.detail), /^momo\.sandbox\.baseUrl is set to https:\/\/momo-capture\.example\.net:\d+ in \.vscode\/settings\.json \(a workspace setting\)\./);
    assert.match(String(question?.detail), /If you allow it, the Collections Sandbox(?: \(EUR\))? subscription key and API user [0-9a-f]{8}… with its API key go there now/i);
    assert.deepStrictEqual(suite.api.approvals.list(), [], 'a decline is not remembered as an approval');
  });

  it('never sends production credentials there from a workspace setting, and does not even ask', async () => {
    const asked = suite.api.notifier.shown().filter((m) => m.modal).length;
    const verify = await run('momo.verifyApiUser', { apiUser: suite.stored.productionUser, environment: 'mtnuganda', product: 'collection' });
    assert.strictEqual(verify.ok, false);
    assert.match(String(verify.reason), /Production credentials are only sent to MTN's production hosts.*a workspace setting cannot send them anywhere else/);
    // System Credentials read the new platform's own setting, which the workspace sets too.
    const system = await run('momo.verifyApiUser', { apiUser: suite.stored.systemUser, environment: 'mtnuganda', product: 'collection' });
    assert.strictEqual(system.ok, false);
    assert.match(String(system.reason), /Production credentials are only sent to MTN's production hosts.*a workspace setting cannot send them anywhere else/);
    const diagnose = await run('momo.diagnoseSetup', { environment: 'mtnuganda', workspace: false, show: false });
    assert.strictEqual(diagnose.ok, false);
    assert.strictEqual(suite.api.notifier.shown().filter((m) => m.modal).length, asked, 'a question was asked for production credentials');
    assert.deepStrictEqual(suite.capture.requests, []);
  });

  it('sends once the host is allowed, remembers it per host in global state, and shows it in the tree', async () => {
    suite.api.notifier.answerNext(QUESTION, `Allow ${suite.capture.host}`);
    const verify = await run<{ verified: boolean }>('momo.verifyApiUser', { apiUser: suite.stored.sandboxUser, environment: 'sandbox', product: 'collection' });
    assert.strictEqual(verify.ok, true, verify.reason);
    assert.strictEqual(verify.verified, true, 'the allowed host (passing on to the emulator) works end to end');
    const question = suite.api.notifier.shown().filter((m) => m.modal && QUESTION.test(m.message)).at(-1);
    assert.strictEqual(question?.answer, `Allow ${suite.capture.host}`);
    assert.ok(suite.capture.requests.length > 0, 'nothing reached the allowed host');
    assert.ok(suite.capture.requests.some((r) => r.headers['ocp-apim-subscription-key'] === suite.emulator.subscriptionKeys.collection.primary), 'the subscription key went to the allowed host');
    assert.deepStrictEqual(suite.api.approvals.list().map((a) => [a.host, a.sandbox, a.production]), [[suite.capture.host, true, false]]);

    const asked = questionsSoFar().length;
    for (const { name, call } of sendingCommands(suite.stored).slice(1)) {
      const before = suite.capture.requests.length;
      const result = await run(...call);
      assert.strictEqual(result.ok, true, `${name}: ${result.reason}`);
      assert.ok(suite.capture.requests.length > before, `${name} did not use the allowed host`);
    }
    assert.strictEqual(questionsSoFar().length, asked, 'an allowed host was asked about again');

    const tree = await renderTree(suite.api);
    const allowed = tree.find((n) => n.node.kind === 'allowedHost');
    assert.strictEqual(allowed?.item.label, suite.capture.host);
    assert.strictEqual(allowed?.item.contextValue, 'allowedHost');
  });

  it('still never sends production credentials there, allowed host or not', async () => {
    const before = suite.capture.requests.length;
    for (const apiUser of [suite.stored.productionUser, suite.stored.systemUser]) {
      const verify = await run('momo.verifyApiUser', { apiUser, environment: 'mtnuganda', product: 'collection' });
      assert.strictEqual(verify.ok, false);
    }
    assert.strictEqual(suite.capture.requests.length, before);
    assertNoSecret(suite.capture.everythingReceived(), suite.stored.productionSecrets, 'what the capture server received');
    assert.ok(!suite.capture.everythingReceived().includes(suite.stored.systemUser), 'the User ID reached the capture server');
  });

  it('forgets the host when revoked from the tree item, and asks again', async () => {
    const revoked = await runWithRawArgument('momo.revokeAllowedHost', { kind: 'allowedHost', host: suite.capture.host, production: false, at: '' });
    assert.strictEqual(revoked.ok, true, revoked.reason);
    assert.deepStrictEqual(suite.api.approvals.list(), []);
    assert.ok(!(await renderTree(suite.api)).some((n) => n.node.kind === 'allowedHosts' || n.node.kind === 'allowedHost'));

    const before = suite.capture.requests.length;
    suite.api.notifier.answerNext(QUESTION, undefined);
    const verify = await run('momo.verifyApiUser', { apiUser: suite.stored.sandboxUser, environment: 'sandbox', product: 'collection' });
    assert.strictEqual(verify.ok, false);
    assert.strictEqual(suite.capture.requests.length, before, 'sent after the revoked host was declined');
  });

  it('never quotes a key passed in the wrong field of a command', async () => {
    const key = suite.emulator.subscriptionKeys.collection.primary;
    const results = [
      await runWithRawArgument('momo.diagnoseSetup', { environment: key, workspace: false, show: false }),
      await runWithRawArgument('momo.provisionSandboxUser', { product: key }),
      await runWithRawArgument('momo.sendTestPayment', { apiUser: suite.stored.sandboxUser, outcome: key, amount: '5' }),
      await runWithRawArgument('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', keyType: key, key }),
    ];
    for (const result of results) {
      assert.strictEqual(result.ok, false);
      assert.match(String(result.reason), /^The value given is not a/);
    }
    assertNoSecret(everythingShown(suite.api), [key], 'a message about a wrong argument');
  });

  it('kept every secret out of the log, the messages and the tree', async () => {
    await suite.api.notifier.idle();
    assertNoSecret(everythingShown(suite.api), suite.stored.secrets, 'the log or a message');
    assertNoSecret((await renderTree(suite.api)).map((n) => textOf(n.item)).join('\n'), suite.stored.secrets, 'the tree');
  });
});
