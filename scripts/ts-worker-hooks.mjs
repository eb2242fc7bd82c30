// Module hooks for scripts/ts-worker.mjs: a relative `./x.js` import from a .ts module resolves to
// `./x.ts` when only the source exists, and .ts modules are transpiled to JavaScript on load.
// Transpiled modules are cached by the hash of their source in node_modules/.cache: loading
// TypeScript itself takes seconds, and a worker stopped at a deadline is started again at once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../node_modules/.cache/soz-ts-worker/', import.meta.url));
const COMPILER_OPTIONS = { module: 'ESNext', target: 'ES2022' };
const TYPESCRIPT_PACKAGE = new URL('../node_modules/typescript/package.json', import.meta.url);
/** What else decides the output besides the source: the options and the TypeScript version. */
const KEY = JSON.stringify([COMPILER_OPTIONS, existsSync(TYPESCRIPT_PACKAGE) ? JSON.parse(readFileSync(TYPESCRIPT_PACKAGE, 'utf8')).version : '']);
let typescript;

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const source = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const cached = `${CACHE}${createHash('sha256').update(KEY).update(source).digest('hex')}.js`;
  if (existsSync(cached)) return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  typescript ??= (await import('typescript')).default;
  const compilerOptions = typescript.convertCompilerOptionsFromJson(COMPILER_OPTIONS, '').options;
  const { outputText } = typescript.transpileModule(source, { fileName, compilerOptions });
  mkdirSync(CACHE, { recursive: true });
  // Written aside and renamed, so a worker starting in parallel never reads half a module. The
  // name is unique per write: two threads of one process compiling in the same millisecond once
  // shared a pid-and-time name, and the second rename found the file gone.
  const partial = `${cached}.${randomUUID()}.tmp`;
  await writeFile(partial, outputText);
  await rename(partial, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
