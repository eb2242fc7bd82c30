// Lint: recommended rules plus type-aware checks on src/; data and generated folders are ignored.
// The layer rule of src/README.md is enforced here: each layer lists the layers it may import,
// and an import of any other soz layer fails the gate.
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

const layerRules = Object.entries(LAYER_IMPORTS).map(([layer, allowed]) => {
  const forbidden = Object.keys(LAYER_IMPORTS).filter((other) => other !== layer && !allowed.includes(other));
  return {
    files: [`src/${layer}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`],
            message: `src/${layer}/ may import only ${['its own files', ...allowed.map((name) => `src/${name}/`)].join(', ')} (layer rule, src/README.md).`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-case/**', 'coverage/**', 'tests/hostile/generated/**'] },
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
