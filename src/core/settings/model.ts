/**
 * The dialect-neutral view of a scanned settings file that findings work on: every MoMo
 * variable with its name range, literal value and/or environment read.
 */
import type { NameInfo } from './names/classify';
import type { Dialect } from './types';
import type { TextIndex } from './text/textIndex';

export interface LiteralValue {
  /** The decoded value. */
  value: string;
  /** Range of the literal as written (quotes included); empty range = nothing written yet. */
  start: number;
  end: number;
}

export interface EnvReadInfo {
  /** The environment variable read (`MOMO_API_KEY` in os.environ.get("MOMO_API_KEY")). */
  envName: string;
  envInfo: NameInfo;
  envNameStart: number;
  envNameEnd: number;
  /** A string-literal default (`os.environ.get("X", "<default>")`, `config("X", default="...")`). */
  defaultLiteral?: LiteralValue;
}

export interface ScannedVariable {
  /** The name as written: Python/dotenv variable, JSON key. */
  name: string;
  /** What the variable holds; for `API_KEY = os.environ.get("MOMO_API_KEY")` this is the env name's info. */
  info: NameInfo;
  nameStart: number;
  nameEnd: number;
  /** Lines of the whole statement / member / dotenv entry. */
  startLine: number;
  endLine: number;
  literal?: LiteralValue;
  envRead?: EnvReadInfo;
  /** JSON: the key path from the root, the key included. */
  path?: string[];
}

export interface ScannedSettings {
  dialect: Dialect;
  index: TextIndex;
  variables: ScannedVariable[];
}
