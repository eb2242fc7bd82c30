/**
 * zod as one module in the build (`scripts/bundle-zod.mjs`, issue 17): the compiled modules import
 * `dist/vendor/zod.js`, never the package beside it (two copies of zod in one process would be two
 * sets of classes), and the bundle is the package's code: the same exports, the same parse results
 * and the same issue messages on the schemas soz writes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as packaged from 'zod';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bundlePath = join(dist, 'vendor', 'zod.js');

function compiledModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'vendor' ? [] : compiledModules(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** A schema of each kind soz's records use, built from one copy of zod. */
function sampleSchema(z: typeof packaged.z) {
  return z.object({
    schema: z.literal('soz.case/1'),
    name: z.string().trim().min(1, 'must not be empty'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD').nullable(),
    language: z.enum(['ru', 'ky', 'en']),
    range: z.tuple([z.number().int().nonnegative(), z.number()]),
    rest: z.looseObject({ id: z.string() }),
    map: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  });
}

const VALUES: unknown[] = [
  { schema: 'soz.case/1', name: ' a ', date: '2026-12-07', language: 'ru', range: [0, 3], rest: { id: 'x', more: 1 }, map: { a: 1, b: 'c' } },
  { schema: 'soz.case/2', name: '  ', date: '07.12.2026', language: 'xx', range: [-1, 'a'], rest: { id: 3 }, map: { a: null } },
  { name: 1 },
  null,
  'text',
];

describe.skipIf(!existsSync(bundlePath))('zod bundled into dist/vendor/zod.js', () => {
  it('is what every compiled module imports', () => {
    const importers = compiledModules(dist).filter((path) => /from '(?:\.\.?\/)+vendor\/zod\.js'/.test(readFileSync(path, 'utf8')));
    expect(importers.length).toBeGreaterThan(10);
    const direct = compiledModules(dist).filter((path) => /from 'zod(?:\/[^']*)?'/.test(readFileSync(path, 'utf8')));
    expect(direct).toEqual([]);
  });

  it('exports what the package exports and parses as it does', async () => {
    const bundled = (await import(pathToFileURL(bundlePath).href)) as typeof packaged;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(packaged).sort());
    for (const value of VALUES) {
      const [ours, theirs] = [sampleSchema(bundled.z).safeParse(value), sampleSchema(packaged.z).safeParse(value)];
      expect(ours.success).toBe(theirs.success);
      expect(JSON.stringify(ours.success ? ours.data : ours.error.issues)).toBe(JSON.stringify(theirs.success ? theirs.data : theirs.error.issues));
    }
  });
});
