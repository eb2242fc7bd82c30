import { describe, expect, it } from 'vitest';
import { canonicalName, parseOoxml } from './ooxml-names.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const options = { maxDepth: 50, onTooDeep: () => new Error('too deep') };

/** Every open tag as `ancestors/name attr=value …`, and every text with its element. */
function events(xml: string): string[] {
  const out: string[] = [];
  parseOoxml(
    xml,
    {
      onopentag: (name, attributes, ancestors) => out.push(`${[...ancestors, name].join('/')} ${Object.entries(attributes).map(([k, v]) => `${k}=${v}`).join(' ')}`.trim()),
      ontext: (text, element) => out.push(`${element ?? '-'}: ${text}`),
    },
    options,
  );
  return out;
}

describe('parseOoxml', () => {
  it('gives the same canonical names for w:, ns0: and a default namespace', () => {
    const expected = ['w:p', 'w:p/w:r', 'w:p/w:r/w:t xml:space=preserve', 'w:t: x', 'w:p/w:r/w:vanish w:val=0'];
    expect(events(`<w:p xmlns:w="${W}"><w:r><w:t xml:space="preserve">x</w:t><w:vanish w:val="0"/></w:r></w:p>`)).toEqual(expected);
    expect(events(`<ns0:p xmlns:ns0="${W}"><ns0:r><ns0:t xml:space="preserve">x</ns0:t><ns0:vanish ns0:val="0"/></ns0:r></ns0:p>`)).toEqual(expected);
    // Unprefixed attributes are in no namespace, so `val` stays `val` (readers accept it as a fallback).
    expect(events(`<p xmlns="${W}" xmlns:w="${W}"><r><t xml:space="preserve">x</t><vanish w:val="0"/></r></p>`)).toEqual(expected);
  });

  it('resolves a prefix redeclared on an inner element, and only inside it', () => {
    const xml = `<a:root xmlns:a="${W}"><a:p xmlns:a="urn:example:other"><a:t>inner</a:t></a:p><a:t>outer</a:t></a:root>`;
    expect(events(xml)).toEqual(['w:root', 'w:root/{urn:example:other}p', 'w:root/{urn:example:other}p/{urn:example:other}t', '{urn:example:other}t: inner', 'w:root/w:t', 'w:t: outer']);
  });

  it('refuses nesting past maxDepth', () => {
    expect(() => events(`<w:p xmlns:w="${W}">${'<w:r>'.repeat(60)}`)).toThrow('too deep');
  });
});

describe('canonicalName', () => {
  const scope = new Map([['', W], ['s', 'http://purl.oclc.org/ooxml/wordprocessingml/main'], ['x', 'urn:example:x']]);
  it('maps strict OOXML to the same prefix, keeps unknown namespaces and undeclared prefixes visible', () => {
    expect(canonicalName('s:p', scope, true)).toBe('w:p');
    expect(canonicalName('p', scope, true)).toBe('w:p');
    expect(canonicalName('p', scope, false)).toBe('p');
    expect(canonicalName('x:p', scope, true)).toBe('{urn:example:x}p');
    expect(canonicalName('q:p', scope, true)).toBe('q:p');
  });
});
