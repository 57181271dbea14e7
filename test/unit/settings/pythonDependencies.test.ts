import * as assert from 'node:assert/strict';
import { applyEdits, pyprojectEdits, requirementsEdits } from '../../../src/core/settings';

const add = (text: string) => applyEdits(text, requirementsEdits(text, 'python-dotenv'));
const addToPyproject = (text: string) => {
  const edits = pyprojectEdits(text, 'python-dotenv');
  return edits === undefined ? undefined : applyEdits(text, edits);
};

describe('settings: python-dotenv added to the project dependencies', () => {
  it('appends it to requirements.txt once, in the file\'s line breaks and final-newline state', () => {
    assert.equal(add('Django>=4.2,<5\nrequests>=2.31\n'), 'Django>=4.2,<5\nrequests>=2.31\npython-dotenv\n');
    assert.equal(add('Django>=4.2\r\nrequests\r\n'), 'Django>=4.2\r\nrequests\r\npython-dotenv\r\n');
    assert.equal(add('Django>=4.2'), 'Django>=4.2\npython-dotenv');
    assert.equal(add(''), 'python-dotenv\n');
  });

  it('leaves requirements.txt alone when it lists the package in any spelling', () => {
    for (const listed of ['python-dotenv\n', 'python-dotenv==1.0\n', 'Python_Dotenv[cli]==1.0.1  # env files\n', 'django\n  python.dotenv >= 1\n']) {
      assert.deepEqual(requirementsEdits(listed, 'python-dotenv'), [], listed);
    }
    // A comment or a longer name is not the package.
    assert.equal(add('# python-dotenv\n'), '# python-dotenv\npython-dotenv\n');
    assert.equal(add('python-dotenv-vault\n'), 'python-dotenv-vault\npython-dotenv\n');
  });

  it('adds it to Poetry\'s dependency table, after its last entry', () => {
    const poetry = '[tool.poetry]\nname = "shop"\n\n[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\n\n[build-system]\nrequires = ["poetry-core"]\n';
    assert.equal(
      addToPyproject(poetry),
      '[tool.poetry]\nname = "shop"\n\n[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\npython-dotenv = ">=1.0"\n\n[build-system]\nrequires = ["poetry-core"]\n',
    );
    assert.deepEqual(pyprojectEdits(poetry.replace('django = "^4.2"', 'python_dotenv = { version = "^1.0", extras = ["cli"] }'), 'python-dotenv'), []);
  });

  it('adds it to [project] dependencies, one-line or multi-line, keeping TOML valid', () => {
    assert.equal(addToPyproject('[project]\nname = "shop"\ndependencies = ["django>=4.2"]\n'), '[project]\nname = "shop"\ndependencies = ["django>=4.2", "python-dotenv"]\n');
    assert.equal(addToPyproject('[project]\ndependencies = []\n'), '[project]\ndependencies = ["python-dotenv"]\n');
    assert.equal(addToPyproject('[project]\ndependencies = ["django",]\n'), '[project]\ndependencies = ["django", "python-dotenv"]\n');
    assert.equal(
      addToPyproject('[project]\ndependencies = [\n  "django>=4.2",\n]\n'),
      '[project]\ndependencies = [\n  "python-dotenv",\n  "django>=4.2",\n]\n',
    );
    assert.deepEqual(pyprojectEdits('[project]\ndependencies = [\n    "Python-DotEnv[cli]>=1.0",\n]\n', 'python-dotenv'), []);
  });

  it('says nothing can be placed when the file has no dependency list of either kind', () => {
    assert.equal(pyprojectEdits('[tool.black]\nline-length = 100\n', 'python-dotenv'), undefined);
    // dependencies under another table are not the project's.
    assert.equal(pyprojectEdits('[tool.other]\ndependencies = []\n', 'python-dotenv'), undefined);
  });
});
