/**
 * Association and keyness statistics with their standard formulas. Natural logarithms for G²,
 * base-2 logarithms for MI and log ratio.
 */

/** Rounds to 6 decimals (and turns −0 into 0) so output bytes are stable. */
export function round6(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

function term(o: number, e: number): number {
  return o > 0 && e > 0 ? o * Math.log(o / e) : 0;
}

/**
 * Log-likelihood G² of a 2×2 contingency table (Dunning T. 1993, "Accurate methods for the
 * statistics of surprise and coincidence", Computational Linguistics 19(1):61–74):
 * G² = 2 Σ O_ij ln(O_ij / E_ij), E_ij = row_i · col_j / N.
 */
export function logLikelihood2x2(o11: number, o12: number, o21: number, o22: number): number {
  const n = o11 + o12 + o21 + o22;
  if (n <= 0) return 0;
  const r1 = o11 + o12;
  const r2 = o21 + o22;
  const c1 = o11 + o21;
  const c2 = o12 + o22;
  return 2 * (term(o11, (r1 * c1) / n) + term(o12, (r1 * c2) / n) + term(o21, (r2 * c1) / n) + term(o22, (r2 * c2) / n));
}

/**
 * Two-corpus log-likelihood for keyness (Rayson P., Garside R. 2000, "Comparing corpora using
 * frequency profiling"; after Dunning 1993): a, b = frequencies in corpora of sizes c, d;
 * E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)).
 */
export function chiSquareFreeLL(a: number, b: number, c: number, d: number): number {
  if (c + d === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * (term(a, e1) + term(b, e2));
}

/** Pointwise mutual information log2(O11/E11) (Church K.W., Hanks P. 1990, Computational Linguistics 16(1):22–29). */
export function mutualInformation(observed: number, expected: number): number {
  return observed > 0 && expected > 0 ? Math.log2(observed / expected) : 0;
}

/** t-score (O11 − E11)/√O11 (Church, Gale, Hanks & Hindle 1991; as used in Evert 2005). */
export function tScore(observed: number, expected: number): number {
  return observed > 0 ? (observed - expected) / Math.sqrt(observed) : 0;
}

/**
 * Log ratio log2((a/n1)/(b/n2)), a zero frequency replaced by 0.5 (Hardie A. 2014, "Log Ratio —
 * an informal introduction", CASS, Lancaster University).
 */
export function logRatio(a: number, n1: number, b: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 0;
  const x = a === 0 ? 0.5 : a;
  const y = b === 0 ? 0.5 : b;
  return Math.log2(x / n1 / (y / n2));
}
