import { UserError } from '../../core/errors.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Meta's "Download your information" JSON writes each UTF-8 byte as its own `\u00XX` escape, so
 * "До" arrives as "Ð\u0094Ð¾". A string is repaired when every code unit is ≤ 0xFF, at least one is
 * ≥ 0x80 and the code units, read as bytes, are valid UTF-8. Returns the input when not repairable.
 */
export function repairMojibake(value: string): string {
  let high = false;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return value;
    if (code >= 0x80) high = true;
  }
  if (!high) return value;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i += 1) bytes[i] = value.charCodeAt(i);
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return value;
  }
}

/** True when some string in the tree has a code point above U+00FF (so the file is not mojibake). */
export function hasWideStrings(root: unknown, maxDepth: number, name: string): boolean {
  let wide = false;
  visitStrings(root, maxDepth, name, (s) => {
    if (!wide && /[\u0100-\u{10ffff}]/u.test(s)) wide = true;
    return s;
  });
  return wide;
}

/**
 * Returns a copy of a JSON tree with every string (values, not keys) repaired; counts repairs.
 * The decision is made per file by the caller: a file that already holds proper Unicode anywhere
 * is not Meta mojibake and must not be "repaired".
 */
export function repairTree(root: unknown, maxDepth: number, name: string): { value: unknown; repaired: number } {
  let repaired = 0;
  const value = visitStrings(root, maxDepth, name, (s) => {
    const fixed = repairMojibake(s);
    if (fixed !== s) repaired += 1;
    return fixed;
  });
  return { value, repaired };
}

function visitStrings(value: unknown, maxDepth: number, name: string, fn: (s: string) => string, depth = 0): unknown {
  if (depth > maxDepth) {
    throw new UserError(`${name}: JSON nested deeper than ${maxDepth} levels; raise the limit with --max-depth if this is a genuine export`, 'limit.depth', undefined, { key: 'error.limit.depth-json', params: { name, limit: maxDepth } });
  }
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => visitStrings(item, maxDepth, name, fn, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = visitStrings(item, maxDepth, name, fn, depth + 1);
    return out;
  }
  return value;
}
