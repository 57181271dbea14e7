/**
 * "MoMo: Show Log" in a window still restoring: the window drops a reveal of a log channel it
 * does not list yet, so the channel is revealed again once the window lists its show command.
 * The window is faked here: `listed` says when it knows the channel, `waits` is the clock.
 */
import * as assert from 'assert';
import { LIST_POLL_MS, LIST_WAIT_MS, LogRevealer, outputShowCommand } from '../../../src/vscode/logReveal';

const COMMAND = outputShowCommand('momodev.momo-credentials', 'MoMo');

/** A window that lists the channel's command after `listedAfterLooks` looks (never when undefined). */
function fakeWindow(listedAfterLooks: number | undefined) {
  const state = { looks: 0, reveals: [] as number[], waited: 0 };
  const api = {
    listCommands: async () => {
      state.looks += 1;
      const listed = listedAfterLooks !== undefined && state.looks > listedAfterLooks;
      return listed ? ['workbench.action.output.toggleOutput', COMMAND] : ['workbench.action.output.toggleOutput'];
    },
    // The look at which each reveal happened: 0 = before the window was asked anything.
    reveal: () => void state.reveals.push(state.looks),
    wait: async (ms: number) => {
      state.waited += ms;
    },
  };
  return { state, api };
}

describe('Show Log reveals the channel again once the window lists it', () => {
  it('names the command VS Code registers for the extension\'s log channel', () => {
    assert.strictEqual(COMMAND, 'workbench.action.output.show.momodev.momo-credentials.MoMo');
  });

  it('reveals at once, and again after the window starts listing the channel', async () => {
    const { state, api } = fakeWindow(3);
    assert.strictEqual(await new LogRevealer(COMMAND, api).reveal(), true);
    assert.deepStrictEqual(state.reveals, [0, 4]);
    assert.strictEqual(state.waited, 3 * LIST_POLL_MS);
  });

  it('reveals a second time even when the window lists the channel at the first look', async () => {
    const { state, api } = fakeWindow(0);
    assert.strictEqual(await new LogRevealer(COMMAND, api).reveal(), true);
    assert.deepStrictEqual(state.reveals, [0, 1]);
    assert.strictEqual(state.waited, 0);
  });

  it('gives up after LIST_WAIT_MS when the window never lists it, with the first reveal only', async () => {
    const { state, api } = fakeWindow(undefined);
    assert.strictEqual(await new LogRevealer(COMMAND, api).reveal(), false);
    assert.deepStrictEqual(state.reveals, [0]);
    assert.strictEqual(state.waited, LIST_WAIT_MS);
  });

  it('treats a failing command list as not listed yet', async () => {
    const { state, api } = fakeWindow(2);
    let failures = 1;
    const flaky = { ...api, listCommands: async () => (failures-- > 0 ? Promise.reject(new Error('window busy')) : api.listCommands()) };
    assert.strictEqual(await new LogRevealer(COMMAND, flaky).reveal(), true);
    assert.deepStrictEqual(state.reveals, [0, 3]);
  });

  it('shares one wait between reveals asked for while waiting', async () => {
    const { state, api } = fakeWindow(2);
    const revealer = new LogRevealer(COMMAND, api);
    const first = revealer.reveal();
    const second = revealer.reveal();
    assert.strictEqual(first, second);
    await first;
    assert.strictEqual(state.looks, 3);
    assert.deepStrictEqual(state.reveals, [0, 1, 3]);
  });

  it('reveals nothing more once disposed', async () => {
    const { state, api } = fakeWindow(2);
    const revealer = new LogRevealer(COMMAND, api);
    const pending = revealer.reveal();
    revealer.dispose();
    assert.strictEqual(await pending, false);
    assert.strictEqual(await revealer.reveal(), false);
    assert.deepStrictEqual(state.reveals, [0]);
  });
});
