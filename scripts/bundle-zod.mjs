#!/usr/bin/env node
// Part of `npm run build`, right after tsc: zod as one module (issue 17, fixed cost of every command).
//
// The installed zod is 95 ES modules (its root re-exports every one of its 64 locales as a
// namespace), and soz's case records, message catalogue and language data import it, so every
// command and every analysis thread resolved, read and compiled all 95 before doing anything:
// `import('zod')` cost 108–130 ms of CPU against 43–65 ms for the same code bundled into one
// module (5 alternating runs, load 7–8). This script bundles the installed zod's own ES entry,
// unchanged and unminified, into `dist/vendor/zod.js` with esbuild, and points the compiled
// modules' `import … from 'zod'` at it. Nothing in `node_modules` is changed, the code is the
// same zod (the run manifest records its version from the lockfile either way); the TypeScript
// sources and the tests import the package as before. If the bundle cannot be built, the compiled
// modules keep importing the package.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const bundlePath = join(dist, 'vendor', 'zod.js');
/** How tsc writes an import of the package (the only form the sources use: `import { z } from 'zod'`). */
const PACKAGE_IMPORT = " from 'zod';";

/** The compiled modules under `dir`, recursively (desk-ui, the browser page, imports no zod). */
function compiledModules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(dist, 'vendor') ? [] : compiledModules(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** The bundle's text, or undefined (with the reason printed) when esbuild cannot build it. */
async function zodBundle() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
  try {
    const result = await esbuild.build({
      entryPoints: ['zod'],
      absWorkingDir: root,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      legalComments: 'inline',
      write: false,
      logLevel: 'silent',
    });
    return `// zod ${version}, bundled by scripts/bundle-zod.mjs from the installed package (one module instead of 95)\n${result.outputFiles[0].text}`;
  } catch (error) {
    console.log(`zod bundle: not built (${error.message.split('\n')[0]}); the compiled modules import the package`);
    return undefined;
  }
}

const bundle = await zodBundle();
if (bundle !== undefined) {
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, bundle);
  let pointed = 0;
  for (const path of compiledModules(dist)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes(PACKAGE_IMPORT)) continue;
    const target = relative(dirname(path), bundlePath).split(sep).join('/');
    writeFileSync(path, text.replaceAll(PACKAGE_IMPORT, ` from '${target.startsWith('.') ? target : `./${target}`}';`));
    pointed += 1;
  }
  console.log(`zod bundle: ${relative(root, bundlePath)}, imported by ${pointed} compiled modules`);
}
