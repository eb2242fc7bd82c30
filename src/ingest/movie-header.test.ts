import { describe, expect, it } from 'vitest';
import { movieHeaderDuration } from './movie-header.js';
import { isoBox, movieHeader, mp4, mp4Ftyp } from '../../tests/support/media-files.js';

const MIB = 1024 * 1024;

/** Chunks of at most 1 MiB, as `EvidenceInput.chunks()` gives them. */
async function* chunked(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += MIB) yield bytes.subarray(at, at + MIB);
}

/**
 * `ftyp`, an `mdat` of `mdatBytes` declared with a 64-bit size, then `moov` — streamed without
 * ever holding the media data: one zero MiB is yielded again and again (a fake, sparse payload).
 */
async function* behindLargeMdat(mdatBytes: number, moov: Buffer): AsyncGenerator<Uint8Array> {
  yield Buffer.concat([mp4Ftyp(), isoBox('mdat', Buffer.alloc(0), { largeSize: true, declaredSize: BigInt(16 + mdatBytes) })]);
  const zeros = new Uint8Array(MIB);
  for (let left = mdatBytes; left > 0; left -= MIB) yield left >= MIB ? zeros : zeros.subarray(0, left);
  yield moov;
}

describe('duration from the MP4/QuickTime movie header', () => {
  it('reads a version 0 mvhd (the mp4(12) fixture: 12 s)', async () => {
    expect(await movieHeaderDuration(chunked(mp4(12)))).toBe(12);
  });

  it('reads a version 1 mvhd with 64-bit duration inside a moov with a 64-bit size', async () => {
    const file = Buffer.concat([mp4Ftyp(), isoBox('moov', Buffer.concat([isoBox('free', Buffer.alloc(5)), movieHeader(7.25, 1)]), { largeSize: true })]);
    expect(await movieHeaderDuration(chunked(file))).toBe(7.25);
  });

  it('finds moov after an mdat of more than 4 GiB declared with a 64-bit size, reading it as a stream', async () => {
    const mdatBytes = 4 * 1024 * MIB + 12_345;
    expect(await movieHeaderDuration(behindLargeMdat(mdatBytes, isoBox('moov', movieHeader(95))))).toBe(95);
  });

  it('finds a moov whose size is 0 (it runs to the end of the file)', async () => {
    expect(await movieHeaderDuration(chunked(Buffer.concat([mp4Ftyp(), isoBox('moov', movieHeader(3), { declaredSize: 0n })])))).toBe(3);
  });

  it('gives no duration for garbage after ftyp, a truncated header or an mdat longer than the file', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    expect(await movieHeaderDuration(chunked(Buffer.concat([mp4Ftyp(), garbage])))).toBeUndefined();
    expect(await movieHeaderDuration(chunked(mp4(12).subarray(0, 50)))).toBeUndefined();
    const lying = Buffer.concat([mp4Ftyp(), isoBox('mdat', Buffer.alloc(64), { declaredSize: 0xfffffff0n }), isoBox('moov', movieHeader(4))]);
    expect(await movieHeaderDuration(chunked(lying))).toBeUndefined();
  });

  it('gives no duration for an unknown (all ones) or zero duration and a zero timescale', async () => {
    const header = movieHeader(1);
    const unknown = Buffer.from(header);
    unknown.writeUInt32BE(0xffffffff, 8 + 16);
    const zero = Buffer.from(header);
    zero.writeUInt32BE(0, 8 + 16);
    const noScale = Buffer.from(header);
    noScale.writeUInt32BE(0, 8 + 12);
    for (const mvhd of [unknown, zero, noScale]) expect(await movieHeaderDuration(chunked(Buffer.concat([mp4Ftyp(), isoBox('moov', mvhd)])))).toBeUndefined();
  });

  it('stops after a bounded number of boxes (a stream of empty boxes never reaching moov)', async () => {
    const empties = Buffer.concat(Array.from({ length: 5000 }, () => isoBox('free', Buffer.alloc(0))));
    expect(await movieHeaderDuration(chunked(Buffer.concat([mp4Ftyp(), empties, isoBox('moov', movieHeader(2))])))).toBeUndefined();
  });
});
