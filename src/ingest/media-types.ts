/**
 * Media types of pictures, sound and video that soz takes into custody without reading text from
 * them, sniffed from the first bytes only (a seized file may carry any extension). Kept apart from
 * `sniff.ts`, which calls `sniffAudioVisual` before its text heuristics.
 */

/** Media type, extension of the evidence copy and a label for reports, per container. */
const AUDIO_VISUAL: Readonly<Record<string, { readonly extension: string; readonly label: string }>> = {
  'image/bmp': { extension: '.bmp', label: 'BMP image' },
  'audio/mpeg': { extension: '.mp3', label: 'MP3 audio' },
  'audio/ogg': { extension: '.ogg', label: 'Ogg audio (Opus/Vorbis)' },
  'audio/wav': { extension: '.wav', label: 'WAV audio' },
  'audio/flac': { extension: '.flac', label: 'FLAC audio' },
  'audio/amr': { extension: '.amr', label: 'AMR audio' },
  'audio/mp4': { extension: '.m4a', label: 'MPEG-4 audio' },
  'video/mp4': { extension: '.mp4', label: 'MPEG-4 video' },
  'video/quicktime': { extension: '.mov', label: 'QuickTime video' },
  'video/3gpp': { extension: '.3gp', label: '3GP video' },
  'video/webm': { extension: '.webm', label: 'WebM video' },
  'video/x-matroska': { extension: '.mkv', label: 'Matroska video' },
  'video/x-msvideo': { extension: '.avi', label: 'AVI video' },
};

/** The extension soz gives an evidence copy of an audio-visual type, or undefined for others. */
export function audioVisualExtension(mediaType: string): string | undefined {
  return AUDIO_VISUAL[mediaType]?.extension;
}

/** A report label of an audio-visual type, or undefined for others. */
export function audioVisualLabel(mediaType: string): string | undefined {
  return AUDIO_VISUAL[mediaType]?.label;
}

/** Whether a media type is sound or video, whose words need the examiner's transcript. */
export function isAudioOrVideo(mediaType: string): boolean {
  return mediaType.startsWith('audio/') || mediaType.startsWith('video/');
}

/**
 * The audio, video or BMP type of a file from its first bytes, or undefined. PNG, JPEG, GIF,
 * TIFF and WebP are recognised by `sniffMediaType` itself.
 */
export function sniffAudioVisual(head: Uint8Array): string | undefined {
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 4);
    if (form === 'WAVE') return 'audio/wav';
    if (form === 'AVI ') return 'video/x-msvideo';
    return undefined;
  }
  if (ascii(head, 4, 4) === 'ftyp') return isoBrandType(ascii(head, 8, 4));
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head)) return 'audio/mpeg';
  if (ascii(head, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(head, 0, 4) === 'fLaC') return 'audio/flac';
  if (ascii(head, 0, 5) === '#!AMR') return 'audio/amr';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return latin1(head.subarray(0, 64)).includes('webm') ? 'video/webm' : 'video/x-matroska';
  }
  if (isBmp(head)) return 'image/bmp';
  return undefined;
}

/** ISO base media (MP4 family) by its major brand. */
function isoBrandType(brand: string): string {
  if (brand.startsWith('M4A') || brand.startsWith('M4B')) return 'audio/mp4';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand.startsWith('3gp') || brand.startsWith('3g2')) return 'video/3gpp';
  return 'video/mp4';
}

/**
 * An MP3 frame header without ID3 tag: 11 sync bits, layer III, a valid version and bitrate.
 * Layer III only, so a UTF-16 byte-order mark (`FF FE`, which reads as layer I) is not audio.
 */
function isMpegAudioFrame(head: Uint8Array): boolean {
  const [first, second, third] = [head[0] ?? 0, head[1] ?? 0, head[2] ?? 0];
  const version = (second >> 3) & 0x03;
  const layer = (second >> 1) & 0x03;
  const bitrate = third >> 4;
  return first === 0xff && (second & 0xe0) === 0xe0 && version !== 0x01 && layer === 0x01 && bitrate !== 0 && bitrate !== 0x0f;
}

/** `BM`, then a DIB header whose size is one of the documented ones (12, 40, 52, 56, 108, 124). */
function isBmp(head: Uint8Array): boolean {
  if (ascii(head, 0, 2) !== 'BM' || head.byteLength < 18) return false;
  const dibSize = (head[14] ?? 0) | ((head[15] ?? 0) << 8) | ((head[16] ?? 0) << 16) | ((head[17] ?? 0) << 24);
  return [12, 40, 52, 56, 108, 124].includes(dibSize);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return latin1(bytes.subarray(at, at + length));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
