/** Where something is in the workspace: a file relative to the workspace root, 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * What the app answered to one callback, as the emulator recorded it (the fields of its
 * CallbackAttempt that an explanation needs). `status` null: no HTTP answer, see `error`.
 */
export interface CallbackAnswer {
  url: string;
  method: 'PUT' | 'POST';
  status: number | null;
  error?: { code: string; message: string };
  responseHeaders: Record<string, string>;
  responseBody: string;
  durationMs: number;
}

export type CallbackVerdict =
  | 'accepted'
  | 'djangoCsrf'
  | 'forbidden'
  | 'laravelCsrf'
  | 'methodNotAllowed'
  | 'notFound'
  | 'appendSlashRedirect'
  | 'httpsRedirect'
  | 'loginRedirect'
  | 'redirect'
  | 'serverError'
  | 'otherStatus'
  | 'timeout'
  | 'refused'
  | 'noConnection'
  | 'notLocal'
  | 'hostMismatch'
  | 'wrongScheme'
  | 'notDelivered';

export interface CallbackExplanation {
  verdict: CallbackVerdict;
  /** True only when MoMo would count the callback as delivered (a 2xx answer). */
  ok: boolean;
  /** One line: what happened, e.g. "Your app answered 403 Forbidden: Django's CSRF check refused the callback." */
  summary: string;
  /** Why, in plain words. */
  cause: string;
  /** What to do next. */
  next: string;
  /** Supporting lines: the first lines of an error page, the redirect target. Bounded. */
  details: string[];
  /** The view to change, when it was found in the workspace. */
  location?: SourceLocation;
}
