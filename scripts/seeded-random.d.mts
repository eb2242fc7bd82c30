/** A seeded generator of numbers in [0, 1): the same seed gives the same sequence on every run. */
export function mulberry32(seed: number): () => number;
