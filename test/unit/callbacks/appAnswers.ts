import type { AppHandler } from './appServer';

/** Django's CSRF failure page as it answers with DEBUG = False (django/views/csrf.py's template). */
export const DJANGO_CSRF_403_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style>
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font-family: sans-serif; background:#eee; color:#000; }
    body>div { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; margin-bottom:.4em; }
    h1 span { font-size:60%; color:#666; font-weight:normal; }
    #info { background:#f6f6f6; }
    #info ul { margin: 0.5em 4em; }
    #info p, #summary p { padding-top:10px; }
    #summary { background: #ffc; }
    #explanation { background:#eee; border-bottom: 0px none; }
  </style>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>

  <p>You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>
  <p>If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.</p>
</div>

<div id="explanation">
  <p><small>More information is available with DEBUG=True.</small></p>
</div>
</body>
</html>
`;

/** Laravel's "Page Expired" answer to a request without a CSRF token. */
export const LARAVEL_419_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page Expired</title></head>
<body><div class="flex-center"><div class="code">419</div><div class="message">Page Expired</div></div></body>
</html>
`;

/** Django's DEBUG page for an exception in a view (its first lines). */
export const DJANGO_500_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>KeyError at /momo/callback/</title>
  <style type="text/css">html * { padding:0; margin:0; }</style>
</head>
<body>
<div id="summary">
  <h1>KeyError at /momo/callback/</h1>
  <pre class="exception_value">&#x27;financialTransactionId&#x27;</pre>
</div>
</body>
</html>
`;

function html(status: number, page: string): AppHandler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  };
}

/**
 * A Django app with the default middleware: `/momo/callback/` is the view behind
 * CsrfViewMiddleware (403 page), and CommonMiddleware's APPEND_SLASH redirects the URL
 * without the slash (301), as Django does for unsafe methods when DEBUG is False.
 */
export const djangoApp: AppHandler = (req, res) => {
  const path = req.path.split('?')[0];
  if (path === '/momo/callback') {
    res.writeHead(301, { location: '/momo/callback/', 'content-type': 'text/html; charset=utf-8' });
    res.end();
  } else if (path === '/momo/callback/') {
    html(403, DJANGO_CSRF_403_PAGE)(req, res);
  } else {
    html(404, '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>')(req, res);
  }
};

export const laravelCsrf = html(419, LARAVEL_419_PAGE);
export const djangoServerError = html(500, DJANGO_500_PAGE);
