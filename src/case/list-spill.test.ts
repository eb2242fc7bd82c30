import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { isTempName } from './atomic.js';
import { ListSpill } from './list-spill.js';

describe('ListSpill', () => {
  const caseDir = mkdtempSync(join(tmpdir(), 'soz-list-spill-'));
  afterAll(() => rmSync(caseDir, { recursive: true, force: true }));

  it('keeps the chunks as given, in a temporary folder of the case, and replays them on every call; close removes the folder', () => {
    const spill = new ListSpill(caseDir);
    const [dir] = readdirSync(caseDir);
    expect(isTempName(dir!)).toBe(true);
    // A chunk longer than one read (1 MiB) with multi-byte characters across the read boundary.
    const long = 'сөз '.repeat(300_000);
    const chunks: Record<string, unknown>[][] = [[{ id: 'a', range: [0, 3], note: null }], [], [{ id: 'b', text: long }, { id: 'c', text: 'ҢӨҮ\n"quoted"' }]];
    const list = spill.keep(chunks);
    expect([...list.chunks()]).toEqual(chunks);
    expect([...list.chunks()]).toEqual(chunks);
    // As canonical JSON, unparsed: keys in code-unit order, one array per chunk.
    // Each is a view of the read buffer, valid until the next is taken: decoded as it comes.
    const canonical: string[] = [];
    for (const bytes of list.canonicalChunks()) canonical.push(Buffer.from(bytes).toString('utf8'));
    expect(canonical).toEqual(chunks.map((chunk) => canonicalJson(chunk)));
    expect(canonical[0]).toBe('[{"id":"a","note":null,"range":[0,3]}]');
    expect(existsSync(join(caseDir, dir!))).toBe(true);
    spill.close();
    expect(readdirSync(caseDir)).toEqual([]);
  });

  it('consumes the chunks when asked to keep them, once', () => {
    const spill = new ListSpill(caseDir);
    let made = 0;
    const list = spill.keep((function* () {
      for (let index = 0; index < 3; index += 1) {
        made += 1;
        yield [index];
      }
    })());
    expect(made).toBe(3);
    expect([...list.chunks()].flat()).toEqual([0, 1, 2]);
    expect(made).toBe(3);
    spill.close();
  });

  it('spools bytes and gives them back once, in order, removing the file when read', () => {
    const spill = new ListSpill(caseDir);
    const spool = spill.spool();
    const pieces = [Buffer.alloc(700_000, 1), Buffer.from('сөз'), Buffer.alloc(900_000, 2)];
    for (const piece of pieces) spool.write(piece);
    const [dir] = readdirSync(caseDir);
    expect(readdirSync(join(caseDir, dir!))).toHaveLength(1);
    expect(Buffer.concat([...spool.read()]).equals(Buffer.concat(pieces))).toBe(true);
    expect(readdirSync(join(caseDir, dir!))).toEqual([]);
    spill.close();
  });
});
