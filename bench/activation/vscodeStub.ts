/**
 * A stand-in for the `vscode` module, so that dist/extension.js can be loaded and activated in
 * plain Node. What activate() constructs or subclasses (TreeItem, EventEmitter, Disposable…) is a
 * small real class; every other API is a no-op returning further stubs. Calls cost about what a cheap
 * function call costs, so the measured time is the extension's own: module evaluation plus activate().
 */

type AnyRecord = Record<PropertyKey, unknown>;

/** Any member: a callable, constructible object whose members are stubs too. Never a thenable. */
export function stub(name: string): any {
  const members = new Map<PropertyKey, unknown>();
  return new Proxy(function () {} as unknown as AnyRecord, {
    get(_, key) {
      if (key === 'then') return undefined; // `await stub` must resolve, not wait for a callback
      if (key === Symbol.toPrimitive) return () => `[vscode ${name}]`;
      if (typeof key === 'symbol') return undefined;
      if (!members.has(key)) members.set(key, stub(`${name}.${String(key)}`));
      return members.get(key);
    },
    set(_, key, value) {
      members.set(key, value);
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

/** `explicit` members as given; anything else a stub. */
function partial(name: string, explicit: AnyRecord): any {
  return new Proxy(explicit, {
    get(target, key) {
      if (key in target || typeof key === 'symbol') return target[key];
      return (target[key] = stub(`${name}.${String(key)}`));
    },
  });
}

export class Disposable {
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => unknown) {}
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Array<(value: T) => unknown> = [];
  readonly event = (listener: (value: T) => unknown): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value: T): void {
    this.listeners.forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class TreeItem {
  constructor(
    public label: unknown,
    public collapsibleState?: number,
  ) {}
}

export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  constructor(
    public value = '',
    public supportThemeIcons = false,
  ) {}
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export class Uri {
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  static parse(value: string): Uri {
    return new Uri(value.split(':')[0], value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
}

const noop = () => new Disposable(() => undefined);
const resolved = async () => undefined;

const configuration = { get: (_key: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: resolved };

export const commands = partial('commands', { registerCommand: noop, registerTextEditorCommand: noop, executeCommand: resolved });
export const window = partial('window', {
  showInformationMessage: resolved,
  showWarningMessage: resolved,
  showErrorMessage: resolved,
  showQuickPick: resolved,
  showInputBox: resolved,
  withProgress: resolved,
  onDidChangeActiveTextEditor: noop,
  visibleTextEditors: [],
});
export const workspace = partial('workspace', {
  getConfiguration: () => configuration,
  onDidChangeConfiguration: noop,
  onDidOpenTextDocument: noop,
  onDidChangeTextDocument: noop,
  onDidCloseTextDocument: noop,
  onDidSaveTextDocument: noop,
  onDidChangeWorkspaceFolders: noop,
  textDocuments: [],
  workspaceFolders: undefined,
});
export const languages = partial('languages', { createDiagnosticCollection: () => stub('diagnostics'), registerCodeActionsProvider: noop });
export const env = partial('env', { language: 'en', uiKind: 1, openExternal: resolved });
export const l10n = { t: (message: string) => message };

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
export const ViewColumn = { Active: -1, Beside: -2, One: 1 };
export const InputBoxValidationSeverity = { Info: 1, Warning: 2, Error: 3 };
export const ExtensionMode = { Production: 1, Development: 2, Test: 3 };

// Any other export (CodeActionKind, languages, …) is a stub too. Through the prototype, because
// esbuild's interop copies the module's own keys and looks everything else up on that prototype.
const otherExports = new Map<string, unknown>();
Object.setPrototypeOf(
  exports,
  new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key === 'symbol' || key === 'then') return undefined;
        if (!otherExports.has(key)) otherExports.set(key, stub(key));
        return otherExports.get(key);
      },
    },
  ),
);
