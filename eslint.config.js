// Lint: recommended rules plus type-aware checks on src/; data and generated folders are ignored.
// The layer rule of src/README.md is enforced here: each layer lists the layers it may import,
// and an import of any other soz layer fails the gate; node:fs is for case/, library/, cli/ and
// the files listed in FS_FILES only (only case/ touches a case folder).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Which soz layers each layer of `src/` may import (besides its own files). */
const LAYER_IMPORTS = {
  core: [],
  case: ['core'],
  ingest: ['core'],
  language: ['core'],
  analysis: ['core', 'language'],
  sop: ['core', 'language'],
  report: ['core', 'analysis', 'sop'],
  seal: ['core'],
  practice: ['core'],
  library: ['core', 'case', 'language'],
  pipeline: ['core', 'case', 'ingest', 'language', 'analysis', 'sop', 'report', 'seal', 'practice', 'library'],
  desk: ['core', 'case', 'analysis', 'report', 'pipeline'],
  cli: ['core', 'case', 'ingest', 'language', 'analysis', 'sop', 'report', 'seal', 'practice', 'pipeline', 'library', 'desk'],
};

/** Layers free to use `node:fs`: the case folder's owner, the library folder's owner, the terminal face. */
const FS_LAYERS = ['case', 'library', 'cli'];

/**
 * Files of other layers that may use `node:fs`, and why. None may touch a case folder: only `case/`
 * does (src/README.md). A new reader of installed data or of a file the user names is added here.
 */
const FS_FILES = {
  'src/ingest/file-input.ts': 'the one place a path becomes an EvidenceInput',
  'src/ingest/pdf/runner.ts': 'finds the compiled pdf.js worker beside it',
  'src/ingest/telegram/pool.ts': 'finds the compiled Telegram worker beside it',
  'src/analysis/parallel.ts': 'finds the compiled analysis worker beside it',
  'src/language/data-cache.ts': 'reads and writes the compiled data cache in dist/ (installed data, never a case)',
  'src/language/data.ts': 'reads the installed language data',
  'src/language/lemma-ru.ts': 'reads the installed Russian lemma dictionary',
  'src/language/english-tagger.ts': "reads the prebuilt English tagger in dist/ and the installed compromise's package.json",
  'src/sop/data.ts': 'reads the installed SOP data',
  'src/analysis/lexicon-files.ts': 'reads the installed lexicons',
  'src/analysis/eval/files.ts': 'reads the installed evaluation sets',
  'src/pipeline/install.ts': 'hashes the installed data files for the manifest',
  'src/pipeline/data.ts': 'validates the installed data',
  'src/pipeline/cli-catalogue.ts': 'reads the installed CLI texts',
  'src/pipeline/desk-labels.ts': 'reads the installed desk labels',
  'src/pipeline/report.ts': 'reads the installed report templates and labels',
  'src/pipeline/ocr.ts': "hashes Tesseract's installed language data",
  'src/pipeline/practice.ts': 'reads the installed practice cases',
  'src/pipeline/intake.ts': 'the size of a seized file named on the command line',
  'src/pipeline/examiner.ts': 'an answer or attachment file named on the command line',
  'src/pipeline/library.ts': 'a reference file named on the command line',
  'src/pipeline/lists.ts': 'a list file named on the command line',
  'src/pipeline/seal.ts': 'key files named on the command line',
  'src/desk/server.ts': "serves the desk page's built files (case files go through case/)",
};

const FS_MODULES = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises'];

const layerRules = Object.entries(LAYER_IMPORTS).flatMap(([layer, allowed]) => {
  const forbidden = Object.keys(LAYER_IMPORTS).filter((other) => other !== layer && !allowed.includes(other));
  const patterns = forbidden.map((other) => ({
    group: [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`],
    message: `src/${layer}/ may import only ${['its own files', ...allowed.map((name) => `src/${name}/`)].join(', ')} (layer rule, src/README.md).`,
  }));
  const fsFiles = Object.keys(FS_FILES).filter((file) => file.startsWith(`src/${layer}/`));
  const paths = FS_MODULES.map((name) => ({
    name,
    message: `only src/case/ touches the case folder; files here read no files (a reader of installed data or of a named file is listed in FS_FILES of eslint.config.js, with why).`,
  }));
  const rule = (withFs) => ({ 'no-restricted-imports': ['error', { patterns, ...(withFs ? {} : { paths }) }] });
  const fsFree = FS_LAYERS.includes(layer);
  return [
    { files: [`src/${layer}/**/*.ts`], ignores: ['src/**/*.test.ts', ...fsFiles], rules: rule(fsFree) },
    ...(fsFiles.length > 0 ? [{ files: fsFiles, rules: rule(true) }] : []),
  ];
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-case/**', 'demo-case-*/**', 'coverage/**', 'bench-out/**', 'tests/hostile/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  ...layerRules,
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/soz'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
