/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no insignificant whitespace except a
 * two-space indent when `pretty`, `undefined` members dropped, non-finite numbers rejected.
 * Every hashed artefact is written with it, so bytes never depend on insertion order.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  // The native serialiser gives the same bytes, 2–3× faster, when every object's keys are already
  // in code-unit order (none integer-like: V8 puts those first) and nothing needs dropping or refusing.
  if (!pretty && inCanonicalOrder(value)) return JSON.stringify(value);
  return serialise(value, pretty ? '  ' : '', '') + (pretty ? '\n' : '');
}

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** Whether `JSON.stringify(value)` is already canonical: keys sorted, no undefined, no non-finite number. */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' || typeof value === 'boolean' || value === null;
  if (Array.isArray(value)) return value.every((item) => item !== undefined && inCanonicalOrder(item));
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || (previous !== undefined && !(previous < key)) || INTEGER_KEY.test(key) || !inCanonicalOrder(member)) return false;
    previous = key;
  }
  return true;
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
