/**
 * Why "MoMo: Show Log" reveals the channel a second time.
 *
 * The extension host announces a log output channel (`createOutputChannel(name, { log: true })`)
 * to the window as a logger; the window's Output list picks loggers up only in its "log output
 * channels" workbench contribution, which VS Code creates when the window reaches its Restored
 * phase. Until then, `channel.show()` reaches the window for a channel it does not list, and the
 * window drops it without a word. A command run from the palette of a window still restoring
 * (it activates the extension, which creates the channel and shows it at once) therefore showed
 * nothing. Once the window lists the channel it also registers the command
 * `workbench.action.output.show.<channel id>`: seeing that command listed means a reveal lands,
 * so the channel is revealed again then.
 *
 * No `vscode` import here: log.ts passes the API in, and the unit test passes fakes.
 */

export interface LogRevealApi {
  /** The commands the window knows (vscode.commands.getCommands). */
  listCommands(): PromiseLike<readonly string[]>;
  /** channel.show(true): reveal without taking focus. */
  reveal(): void;
  wait(ms: number): Promise<void>;
}

/** How long to look for the window listing the channel: a loaded machine restores slowly. */
export const LIST_WAIT_MS = 60_000;
export const LIST_POLL_MS = 250;

/** The command the window registers with a log output channel; its id is `<extension id>.<channel name>`. */
export function outputShowCommand(extensionId: string, channelName: string): string {
  return `workbench.action.output.show.${extensionId}.${channelName}`;
}

/**
 * Reveals now, then again once the window lists `showCommand`. Resolves true when it did, false
 * when the command never showed up within LIST_WAIT_MS (the first reveal is all there was).
 * Reveals that come while one is still waiting share its wait.
 */
export class LogRevealer {
  private pending: Promise<boolean> | undefined;
  private stopped = false;

  constructor(
    private readonly showCommand: string,
    private readonly api: LogRevealApi,
  ) {}

  reveal(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    this.api.reveal();
    this.pending ??= this.revealWhenListed().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async revealWhenListed(): Promise<boolean> {
    for (let waited = 0; ; waited += LIST_POLL_MS) {
      const listed = await Promise.resolve(this.api.listCommands()).then(
        (commands) => commands.includes(this.showCommand),
        () => false,
      );
      if (this.stopped) return false;
      if (listed) {
        // Even when listed at the first look, the window may have listed it just after the
        // first reveal arrived: one more reveal of the shown channel changes nothing.
        this.api.reveal();
        return true;
      }
      if (waited >= LIST_WAIT_MS) return false;
      await this.api.wait(LIST_POLL_MS);
    }
  }

  /** No reveal after this (the channel is being disposed). */
  dispose(): void {
    this.stopped = true;
  }
}
