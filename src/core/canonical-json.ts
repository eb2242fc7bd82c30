/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no insignificant whitespace except a
 * two-space indent when `pretty`, `undefined` members dropped, non-finite numbers rejected.
 * Every hashed artefact is written with it, so bytes never depend on insertion order.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  // The native serialiser gives the same bytes, 2–3× faster, once every object's keys are in
  // code-unit order: a value already in that order is given to it as it is, one that is not as a
  // copy with its objects' keys sorted (only the parts out of order are copied). What the native
  // serialiser would write otherwise (integer-like keys, which V8 puts first; `toJSON`; a value
  // to refuse) is written by hand.
  const ordered = canonicalOrder(value);
  if (ordered !== UNORDERABLE) return pretty ? `${JSON.stringify(ordered, null, 2)}\n` : JSON.stringify(ordered);
  return serialise(value, pretty ? '  ' : '', '') + (pretty ? '\n' : '');
}

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;
/** What {@link canonicalOrder} returns for a value `JSON.stringify` would not write canonically. */
const UNORDERABLE = Symbol('unorderable');

/**
 * `value` itself when `JSON.stringify` writes it canonically; else a copy whose objects have their
 * keys in code-unit order (undefined members the native serialiser drops are left as they are);
 * {@link UNORDERABLE} when no key order makes the native serialiser canonical or the value must be refused.
 */
function canonicalOrder(value: unknown): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNORDERABLE;
    case 'object':
      break;
    default:
      return UNORDERABLE;
  }
  if (Array.isArray(value)) return orderedItems(value as unknown[]);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function' || value instanceof Number || value instanceof String || value instanceof Boolean) return UNORDERABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Most objects are already in order with nothing to copy: then nothing is allocated but `keys`.
  // The members are collected only from the first key out of order or member copied.
  let members: [string, unknown][] | undefined;
  let sorted = true;
  let previous: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const code = key.charCodeAt(0);
    if (code >= 48 && code <= 57 && INTEGER_KEY.test(key)) return UNORDERABLE;
    const member = record[key];
    if (member === undefined) continue;
    const ordered = typeof member === 'string' || typeof member === 'boolean' ? member : canonicalOrder(member);
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (previous !== undefined && !(previous < key)) sorted = false;
    previous = key;
    if (members === undefined && (ordered !== member || !sorted)) members = definedMembers(record, keys, i);
    members?.push([key, ordered]);
  }
  if (members === undefined) return value;
  if (!sorted) members.sort(([a], [b]) => compareCodeUnits(a, b));
  // No prototype: a "__proto__" key stays an ordinary member.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, member] of members) copy[key] = member;
  return copy;
}

/** The defined members of `record` under its first `count` keys, which {@link canonicalOrder} found needing no copy. */
function definedMembers(record: Record<string, unknown>, keys: readonly string[], count: number): [string, unknown][] {
  const members: [string, unknown][] = [];
  for (let i = 0; i < count; i++) {
    const member = record[keys[i]!];
    if (member !== undefined) members.push([keys[i]!, member]);
  }
  return members;
}

/** {@link canonicalOrder} of an array: itself, a copy with ordered items, or UNORDERABLE (a hole, which the hand-written form keeps). */
function orderedItems(items: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return UNORDERABLE;
    const item = items[i];
    // Both serialisers write an undefined item as null.
    const ordered = item === undefined ? item : canonicalOrder(item);
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (copy === undefined && ordered !== item) copy = items.slice(0, i);
    copy?.push(ordered);
  }
  return copy ?? items;
}

function serialise(value: unknown, indent: string, current: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
  }
  const inner = current + indent;
  const open = indent ? `\n${inner}` : '';
  const close = indent ? `\n${current}` : '';
  const sep = indent ? `,\n${inner}` : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((item) => serialise(item === undefined ? null : item, indent, inner)).join(sep)}${close}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(compareCodeUnits);
  if (keys.length === 0) return '{}';
  const colon = indent ? ': ' : ':';
  return `{${open}${keys.map((key) => JSON.stringify(key) + colon + serialise(record[key], indent, inner)).join(sep)}${close}}`;
}

/** Locale-independent string order (UTF-16 code units), the only order used in hashed output. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A member of a {@link JsonShape} whose shape is not declared: ordered by the generic rule. */
export const ANY_JSON = 'any';

/** How a member of a declared shape is written: {@link ANY_JSON}, an object's shape, or `[shape]` for an array of such objects. */
export type MemberShape = typeof ANY_JSON | JsonShape | readonly [JsonShape];

/** Every member of `T` (optional ones too), each with its shape: what a shape of `T` declares. */
export type ShapeMembers<T> = { readonly [K in keyof Required<T>]: MemberShape };

/** The members an object of a known kind may have, their names in code-unit order (made by {@link jsonShape}). */
export interface JsonShape {
  readonly keys: readonly string[];
  readonly members: readonly MemberShape[];
  /** Each member name's place in `keys`. */
  readonly places: ReadonlyMap<string, number>;
}

/**
 * The shape of objects of a known kind (a segment line, a finding), for {@link canonicalJsonShaped}:
 * the member names are put in code-unit order once, here, instead of sorting each object's keys.
 */
export function jsonShape(members: Readonly<Record<string, MemberShape>>): JsonShape {
  const keys = Object.keys(members).sort(compareCodeUnits);
  for (const key of keys) if (INTEGER_KEY.test(key) || key === '__proto__') throw new TypeError(`jsonShape: "${key}" cannot be a declared member`);
  return { keys, members: keys.map((key) => members[key]!), places: new Map(keys.map((key, place) => [key, place])) };
}

/**
 * The same bytes as `canonicalJson(value)`, faster for a value of a declared shape: its members
 * are put in the shape's order (members of undeclared shape through the generic rule) — the value
 * itself when they already are — and written by `JSON.stringify`, with no sort and no key comparison. A value with a member
 * the shape does not declare, or one the native serialiser would not write canonically, is written
 * by `canonicalJson` itself — so the shape decides the speed, never the bytes.
 */
export function canonicalJsonShaped(value: unknown, shape: JsonShape): string {
  const ordered = orderedByShape(value, shape);
  return ordered === UNORDERABLE ? canonicalJson(value) : JSON.stringify(ordered);
}

/**
 * `canonicalJson(items)` of a list of objects of one declared shape, as {@link canonicalJsonShaped}
 * writes one (the same bytes): each item put in the shape's order — itself when it already is — and
 * the whole list written by one `JSON.stringify`, not a string per item joined (the report's kept
 * lists, a chunk of thousands of candidates at a time, issue 17). A list holding anything the shape
 * does not foresee (an item of another kind, a hole, an undefined item) is written by `canonicalJson`.
 */
export function canonicalJsonShapedItems(items: readonly unknown[], shape: JsonShape): string {
  const ordered = itemsByShape(items, shape);
  return ordered === UNORDERABLE ? canonicalJson(items) : JSON.stringify(ordered);
}

/**
 * `value` itself when its members are already in `shape`'s order and need no copy, else a copy in
 * that order; {@link UNORDERABLE} when it is not of that shape or not orderable. Each member's
 * place comes from the shape (a look-up), so nothing is compared or sorted.
 */
function orderedByShape(value: unknown, shape: JsonShape): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return UNORDERABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // The ordered members by their place in the shape, made only once one is out of order or copied.
  let slots: unknown[] | undefined;
  let last = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const place = shape.places.get(key);
    if (place === undefined) return UNORDERABLE;
    const member = record[key];
    if (member === undefined) continue;
    const memberShape = shape.members[place]!;
    let ordered: unknown;
    if (memberShape === ANY_JSON) ordered = typeof member === 'string' || typeof member === 'boolean' ? member : canonicalOrder(member);
    else if (Array.isArray(memberShape)) ordered = itemsByShape(member, memberShape[0] as JsonShape);
    else ordered = orderedByShape(member, memberShape as JsonShape);
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (slots === undefined && (ordered !== member || place < last)) {
      slots = new Array<unknown>(shape.keys.length);
      for (let j = 0; j < i; j++) {
        const earlier = record[keys[j]!];
        if (earlier !== undefined) slots[shape.places.get(keys[j]!)!] = earlier;
      }
    }
    if (slots !== undefined) slots[place] = ordered;
    last = place;
  }
  if (slots === undefined) return value;
  const copy: Record<string, unknown> = {};
  for (let place = 0; place < slots.length; place++) if (slots[place] !== undefined) copy[shape.keys[place]!] = slots[place];
  return copy;
}

/** {@link orderedByShape} of each item of an array of objects of one shape. */
function itemsByShape(value: unknown, shape: JsonShape): unknown {
  if (!Array.isArray(value)) return UNORDERABLE;
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const ordered = i in value ? orderedByShape(item, shape) : UNORDERABLE;
    if (ordered === UNORDERABLE) return UNORDERABLE;
    if (copy === undefined && ordered !== item) copy = value.slice(0, i);
    copy?.push(ordered);
  }
  return copy ?? value;
}
