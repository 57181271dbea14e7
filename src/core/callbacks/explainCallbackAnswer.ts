import { firstLines, isDjangoCsrfPage } from './answerText';
import type { CallbackAnswer, CallbackExplanation, CallbackVerdict, SourceLocation } from './types';

export interface ExplainContext {
  /** The view that serves the URL, when the workspace scan found it. */
  view?: SourceLocation & { csrfExempt?: boolean };
  /** How long MoMo waits. Default 2000 ms. */
  timeoutMs?: number;
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type', 419: 'Page Expired', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return REASONS[status] ? `${status} ${REASONS[status]}` : String(status);
}

/**
 * Explains what the app answered to a callback: cause and next step for every answer the
 * issue lists (2xx, Django CSRF 403, Laravel 419, 405, 404, redirects, 5xx, no answer in time,
 * connection refused) and the ones around them. Pure: the caller passes the recorded answer.
 */
export function explainCallbackAnswer(answer: CallbackAnswer, context: ExplainContext = {}): CallbackExplanation {
  const timeoutMs = context.timeoutMs ?? 2000;
  const make = (verdict: CallbackVerdict, summary: string, cause: string, next: string, details: string[] = [], location?: SourceLocation) => ({
    verdict,
    ok: verdict === 'accepted',
    summary,
    cause,
    next,
    details,
    ...(location ? { location } : {}),
  });
  const port = portOf(answer.url);
  if (answer.status === null) {
    switch (answer.error?.code) {
      case 'timeout':
        return make(
          'timeout',
          `Your app did not answer within ${seconds(timeoutMs)}.`,
          `MoMo waits about ${seconds(timeoutMs)} for the answer, then gives up on this callback; the payment is final either way.`,
          'Answer at once (200 or 204) and do the slow work afterwards (a queue, a background task); poll the status call for payments whose callback never came.',
        );
      case 'refused':
        return make(
          'refused',
          `Nothing answered on port ${port}: the connection was refused.`,
          `Your app is not running on port ${port}, or listens on another address.`,
          `Start your app (for example \`python manage.py runserver ${port}\`), or correct the port in the callback URL.`,
        );
      case 'notLocal':
        return make(
          'notLocal',
          'The callback was not sent: the host is not this machine.',
          'The local emulator only calls apps running on this machine (localhost, 127.0.0.1).',
          'Rehearse with a localhost URL of your running app; check the public URL again once it is deployed.',
        );
      case 'cancelled':
        return make('notDelivered', 'The rehearsal stopped before your app answered.', 'It was cancelled or the emulator closed.', 'Run it again.');
      default:
        return make(
          'noConnection',
          `The callback could not reach your app (${answer.error?.message ?? 'no answer'}).`,
          'The connection broke before an answer came: the app crashed, closed the connection, or the name did not resolve.',
          "Look at your app's console for the request, then run the rehearsal again.",
        );
    }
  }
  const status = answer.status;
  const got = `Your app answered ${statusText(status)} to the ${answer.method} in ${answer.durationMs} ms`;
  const view = context.view;
  const where = view ? ` (${view.file}:${view.line})` : '';
  if (status >= 200 && status < 300) {
    return make('accepted', `${got}: MoMo counts the callback as delivered.`, 'The app accepted the callback.', 'Nothing to fix. Check that the payment was recorded in your app (look it up by externalId or the reference id).');
  }
  if (status === 403 && isDjangoCsrfPage(answer.responseBody)) {
    return make(
      'djangoCsrf',
      `${got}: Django's CSRF check refused the callback.`,
      "CsrfViewMiddleware refuses every unsafe request (PUT, POST) that carries no CSRF token, and MoMo never sends one; so the payment would never be recorded.",
      view?.csrfExempt
        ? `The view${where} is marked @csrf_exempt, but another route or middleware answers this URL: check the URL in urls.py.`
        : `Add @csrf_exempt (from django.views.decorators.csrf import csrf_exempt) to the callback view${where || ' that urls.py maps to this URL'}, and check the callback's content instead (the reference id against your own records).`,
      firstLines(answer.responseBody, 3),
      view,
    );
  }
  if (status === 419) {
    return make(
      'laravelCsrf',
      `${got}: Laravel's CSRF check (VerifyCsrfToken) refused the callback.`,
      'Routes in routes/web.php go through the CSRF middleware, and MoMo sends no CSRF token.',
      'Add the callback path to the $except list of App\\Http\\Middleware\\VerifyCsrfToken (Laravel 11: validateCsrfTokens(except: [...]) in bootstrap/app.php), or move the route to routes/api.php.',
      [],
      view,
    );
  }
  if (status === 403) {
    return make(
      'forbidden',
      `${got}: the app refused the callback.`,
      'Something in front of the view refused it: an authentication check, a permission, an allowed-hosts rule, or a firewall.',
      `Let the callback URL through without a login or token (MoMo sends none)${where}; check the callback's content instead.`,
      firstLines(answer.responseBody, 3),
      view,
    );
  }
  if (status === 405) {
    return make(
      'methodNotAllowed',
      `${got}: the route does not accept ${answer.method}.`,
      'Request-to-pay callbacks have been seen arriving as PUT and transfer callbacks as POST; a route that takes only one of them refuses the other.',
      `Accept both PUT and POST on the callback route${where} (Django: a plain view or @require_http_methods(["PUT", "POST"]); Laravel: Route::match(['put', 'post'], …); Express: app.all or app.put beside app.post).`,
      [],
      view,
    );
  }
  if (status === 404) {
    return make(
      'notFound',
      `${got}: no route matches ${pathOf(answer.url)}.`,
      'The path of the callback URL is not one your app serves (a typo, a missing prefix such as /api/, or a trailing slash).',
      'Use the exact path of your callback route, or add the route.',
      firstLines(answer.responseBody, 2),
      view,
    );
  }
  if (status >= 300 && status < 400) return explainRedirect(answer, status, got, make);
  if (status >= 500) {
    return make(
      'serverError',
      `${got}: the app failed while handling the callback.`,
      'Your callback code raised an error. The first lines of its answer are below.',
      "Fix the error in the callback view (your app's console has the traceback), then run the rehearsal again.",
      firstLines(answer.responseBody, 5),
      view,
    );
  }
  return make(
    'otherStatus',
    `${got}: MoMo does not count that as delivered.`,
    'Only a 2xx answer tells MoMo the callback arrived.',
    'Answer 200 or 204 once the callback is read; validate its content without refusing it.',
    firstLines(answer.responseBody, 3),
    view,
  );
}

type Make = (verdict: CallbackVerdict, summary: string, cause: string, next: string, details?: string[]) => CallbackExplanation;

function explainRedirect(answer: CallbackAnswer, status: number, got: string, make: Make): CallbackExplanation {
  const location = answer.responseHeaders.location ?? '';
  let target: URL | undefined;
  try {
    target = location ? new URL(location, answer.url) : undefined;
  } catch {
    target = undefined;
  }
  const details = location ? [`Location: ${location.slice(0, 300)}`] : [];
  const from = new URL(answer.url);
  const noFollow = 'MoMo does not follow redirects, so the callback never reaches your view.';
  if (target && target.host === from.host && target.pathname === `${from.pathname}/` && target.search === from.search) {
    return make(
      'appendSlashRedirect',
      `${got}: a redirect to the same URL with a trailing slash (Django's APPEND_SLASH).`,
      `Django's CommonMiddleware redirects URLs without the trailing slash that urls.py has. ${noFollow}`,
      `Use the exact URL with the slash: ${target.toString()}`,
      details,
    );
  }
  if (target && target.protocol === 'https:' && from.protocol === 'http:' && target.hostname === from.hostname) {
    return make(
      'httpsRedirect',
      `${got}: a redirect from http to https.`,
      `The app (SECURE_SSL_REDIRECT, a proxy, or a framework setting) sends http requests to https. ${noFollow}`,
      'Give MoMo the final URL: https in production; in the sandbox (http only) turn the redirect off for the callback path.',
      details,
    );
  }
  if (target && /login|signin|auth/i.test(target.pathname)) {
    return make(
      'loginRedirect',
      `${got}: a redirect to a login page.`,
      `The callback view requires a logged-in user, and MoMo never logs in. ${noFollow}`,
      'Remove the login requirement from the callback view (for example @login_required); check the callback content instead.',
      details,
    );
  }
  return make('redirect', `${got}: a redirect (status ${status}).`, noFollow, 'Use the exact URL your app serves without redirecting.', details);
}

function portOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    return 'that';
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.slice(0, 200);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`;
}

/** Refusals before any callback: the URL does not fit the API user. */
export function explainHostMismatch(urlHost: string, providerCallbackHost: string): CallbackExplanation {
  return {
    verdict: 'hostMismatch',
    ok: false,
    summary: `Not sent: the URL is on ${urlHost}, but the API user's providerCallbackHost is ${providerCallbackHost}.`,
    cause: 'MoMo only calls back to the host registered with the API user and refuses the payment request otherwise (400 INVALID_CALLBACK_URL_HOST).',
    next: `Create an API user whose callback host is ${urlHost}, or use a URL on ${providerCallbackHost}.`,
    details: [],
  };
}

export function explainWrongScheme(scheme: string): CallbackExplanation {
  return {
    verdict: 'wrongScheme',
    ok: false,
    summary: `Not sent: the sandbox calls back over http, and this URL uses ${scheme}.`,
    cause: 'The MoMo sandbox wants http callback URLs (production wants https); the emulator refuses others with 400 INVALID_CALLBACK_URL_HOST.',
    next: 'Use the http:// URL of your local app for the rehearsal.',
    details: [],
  };
}

export function explainNoCallback(paymentStatus: string): CallbackExplanation {
  return {
    verdict: 'notDelivered',
    ok: false,
    summary: `No callback was sent: the payment is still ${paymentStatus}.`,
    cause: 'MoMo calls back only when the payment reaches its final state (SUCCESSFUL or FAILED).',
    next: 'Rehearse with the success, failed, rejected or timeout outcome.',
    details: [],
  };
}
