/**
 * Public data types of the settings planner. Everything here is plain data so the editor
 * (WorkspaceEdit) and the CLI (fs.writeFile) can apply the same plan.
 */
import type { CredentialKind } from '../momo/credentialKind';
import type { Product } from '../momo/products';

export type Dialect = 'python' | 'dotenv' | 'json' | 'unsupported';

/** 0-based, UTF-16 code units, exactly like LSP / vscode.Position. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * One replacement. `startOffset`/`endOffset` index the same text as `range` (the text that was
 * planned on), so a caller may use whichever is convenient. Edits of one list never overlap.
 */
export interface TextEdit {
  range: Range;
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface SettingsDocument {
  text: string;
  /** Path or base name; only the base name and extension are looked at. */
  fileName: string;
  /** VS Code language id when known ('python', 'dotenv', 'json', 'jsonc', ...). */
  languageId?: string;
}

/** What a MoMo variable holds, derived from its name. */
export type MomoRole =
  | 'apiUser'
  | 'apiKey'
  | 'subscriptionKey'
  | 'targetEnvironment'
  | 'currency'
  | 'baseUrl'
  | 'callbackHost';

/** The credential roles a plan can write. */
export type CredentialRole = 'apiUser' | 'apiKey' | 'subscriptionKey';

export interface CredentialValues {
  apiUser: string;
  apiKey?: string;
  subscriptionKey?: string;
  product?: Product;
  /** True for Partner Portal (production) credentials: literal writes into tracked files ask first. */
  production?: boolean;
  /** 'system': System Credentials (User ID + Credential Token), written under the file's names for them. Default 'apiKey'. */
  credentialKind?: CredentialKind;
}

export type WriteMode = 'value' | 'reference';

export interface CredentialNames {
  apiUser: string;
  apiKey: string;
  subscriptionKey?: string;
}

export interface PlanOptions {
  /** Default: 'reference' for a tracked, not-ignored Python/JSON file; 'value' otherwise and always for dotenv. */
  mode?: WriteMode;
  /** Whether git tracks the file. Default: true for Python/JSON, false for dotenv files. */
  tracked?: boolean;
  /** Whether the file is git-ignored. Default false. */
  ignored?: boolean;
  /** Names used when the file has none (the extension setting). Default MOMO_API_USER / MOMO_API_KEY / MOMO_SUBSCRIPTION_KEY. */
  names?: CredentialNames;
  /** JSON: section created when the file has no MoMo section. Default 'MomoApiOptions'. */
  jsonSection?: string;
  /** JSON: keys used when the section has none. Default ApiUser / ApiKey / SubscriptionKey. */
  jsonNames?: CredentialNames;
  /** Reference mode: the project's existing .env. Absent → the plan creates `.env`. */
  dotenv?: SettingsDocument;
  /**
   * Reference mode: the project's .gitignore text; `null` = there is no .gitignore (the plan creates it);
   * undefined = not known (no .gitignore change is planned unless `dotenvIgnored` is false).
   */
  gitignoreText?: string | null;
  /** When the caller asked git (`git check-ignore`), this overrides reading `gitignoreText`. */
  dotenvIgnored?: boolean;
  /** The project loads .env somewhere else (manage.py, wsgi.py): skip the loader offer. */
  dotenvLoadedElsewhere?: boolean;
}

/** Changes to a file other than the planned document (.env, .gitignore). */
export interface FileChange {
  fileName: string;
  /** The file does not exist yet: edits apply to '' and the caller creates it. */
  create: boolean;
  edits: TextEdit[];
}

/** Offer to load .env in a Python settings file (python-dotenv or django-environ). */
export interface LoaderOffer {
  message: string;
  /** Edits in the planned document; they apply together with `edits` in one applyEdits call. */
  edits: TextEdit[];
  /** Package to install, e.g. 'python-dotenv'; undefined when the loader needs no new package. */
  packageName?: string;
}

export interface SettingsPlan {
  dialect: Dialect;
  /** False for unsupported files and files that could not be read (see `error`). */
  ok: boolean;
  error?: string;
  mode: WriteMode;
  /** Names written in this document (JSON: the key path joined with ':'), by role. */
  names: CredentialNames;
  /** Reference mode: the names written to .env. */
  envNames?: CredentialNames;
  edits: TextEdit[];
  dotenv?: FileChange;
  gitignore?: FileChange;
  loader?: LoaderOffer;
  /** Plain sentences for people: what was reused, left alone, or should be checked. */
  notices: string[];
  /** When set, the caller must ask the user (this text) before applying the plan. */
  needsConfirmation?: string;
  /** False when applying changes nothing (already up to date). */
  changed: boolean;
}

export type FindingCode =
  | 'momo.placeholder'
  | 'momo.missingApiUser'
  | 'momo.hardcodedSecret'
  | 'momo.browserExposed'
  | 'momo.sandboxCurrency'
  | 'momo.invalidTargetEnvironment'
  | 'momo.dotenvNotLoaded';

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface QuickFix {
  title: string;
  isPreferred?: boolean;
  /**
   * 'edit': apply `edits` (+ `dotenv`, `gitignore`) as they are.
   * 'fillCredentials': ask for / look up stored credentials, then call planCredentialInsert with
   *  `product` — the value is not known to the detector.
   */
  kind: 'edit' | 'fillCredentials';
  edits: TextEdit[];
  dotenv?: FileChange;
  gitignore?: FileChange;
  packageName?: string;
  product?: Product;
}

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** One or two plain sentences; never contains a secret value. */
  message: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /** The variable the finding is about, as written in the file. */
  name?: string;
  role?: MomoRole;
  product?: Product;
  fixes: QuickFix[];
}

export interface FindingOptions {
  /** Default: true for Python/JSON/other source files, false for dotenv files. */
  tracked?: boolean;
  ignored?: boolean;
  /** Secrets known to be production ones (from SecretStorage); matched exactly. */
  knownProductionSecrets?: string[];
  /** Used to plan the "move to .env" fix; absent → the fix creates .env. */
  dotenv?: SettingsDocument;
  gitignoreText?: string | null;
  dotenvIgnored?: boolean;
  dotenvLoadedElsewhere?: boolean;
  /**
   * The project is known to have no .env: an environment read with an empty default then has
   * nothing to read, and gets the same fill offer as a placeholder. Absent = not known.
   */
  dotenvMissing?: boolean;
}
