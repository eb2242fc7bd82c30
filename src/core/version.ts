/**
 * Order of two release versions `MAJOR.MINOR.PATCH[-pre]` by their numbers; a pre-release sorts
 * before its release. Parts that are not numbers compare as text, so any two strings have an order.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.');
  const partsB = coreB.split('.');
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const x = partsA[index] ?? '0';
    const y = partsB[index] ?? '0';
    const byNumber = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (byNumber !== 0) return Math.sign(byNumber);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}
