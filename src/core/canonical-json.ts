/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no insignificant whitespace except a
 * two-space indent when `pretty`, `undefined` members dropped, non-finite numbers rejected.
 * Every hashed artefact is written with it, so bytes never depend on insertion order.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  return serialise(value, pretty ? '  ' : '', '') + (pretty ? '\n' : '');
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
