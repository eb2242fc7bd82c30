import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gifFrameCount } from './gif-frames.js';

// A 1 × 1 GIF89a built by hand (GIF89a specification): header, logical screen with a global
// colour table of two entries, then `frames` image descriptors each with one LZW data sub-block.
function gif(frames: number, trailer = true): Uint8Array {
  const header = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255])]);
  const control = [0x21, 0xf9, 4, 0, 10, 0, 0, 0];
  const image = [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
  const frame = Buffer.from([...control, ...image]);
  return Buffer.concat([header, Buffer.concat(Array.from({ length: frames }, () => frame)), Buffer.from(trailer ? [0x3b] : [])]);
}

describe('gifFrameCount', () => {
  it('counts the frames of a still and of an animated GIF', () => {
    expect(gifFrameCount(gif(1))).toBe(1);
    expect(gifFrameCount(gif(3))).toBe(3);
    expect(gifFrameCount(readFileSync(new URL('../../tests/fixtures/ocr/animated-ky.gif', import.meta.url)))).toBe(2);
  });

  it('counts up to the end of the bytes when the writer left the trailer out', () => {
    expect(gifFrameCount(gif(2, false))).toBe(2);
  });

  it('gives no count for bytes cut inside a block, an unknown block or no GIF at all', () => {
    const whole = gif(2);
    expect(gifFrameCount(whole.subarray(0, whole.byteLength - 4))).toBeUndefined();
    expect(gifFrameCount(Buffer.concat([whole.subarray(0, 19), Buffer.from([0x99])]))).toBeUndefined();
    expect(gifFrameCount(Buffer.from('GIF89', 'latin1'))).toBeUndefined();
    expect(gifFrameCount(Buffer.from('not a picture at all', 'latin1'))).toBeUndefined();
  });

  it('walks a GIF of many frames in one pass without keeping them', () => {
    expect(gifFrameCount(gif(100_000))).toBe(100_000);
  });
});
