/**
 * Best-effort reading of a project's routes to propose a callback URL and to find the view that
 * serves one: Django `urls.py` (`path(...)` / `re_path(...)`), Laravel `routes/*.php`
 * (`Route::post(...)` and friends), Express (`app.post(...)`, `router.put(...)`). Line by line,
 * on lines of bounded length, with fixed patterns; anything unusual is simply not proposed.
 */
import type { SourceLocation } from './types';

export interface ProjectFile {
  /** Workspace-relative, with forward slashes. */
  fileName: string;
  text: string;
}

export type RouteFramework = 'django' | 'laravel' | 'express';

export interface ProposedRoute {
  framework: RouteFramework;
  /** The path as the app serves it, starting with '/'. */
  path: string;
  url: string;
  /** Django: the view expression (`views.momo_callback`); others: undefined. */
  view?: string;
  location: SourceLocation;
}

const MAX_LINE = 1000;
const MAX_FILE_CHARS = 500_000;
const HINT = /momo|callback|webhook|notify|ipn/i;

const DJANGO_PATH = /\b(re_)?path\(\s*r?['"]([^'"]{0,200})['"]\s*,\s*([A-Za-z_][\w.]{0,100})/;
const DJANGO_NAME = /\bname\s*=\s*['"]([^'"]{0,100})['"]/;
const LARAVEL_ROUTE = /\bRoute::(post|put|any|match)\s*\(\s*(?:\[[^\]]{0,100}\]\s*,\s*)?['"]([^'"]{0,200})['"]/i;
const EXPRESS_ROUTE = /\b(?:app|router|server)\.(post|put|all)\s*\(\s*['"`]([^'"`]{0,200})['"`]/;
const EXPRESS_PORT = /\blisten\s*\(\s*(?:[\w.]{1,40}\s*\|\|\s*)?(\d{2,5})\b|\bPORT\s*(?:\|\||\?\?|=)\s*(\d{2,5})\b/;

/** Routes whose path or view mentions momo, callback, webhook (most likely first). */
export function proposeCallbackRoutes(files: readonly ProjectFile[]): ProposedRoute[] {
  const found: ProposedRoute[] = [];
  for (const file of files) {
    const kind = frameworkOf(file.fileName);
    if (!kind) continue;
    const lines = file.text.slice(0, MAX_FILE_CHARS).split(/\r?\n/);
    const port = kind === 'express' ? expressPort(lines) : 8000;
    lines.forEach((line, i) => {
      if (line.length > MAX_LINE) return;
      const route = readRoute(kind, line, file.fileName);
      if (!route || !HINT.test(`${route.path} ${route.view ?? ''} ${route.name ?? ''}`)) return;
      found.push({
        framework: kind,
        path: route.path,
        url: `http://localhost:${port}${route.path}`,
        ...(route.view ? { view: route.view } : {}),
        location: { file: file.fileName, line: i + 1 },
      });
    });
  }
  const score = (r: ProposedRoute) => (/momo/i.test(r.path) ? 0 : 1) + (/callback/i.test(r.path) ? 0 : 1);
  return found.sort((a, b) => score(a) - score(b));
}

function frameworkOf(fileName: string): RouteFramework | undefined {
  const name = fileName.replace(/\\/g, '/');
  if (/(^|\/)urls\.py$/.test(name)) return 'django';
  if (/(^|\/)routes\/[^/]+\.php$/.test(name)) return 'laravel';
  if (/\.(js|ts|mjs|cjs)$/.test(name) && !/(^|\/)node_modules\//.test(name)) return 'express';
  return undefined;
}

function readRoute(kind: RouteFramework, line: string, fileName: string): { path: string; view?: string; name?: string } | undefined {
  if (kind === 'django') {
    const m = DJANGO_PATH.exec(line);
    if (!m) return undefined;
    const raw = m[1] ? m[2].replace(/^\^/, '').replace(/\$$/, '') : m[2];
    if (/[()[\]\\?*+|{}]/.test(raw)) return undefined; // a pattern we would have to guess at
    return { path: `/${raw}`, view: m[3].replace(/\.as_view$/, ''), name: DJANGO_NAME.exec(line)?.[1] };
  }
  if (kind === 'laravel') {
    const m = LARAVEL_ROUTE.exec(line);
    if (!m) return undefined;
    const prefix = /(^|\/)routes\/api\.php$/.test(fileName) ? '/api' : '';
    return { path: `${prefix}/${m[2].replace(/^\//, '')}` };
  }
  const m = EXPRESS_ROUTE.exec(line);
  return m && m[2].startsWith('/') ? { path: m[2] } : undefined;
}

function expressPort(lines: string[]): number {
  for (const line of lines) {
    if (line.length > MAX_LINE) continue;
    const m = EXPRESS_PORT.exec(line);
    if (m) return Number(m[1] ?? m[2]);
  }
  return 3000;
}

/**
 * The Django view serving `urlPath`: the urls.py entry whose path matches (trailing slash
 * exact; a path under an include() prefix matches by its end), then `def <name>` (or `class <name>`) in a views file of the project, and whether
 * `@csrf_exempt` decorates it. Undefined when not found.
 */
export function locateDjangoView(files: readonly ProjectFile[], urlPath: string): (SourceLocation & { csrfExempt: boolean }) | undefined {
  // Exact first; else a route that ends the path (urls.py included under a prefix).
  const routes = proposeAllDjango(files);
  const route = routes.find((r) => r.path === urlPath) ?? routes.find((r) => r.path.length > 1 && urlPath.endsWith(r.path));
  if (!route?.view) return undefined;
  const name = route.view.split('.').pop() as string;
  for (const file of files) {
    if (!/\.py$/.test(file.fileName)) continue;
    const lines = file.text.slice(0, MAX_FILE_CHARS).split(/\r?\n/);
    const index = lines.findIndex((line) => line.length <= MAX_LINE && definesName(line, name));
    if (index < 0) continue;
    let csrfExempt = false;
    for (let i = index - 1; i >= 0 && /^\s*@/.test(lines[i]); i--) if (/csrf_exempt/.test(lines[i])) csrfExempt = true;
    return { file: file.fileName, line: index + 1, csrfExempt };
  }
  return { ...route.location, csrfExempt: false };
}

function definesName(line: string, name: string): boolean {
  const m = /^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w{0,100})\s*[(:]/.exec(line);
  return m?.[1] === name;
}

function proposeAllDjango(files: readonly ProjectFile[]): Array<{ path: string; view?: string; location: SourceLocation }> {
  const routes: Array<{ path: string; view?: string; location: SourceLocation }> = [];
  for (const file of files) {
    if (frameworkOf(file.fileName) !== 'django') continue;
    file.text
      .slice(0, MAX_FILE_CHARS)
      .split(/\r?\n/)
      .forEach((line, i) => {
        const route = line.length <= MAX_LINE ? readRoute('django', line, file.fileName) : undefined;
        if (route) routes.push({ ...route, location: { file: file.fileName, line: i + 1 } });
      });
  }
  return routes;
}
