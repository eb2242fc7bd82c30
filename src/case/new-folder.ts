import { existsSync, readdirSync, statSync } from 'node:fs';

/**
 * `wanted` when nothing is there or it is an empty folder; otherwise the first of `wanted-2`,
 * `wanted-3`, … that is free. For commands that create a case where an earlier one may stand
 * (`soz demo`): an existing case is never replaced or deleted, the new one goes beside it.
 */
export function unusedFolder(wanted: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    if (!existsSync(candidate)) return candidate;
    if (statSync(candidate).isDirectory() && readdirSync(candidate).length === 0) return candidate;
  }
}
