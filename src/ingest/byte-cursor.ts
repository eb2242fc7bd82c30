/** Sequential reads and skips over a stream of chunks, keeping no more than the bytes asked for. */
export class ByteCursor {
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private ended = false;
  private passed = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Bytes read or skipped so far: the offset in the file of the next byte. */
  get offset(): number {
    return this.passed;
  }

  /** Up to `length` bytes; fewer only at the end of the stream. */
  async read(length: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < length && (await this.fill())) {
      const part = this.chunk.subarray(this.at, this.at + length - got);
      parts.push(part);
      got += part.byteLength;
      this.at += part.byteLength;
      this.passed += part.byteLength;
    }
    return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  }

  /** Passes `length` bytes; false when the stream ends first. */
  async skip(length: number): Promise<boolean> {
    let left = length;
    while (left > 0) {
      if (!(await this.fill())) return false;
      const step = Math.min(left, this.chunk.byteLength - this.at);
      this.at += step;
      this.passed += step;
      left -= step;
    }
    return true;
  }

  /** Stops the source early (closes the file stream when the header was found). */
  async close(): Promise<void> {
    if (!this.ended) await this.source.return?.();
  }

  private async fill(): Promise<boolean> {
    while (this.at >= this.chunk.byteLength) {
      if (this.ended) return false;
      const next = await this.source.next();
      if (next.done === true) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }
}
