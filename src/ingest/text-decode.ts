import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Encodings soz reads and records; names as iconv-lite and the report spell them. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /**
   * Why this encoding was chosen: `bom`, `valid-utf-8`, `mostly-valid-utf-8` (a few damaged
   * sequences, each replaced by U+FFFD and counted in `invalidSequences`), `statistics`, `declared`.
   */
  readonly evidence: 'bom' | 'valid-utf-8' | 'mostly-valid-utf-8' | 'statistics' | 'declared';
  /** Damaged UTF-8 sequences replaced by U+FFFD (only with `mostly-valid-utf-8`). */
  readonly invalidSequences?: number;
  /** Set when a declared encoding (e.g. an HTML meta tag) disagrees with the bytes. */
  readonly declaredMismatch?: string;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes text evidence, deciding the encoding from the bytes: a BOM, else valid UTF-8, else
 * Windows-1251 or KOI8-R by letter statistics. A `declared` encoding (HTML meta, XML prolog) is
 * only believed when the bytes do not contradict it; a contradiction is reported.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', evidence: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', evidence: 'bom' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', evidence: 'bom' };
  }
  const declaredNorm = normaliseDeclared(declared);
  if (isValidUtf8(bytes)) {
    const mismatch = declaredNorm && declaredNorm !== 'utf-8' && hasNonAscii(bytes) ? declared : undefined;
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', evidence: 'valid-utf-8', ...(mismatch ? { declaredMismatch: mismatch } : {}) };
  }
  const damaged = mostlyValidUtf8(bytes);
  if (damaged) return { text: damaged.text, encoding: 'utf-8', evidence: 'mostly-valid-utf-8', invalidSequences: damaged.invalid };
  const statistical = guessSingleByte(bytes);
  if (declaredNorm === 'windows-1251' || declaredNorm === 'koi8-r') {
    const mismatch = declaredNorm !== statistical ? declared : undefined;
    return {
      text: iconv.decode(Buffer.from(bytes), statistical),
      encoding: statistical,
      evidence: mismatch ? 'statistics' : 'declared',
      ...(mismatch ? { declaredMismatch: mismatch } : {}),
    };
  }
  return { text: iconv.decode(Buffer.from(bytes), statistical), encoding: statistical, evidence: 'statistics' };
}

/**
 * UTF-8 with a few damaged sequences (a bad sector, a cut-and-paste accident) is still UTF-8: one
 * bad byte must not turn a whole Cyrillic text into Windows-1251 mojibake. Accepted when valid
 * non-ASCII characters outnumber the damaged sequences at least two to one (a Windows-1251 or
 * KOI8-R text decodes to almost nothing but U+FFFD, so it still falls through to statistics).
 */
function mostlyValidUtf8(bytes: Uint8Array): { text: string; invalid: number } | undefined {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid += 1;
    else if (code > 0x7f) valid += 1;
  }
  return invalid > 0 && valid >= 2 * invalid ? { text, invalid } : undefined;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte > 0x7f);
}

function normaliseDeclared(declared: string | undefined): TextEncoding | undefined {
  const name = declared?.trim().toLowerCase().replace(/^x-/, '');
  if (!name) return undefined;
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  if (name === 'cp1251' || name === 'windows-1251' || name === 'win1251') return 'windows-1251';
  if (name === 'koi8-r' || name === 'koi8r') return 'koi8-r';
  return undefined;
}

/** Windows-1251 or KOI8-R: the one chardet rates higher; Windows-1251 on a tie (more common). */
function guessSingleByte(bytes: Uint8Array): 'windows-1251' | 'koi8-r' {
  const candidates = chardet.analyse(bytes);
  const confidence = (name: string) => candidates.find((c) => c.name.toLowerCase() === name)?.confidence ?? 0;
  return confidence('koi8-r') > confidence('windows-1251') ? 'koi8-r' : 'windows-1251';
}
