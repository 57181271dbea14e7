/**
 * What the editor, the doctor and the CLI agree on about a project: the files that mark its root
 * folder (where .env belongs), and whether a Python file loads .env.
 */

/** Files that mark a project's root folder. */
const PROJECT_MARKERS: ReadonlySet<string> = new Set(['.env', '.git', 'manage.py', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', 'package.json']);
const PROJECT_MARKER_SUFFIXES = ['.csproj', '.sln'];

export function isProjectMarker(fileName: string): boolean {
  return PROJECT_MARKERS.has(fileName) || PROJECT_MARKER_SUFFIXES.some((suffix) => fileName.endsWith(suffix));
}

/** A call that loads .env into the environment: python-dotenv, django-environ, django-dotenv. */
const LOADER_CALLS = String.raw`\bload_dotenv\s*\(|\bread_env\s*\(|\bread_dotenv\s*\(|\bdotenv\.load\b`;

/** Every loader call in a Python file (global: use with lastIndex or matchAll; a file checks they sit in code). */
export function dotenvLoaderCalls(): RegExp {
  return new RegExp(LOADER_CALLS, 'g');
}

/**
 * Django loads settings.py through these files (manage.py in the project folder, wsgi.py and
 * asgi.py beside settings.py): .env loaded there counts for settings.py.
 */
export const DJANGO_ENTRY_FILES = { inProject: ['manage.py'], besideSettings: ['wsgi.py', 'asgi.py'] } as const;

/** A loader call, python-decouple (it reads .env itself) or dotenv_values anywhere in one of DJANGO_ENTRY_FILES. */
const LOADS_DOTENV_FOR_SETTINGS = new RegExp(String.raw`${LOADER_CALLS}|\bdotenv_values\s*\(|^\s*from\s+decouple\s+import\b`, 'm');

export function loadsDotenvForSettings(entryFileText: string): boolean {
  return LOADS_DOTENV_FOR_SETTINGS.test(entryFileText);
}
