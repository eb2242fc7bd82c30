/** The typed arrays that grow by copying into a larger one (word tables, token lists). */
export type GrowableArray = Uint8Array | Int32Array | Uint32Array;

/** `into` with `from` copied to its start: how a full typed array is grown. */
export function grown<T extends GrowableArray>(from: T, into: T): T {
  into.set(from);
  return into;
}
