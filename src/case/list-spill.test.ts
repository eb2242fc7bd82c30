import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListSpill } from './list-spill.js';

describe('ListSpill', () => {
  it('keeps the chunks as given and replays them on every call; close removes the folder', () => {
    const spill = new ListSpill();
    const dir = (spill as unknown as { dir: string }).dir;
    // A chunk longer than one read (1 MiB) with multi-byte characters across the read boundary.
    const long = 'сөз '.repeat(300_000);
    const chunks: Record<string, unknown>[][] = [[{ id: 'a', range: [0, 3], note: null }], [], [{ id: 'b', text: long }, { id: 'c', text: 'ҢӨҮ\n"quoted"' }]];
    const list = spill.keep(chunks);
    expect([...list()]).toEqual(chunks);
    expect([...list()]).toEqual(chunks);
    expect(existsSync(dir)).toBe(true);
    spill.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('consumes the chunks when asked to keep them, once', () => {
    const spill = new ListSpill();
    let made = 0;
    const list = spill.keep((function* () {
      for (let index = 0; index < 3; index += 1) {
        made += 1;
        yield [index];
      }
    })());
    expect(made).toBe(3);
    expect([...list()].flat()).toEqual([0, 1, 2]);
    expect(made).toBe(3);
    spill.close();
  });
});
