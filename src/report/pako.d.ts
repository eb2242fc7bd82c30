/** The part of pako 1.0 (the deflate jszip 3 packs with) that soz's ZIP writer uses; pako ships no types. */
declare module 'pako' {
  /** A raw or zlib deflate stream: `push` input, compressed bytes come out through `onData`. */
  export class Deflate {
    constructor(options: { raw?: boolean; level?: number });
    /** Input to compress; `true` ends the stream. */
    push(data: Uint8Array, end: boolean): boolean;
    /** Replaced by the caller to take each compressed chunk (a buffer pako never reuses). */
    onData(chunk: Uint8Array): void;
    /** zlib's status once the stream ended (0: done). */
    readonly err: number;
  }
  const pako: { Deflate: typeof Deflate };
  export default pako;
}
