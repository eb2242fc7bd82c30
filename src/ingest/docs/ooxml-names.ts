import { Parser } from 'htmlparser2';

/**
 * Office Open XML read by namespace URI, not by the prefix a writer happened to choose: Word
 * writes `w:p`, Python's ElementTree writes `ns0:p`, others declare a default namespace and write
 * `p`. All three are the same element. Every Word XML reader parses through `parseOoxml`, which
 * hands it element and attribute names rewritten to the canonical prefixes below (`w:p`,
 * `r:id`, `m:t` …), whatever the file declared.
 */

/** Canonical prefix of each namespace soz reads, transitional and strict OOXML alike. */
const CANONICAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'r'],
  ['http://schemas.openxmlformats.org/package/2006/relationships', 'rel'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
  ['http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'wp'],
  ['http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing', 'wp'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'a'],
  ['http://purl.oclc.org/ooxml/drawingml/main', 'a'],
  ['urn:schemas-microsoft-com:vml', 'v'],
  ['urn:schemas-microsoft-com:office:office', 'o'],
  ['http://schemas.openxmlformats.org/package/2006/metadata/core-properties', 'cp'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/custom-properties', 'op'],
  ['http://purl.oclc.org/ooxml/officeDocument/customProperties', 'op'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'ep'],
  ['http://purl.oclc.org/ooxml/officeDocument/extendedProperties', 'ep'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'vt'],
  ['http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes', 'vt'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
]);

/** Off values of an OOXML on/off property (`<w:vanish w:val="0"/>` turns hiding off). */
const OFF_VALUES = new Set(['0', 'false', 'off']);

/** Whether an on/off property element is on, from its `w:val` (absent means on). */
export function isOn(attributes: Readonly<Record<string, string>>): boolean {
  return !OFF_VALUES.has((wordAttribute(attributes, 'val') ?? 'true').toLowerCase());
}

/**
 * A `w:` attribute; a file that put its elements in a default namespace may also have written
 * the attribute unprefixed (no namespace), which Word tolerates, so that is accepted too.
 */
export function wordAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  return attributes[`w:${local}`] ?? attributes[local];
}

/** Namespaces in scope: prefix (`''` for the default namespace) → URI. */
type Scope = ReadonlyMap<string, string>;

/** A scope with the canonical names already worked out in it (elements and attributes apart). */
interface ScopeFrame {
  readonly scope: Scope;
  readonly elements: Map<string, string>;
  readonly attributes: Map<string, string>;
}

const XML_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

const frameOf = (scope: Scope): ScopeFrame => ({ scope, elements: new Map(), attributes: new Map() });

/**
 * Callbacks of `parseOoxml`; names arrive canonical (see the module comment). `ancestors` are the
 * names of the open elements around this one, outermost first (valid during the call only);
 * `element` is the innermost open element around a text.
 */
export interface OoxmlHandlers {
  onopentag?(name: string, attributes: Readonly<Record<string, string>>, ancestors: readonly string[]): void;
  onclosetag?(name: string): void;
  ontext?(text: string, element: string | undefined): void;
}

export interface OoxmlParseOptions {
  /** Deepest element nesting accepted; deeper input makes `onTooDeep` throw. */
  readonly maxDepth: number;
  readonly onTooDeep: () => Error;
}

/**
 * Parses one XML part, resolving every prefix through the `xmlns` declarations in scope.
 * A name in a namespace listed above gets its canonical prefix; a name in no namespace keeps
 * its local name; a name in another namespace becomes `{uri}local`; a prefix the file never
 * declared is left as written (broken files are read as far as they go, not refused).
 */
export function parseOoxml(xml: string, handlers: OoxmlHandlers, options: OoxmlParseOptions): void {
  // Declarations are rare (usually only on the root), so a frame and its name caches are shared
  // by every element below the one that declared them.
  const frames: ScopeFrame[] = [frameOf(XML_SCOPE)];
  const names: string[] = [];
  const parser = new Parser(
    {
      onopentag(rawName, rawAttributes) {
        const parent = frames[frames.length - 1] ?? frameOf(XML_SCOPE);
        const frame = declaresNamespaces(rawAttributes) ? frameOf(declaredScope(parent.scope, rawAttributes)) : parent;
        frames.push(frame);
        if (frames.length - 1 > options.maxDepth) throw options.onTooDeep();
        const name = cached(frame.elements, rawName, () => canonicalName(rawName, frame.scope, true));
        handlers.onopentag?.(name, canonicalAttributes(rawAttributes, frame), names);
        names.push(name);
      },
      onclosetag() {
        frames.pop();
        const name = names.pop();
        if (name !== undefined) handlers.onclosetag?.(name);
      },
      ontext(text) {
        handlers.ontext?.(text, names[names.length - 1]);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The canonical form of one qualified name in a scope (exported for tests). */
export function canonicalName(qualified: string, scope: Scope, isElement: boolean): string {
  const colon = qualified.indexOf(':');
  const prefix = colon < 0 ? '' : qualified.slice(0, colon);
  const local = colon < 0 ? qualified : qualified.slice(colon + 1);
  // Unprefixed attributes are in no namespace, whatever the default namespace is.
  if (prefix === '' && !isElement) return local;
  const uri = scope.get(prefix);
  if (uri === undefined || uri === '') return qualified;
  const canonical = CANONICAL_PREFIXES.get(uri);
  return canonical === undefined ? `{${uri}}${local}` : `${canonical}:${local}`;
}

function cached(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

function declaresNamespaces(attributes: Readonly<Record<string, string>>): boolean {
  for (const name in attributes) if (name === 'xmlns' || name.startsWith('xmlns:')) return true;
  return false;
}

function declaredScope(parent: Scope, attributes: Readonly<Record<string, string>>): Scope {
  const scope = new Map(parent);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
  }
  return scope;
}

function canonicalAttributes(attributes: Readonly<Record<string, string>>, frame: ScopeFrame): Readonly<Record<string, string>> {
  // Files written with the canonical prefixes (Word's own) need no copy.
  let unchanged = true;
  for (const name in attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || cached(frame.attributes, name, () => canonicalName(name, frame.scope, false)) !== name) {
      unchanged = false;
      break;
    }
  }
  if (unchanged) return attributes;
  const result: Record<string, string> = {};
  for (const name in attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    result[cached(frame.attributes, name, () => canonicalName(name, frame.scope, false))] = attributes[name] ?? '';
  }
  return result;
}
