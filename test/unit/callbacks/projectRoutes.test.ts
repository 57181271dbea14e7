import * as assert from 'assert';
import { locateDjangoView, proposeCallbackRoutes } from '../../../src/core/callbacks';

const DJANGO_URLS = `from django.urls import path
from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("orders/<int:pk>/", views.order, name="order"),
    path("momo/callback/", views.momo_callback, name="momo_callback"),
    path("hooks/payment/", views.PaymentHook.as_view(), name="webhook"),
]
`;
const DJANGO_VIEWS = `from django.http import HttpResponse


def home(request):
    return HttpResponse("hi")


def momo_callback(request):
    return HttpResponse(status=204)


class PaymentHook(View):
    pass
`;

describe('callback routes of a project (best effort)', () => {
  it('proposes Django routes whose path, view or name mention momo/callback/webhook, on port 8000', () => {
    const routes = proposeCallbackRoutes([{ fileName: 'shop/urls.py', text: DJANGO_URLS }]);
    assert.deepStrictEqual(
      routes.map((r) => [r.framework, r.url, r.view, r.location.line]),
      [
        ['django', 'http://localhost:8000/momo/callback/', 'views.momo_callback', 7],
        ['django', 'http://localhost:8000/hooks/payment/', 'views.PaymentHook', 8],
      ],
    );
  });

  it('proposes Laravel routes (api.php under /api) and Express routes on the port the app listens on', () => {
    const routes = proposeCallbackRoutes([
      { fileName: 'routes/web.php', text: "<?php\nRoute::get('/', fn () => view('welcome'));\nRoute::post('/momo/callback', [MomoController::class, 'callback']);\n" },
      { fileName: 'routes/api.php', text: "<?php\nRoute::match(['put', 'post'], 'payments/webhook', PaymentWebhook::class);\n" },
      { fileName: 'server.js', text: "const app = express();\napp.put('/momo/callback', handler);\napp.listen(process.env.PORT || 4000);\n" },
      { fileName: 'node_modules/x/index.js', text: "app.post('/momo/callback', h)\n" },
    ]);
    assert.deepStrictEqual(routes.map((r) => r.url), [
      'http://localhost:8000/momo/callback',
      'http://localhost:4000/momo/callback',
      'http://localhost:8000/api/payments/webhook',
    ]);
  });

  it('skips over-long lines and regular-expression routes instead of guessing', () => {
    const long = `path("momo/callback/${'x'.repeat(2000)}", views.cb),`;
    const routes = proposeCallbackRoutes([{ fileName: 'urls.py', text: `${long}\nre_path(r"^momo/(?P<id>\\d+)/$", views.cb),\n` }]);
    assert.deepStrictEqual(routes, []);
  });

  it('finds the Django view of a URL path and whether it is @csrf_exempt', () => {
    const files = [
      { fileName: 'shop/urls.py', text: DJANGO_URLS },
      { fileName: 'shop/views.py', text: DJANGO_VIEWS },
    ];
    assert.deepStrictEqual(locateDjangoView(files, '/momo/callback/'), { file: 'shop/views.py', line: 8, csrfExempt: false });
    assert.deepStrictEqual(locateDjangoView(files, '/shop/momo/callback/'), { file: 'shop/views.py', line: 8, csrfExempt: false }, 'under an include() prefix');
    const exempt = DJANGO_VIEWS.replace('def momo_callback', '@csrf_exempt\n@require_http_methods(["PUT", "POST"])\ndef momo_callback');
    assert.deepStrictEqual(locateDjangoView([files[0], { fileName: 'shop/views.py', text: exempt }], '/momo/callback/'), {
      file: 'shop/views.py',
      line: 10,
      csrfExempt: true,
    });
    assert.strictEqual(locateDjangoView(files, '/nothing/'), undefined);
  });
});
