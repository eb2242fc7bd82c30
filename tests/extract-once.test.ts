/**
 * Extract once (issue 17): `soz add` keeps the documents it extracted, in custody; `analyze` reuses
 * them under the same extractor and extracts afresh under another; `verify` extracts them again
 * from the evidence copy and proves them byte for byte.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/ingest/adapter.js';
import { extractorKey } from '../src/pipeline/extract.js';
import { checkKeptExtractions } from '../src/pipeline/verify-kept.js';
import { evidenceRegister } from '../src/core/custody-log.js';
import { soz, snapshotTree, tempDir } from './support/cli.js';
import { caseWith, readLog, sources } from './support/custody.js';

const REUSED = /evidence files: (\d+) read from the documents soz add kept, (\d+) extracted afresh/;

/** Every kept document file of a case, case-relative. */
function keptFiles(dir: string): string[] {
  const root = join(dir, 'extracted');
  return readdirSync(root).flatMap((folder) => readdirSync(join(root, folder)).map((name) => `extracted/${folder}/${name}`));
}

/** verify's check of the kept documents, run on its own. */
async function keptCheck(dir: string) {
  const log = readLog(dir);
  return checkKeptExtractions(dir, log, evidenceRegister(log));
}

function manifestDigest(stdout: string): string | undefined {
  return /manifest digest: ([0-9a-f]{64})/.exec(stdout)?.[1];
}

describe('extract once', () => {
  it('keeps what add extracted, logged with its hash, and analyze reuses it with the same derived bytes', async () => {
    const dir = await caseWith(sources(2));
    const kept = keptFiles(dir);
    expect(kept).toHaveLength(2);
    const logged = new Map(readLog(dir).filter((entry) => entry.action === 'evidence.add').flatMap((entry) => entry.outputs.map((file) => [file.path, file.sha256])));
    for (const path of kept) expect(logged.has(path), path).toBe(true);

    const reused = await soz(['analyze', dir]);
    expect(reused.code, reused.stderr).toBe(0);
    expect(REUSED.exec(reused.stdout)?.slice(1)).toEqual(['2', '0']);
    // A plain text file's derived document is exactly the one add kept.
    for (const path of kept) expect(readFileSync(join(dir, 'derived', 'documents', path.split('/').at(-1)!))).toEqual(readFileSync(join(dir, path)));

    const verified = await soz(['verify', dir]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('kept extractions: 2 document(s) extracted again, all identical');
    // What verify proved identical is what its re-run reads, as analyze did (not extracted a second time).
    // It lists them in the log's order of adding, and the notes' hashes (their numbers count the
    // notes made before, so running one test alone changes them) decide the folders' sorted order.
    expect([...(await keptCheck(dir)).identical].sort()).toEqual([...kept].sort());
  });

  it('extracts afresh when the extractor differs (another soz version, Node or limits), to the same derived bytes', async () => {
    const dir = await caseWith(sources(2));
    const first = await soz(['analyze', dir]);
    // Other limits make another extractor key, as another soz or Node version does.
    const other = await soz(['analyze', dir, '--max-segments', String(DEFAULT_LIMITS.maxSegments - 1)]);
    expect(other.code, other.stderr).toBe(0);
    expect(REUSED.exec(other.stdout)?.slice(1)).toEqual(['0', '2']);
    const again = await soz(['analyze', dir]);
    expect(REUSED.exec(again.stdout)?.slice(1)).toEqual(['2', '0']);
    expect(manifestDigest(again.stdout)).toBe(manifestDigest(first.stdout));
  });

  it('names the extractor by everything that can change the documents', () => {
    const facts = { version: '0.1.0', lockfileSha256: 'a'.repeat(64) };
    const key = extractorKey(DEFAULT_LIMITS, undefined, facts, 'v22.3.0');
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(extractorKey(DEFAULT_LIMITS, undefined, { ...facts, version: '0.2.0' }, 'v22.3.0')).not.toBe(key);
    expect(extractorKey(DEFAULT_LIMITS, undefined, { ...facts, lockfileSha256: 'b'.repeat(64) }, 'v22.3.0')).not.toBe(key);
    expect(extractorKey(DEFAULT_LIMITS, undefined, facts, 'v20.16.0')).not.toBe(key);
    expect(extractorKey({ ...DEFAULT_LIMITS, maxSegments: 7 }, undefined, facts, 'v22.3.0')).not.toBe(key);
    expect(extractorKey(DEFAULT_LIMITS, 'day-first', facts, 'v22.3.0')).not.toBe(key);
    expect(extractorKey(DEFAULT_LIMITS, undefined, facts, 'v22.3.0', 1)).not.toBe(extractorKey(DEFAULT_LIMITS, undefined, facts, 'v22.3.0', 2));
    expect(extractorKey(DEFAULT_LIMITS, undefined, facts, 'v22.3.0')).toBe(key);
  });

  it('does not reuse a kept document changed after add; verify names it against the evidence', async () => {
    const dir = await caseWith(sources(1));
    const [path] = keptFiles(dir);
    const file = join(dir, path!);
    chmodSync(file, 0o644);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Вымышленная', 'Настоящая  '));
    const analysed = await soz(['analyze', dir]);
    expect(REUSED.exec(analysed.stdout)?.slice(1)).toEqual(['0', '1']);
    expect(readFileSync(join(dir, 'derived', 'documents', path!.split('/').at(-1)!), 'utf8')).toContain('Вымышленная');
    const verified = await soz(['verify', dir]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`${path}: sha256`);
    expect(verified.stdout).toMatch(new RegExp(`${path!.replace(/\./g, '\\.')}: line 2: \\$: kept "Настоящая`));
    // The changed file is not handed to verify's re-run: it extracts afresh, as analyze did, and reproduces derived/.
    expect((await keptCheck(dir)).identical).toEqual([]);
    expect(verified.stdout).toMatch(/re-run: \d+ artefact\(s\) compared, all identical/);
  });

  it('leaves a case as it was when add refuses a file, kept documents included', async () => {
    const dir = await caseWith([]);
    const before = snapshotTree(dir);
    const work = tempDir('soz-extract-once-');
    const good = sources(1)[0]!;
    const bad = join(work, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.7\n1 0 obj <<');
    const refused = await soz(['add', dir, good, bad]);
    expect(refused.code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'extracted'))).toBe(false);
  });
});
