// A finding line checked by hand gives what the zod schema gives, member for member and in the
// same order; every line it does not take is left to the schema (issue 17, round 14).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingLineSchema, plainFindingLine } from './finding-line.js';

/** Lines as JSON.parse makes them of the shapes `encodeFindingLines` writes, and of hand-made ones. */
const USUAL = [
  '{"actual":"x","context":[0,12],"countervailing":[],"id":"F1","matched":{"form":"x","rule":"lemma x"},"place":{"documentId":"d1","messageId":"1","range":[3,4],"segmentId":"m1"},"ruleId":"ru.a","voice":"own"}',
  '{"id":"F2","place":{"range":[3,4]},"ruleId":"ru.a"}',
  '{"-":["note"],"context":{"left":"до ","right":" после","zed":1},"id":"F3","place":{"image":{"box":[1,2,3,4]},"range":[1.5,-2e3],"documentId":"d"},"ruleId":"r"}',
  '{"ruleId":"r","place":{"range":[0,0],"line":1},"id":"F4","1":"numeric key","context":[0,0]}',
  '{"id":"F5","place":{"range":[0,1]},"ruleId":"r","context":[-0,5]}',
];

/** Values the schema refuses, or takes in a shape the hand check leaves to it. */
const OTHERS = [
  'null', '[]', '"id"', '12', '{}', '{"id":"F","ruleId":"r"}', '{"id":7,"ruleId":"r","place":{"range":[0,1]}}',
  '{"id":"F","ruleId":"r","place":{"range":[0]}}', '{"id":"F","ruleId":"r","place":{"range":[0,1,2]}}', '{"id":"F","ruleId":"r","place":{"range":["0",1]}}',
  '{"id":"F","ruleId":"r","place":{"range":[0,1e400]}}', '{"id":"F","ruleId":"r","place":{"range":[0,1],"documentId":null}}',
  '{"id":"F","ruleId":"r","place":[0,1]}', '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":null}',
  '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":[1.5,2]}', '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":[-1,2]}',
  '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":[0,1,2]}', '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":{"left":"a"}}',
  '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":[0,1e300]}',
  '{"__proto__":{"x":1},"id":"F","ruleId":"r","place":{"range":[0,1]}}', '{"id":"F","ruleId":"r","place":{"range":[0,1],"__proto__":1}}',
  '{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":{"left":"a","right":"b","__proto__":1}}',
];

/** The schema's outcome and the hand check's agree: the same members in the same order, or the hand check leaves the value to the schema. */
function agrees(value: unknown): void {
  const plain = plainFindingLine(value);
  const schema = findingLineSchema.safeParse(value);
  if (plain === undefined) return;
  expect(schema.success).toBe(true);
  expect(JSON.stringify(plain)).toBe(JSON.stringify(schema.data));
  expect(Object.keys(plain)).toEqual(Object.keys(schema.data!));
  expect(Object.keys(plain['place'] as object)).toEqual(Object.keys(schema.data!.place));
}

describe('plainFindingLine', () => {
  it('gives the schema’s result, members in the schema’s order, for lines of the usual shape', () => {
    for (const text of USUAL) {
      const line = JSON.parse(text) as unknown;
      expect(plainFindingLine(line), text).toBeDefined();
      agrees(line);
    }
  });

  it('leaves every other value to the schema, and takes none the schema refuses', () => {
    for (const text of OTHERS) agrees(JSON.parse(text));
    expect(OTHERS.filter((text) => plainFindingLine(JSON.parse(text)) !== undefined)).toEqual([]);
  });

  it('agrees with the schema on random lines near the usual shape', () => {
    const number = fc.oneof(fc.integer({ min: -3, max: 1e6 }), fc.double(), fc.constant(1e300));
    const pair = fc.oneof(fc.tuple(number, number), fc.array(number, { maxLength: 3 }), fc.constant(null), fc.string({ maxLength: 2 }));
    const context = fc.oneof(pair, fc.record({ left: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), right: fc.string({ maxLength: 3 }), z: fc.integer() }, { requiredKeys: ['right'] }));
    const place = fc.record({ documentId: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)), range: pair, messageId: fc.string({ maxLength: 2 }) }, { requiredKeys: [] });
    const line = fc.record({ id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), ruleId: fc.string({ maxLength: 3 }), place, context, actual: fc.string({ maxLength: 3 }), '-': fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(line, (value) => agrees(JSON.parse(JSON.stringify(value)))),
      { numRuns: 500, seed: 14 },
    );
  });

  it('copies the place, its range and the context, as the schema does, so the line read is not changed through the finding', () => {
    const line = JSON.parse('{"id":"F","ruleId":"r","place":{"range":[0,1]},"context":[0,3]}') as Record<string, unknown>;
    const plain = plainFindingLine(line)!;
    expect(plain['place']).not.toBe(line['place']);
    expect((plain['place'] as Record<string, unknown>)['range']).not.toBe((line['place'] as Record<string, unknown>)['range']);
    expect(plain['context']).not.toBe(line['context']);
  });
});
