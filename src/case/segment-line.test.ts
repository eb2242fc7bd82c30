// A segment line checked by hand gives what the zod schema gives, member for member and in the
// same order; every line it does not take is left to the schema (issue 17, sixth round).
import { describe, expect, it } from 'vitest';
import { plainSegmentLine, segmentLineSchema } from './segment-line.js';

/** Lines as JSON.parse makes them of the shapes `encodeDocument` writes, and of hand-made ones. */
const USUAL = [
  '{"range":[0,12]}',
  '{"id":"d1:s0","range":[0,12]}',
  '{"message":{"messageId":"17","author":"A"},"range":[13,40]}',
  '{"range":[13,40],"anchor":{"line":3,"column":1},"message":{"messageId":"18"}}',
  '{"anchor":{"page":2},"id":"p2","range":[5,9],"zed":[1,{"a":null}],"1":"numeric key"}',
  '{"range":[0,0],"anchor":{}}',
  '{"range":[1.5,-2e3]}',
];

/** Values the schema refuses, or takes in a shape the hand check leaves to it. */
const OTHERS = [
  'null', '[]', '"range"', '12', '{}', '{"range":[0]}', '{"range":[0,1,2]}', '{"range":["0",1]}', '{"range":[0,1],"id":7}',
  '{"range":[0,1],"anchor":[]}', '{"range":[0,1],"anchor":null}', '{"range":[0,1],"id":null}', '{"range":{"0":0,"1":1}}',
  '{"__proto__":{"x":1},"range":[0,1]}', '{"range":[0,1],"anchor":{"__proto__":1}}',
];

describe('plainSegmentLine', () => {
  it('gives the schema’s result, members in the schema’s order, for lines of the usual shape', () => {
    for (const text of USUAL) {
      const line = JSON.parse(text) as unknown;
      const plain = plainSegmentLine(line);
      expect(plain, text).toBeDefined();
      expect(JSON.stringify(plain)).toBe(JSON.stringify(segmentLineSchema.parse(line)));
      expect(Object.keys(plain!)).toEqual(Object.keys(segmentLineSchema.parse(line)));
    }
  });

  it('leaves every other value to the schema, and takes none the schema refuses', () => {
    for (const text of OTHERS) {
      const line = JSON.parse(text) as unknown;
      const plain = plainSegmentLine(line);
      if (plain === undefined) continue;
      expect(JSON.stringify(plain), text).toBe(JSON.stringify(segmentLineSchema.parse(line)));
    }
    expect(OTHERS.filter((text) => plainSegmentLine(JSON.parse(text)) !== undefined)).toEqual([]);
    expect(OTHERS.filter((text) => !['{"__proto__":{"x":1},"range":[0,1]}', '{"range":[0,1],"anchor":{"__proto__":1}}'].includes(text)).every((text) => !segmentLineSchema.safeParse(JSON.parse(text)).success)).toBe(true);
  });

  it('copies the range and the anchor, as the schema does, so the line read is not the document’s', () => {
    const line = JSON.parse('{"range":[0,1],"anchor":{"page":1}}') as Record<string, unknown>;
    const plain = plainSegmentLine(line)!;
    expect(plain['range']).not.toBe(line['range']);
    expect(plain['anchor']).not.toBe(line['anchor']);
  });
});
