/**
 * Test hook for crash consistency: `SOZ_CRASH_AT=<action>/<step>[@n]` makes the process kill
 * itself with SIGKILL when it reaches the n-th (default first) time that step of committing a log
 * entry with that action, e.g. `analysis.run/renamed@2` or `report.export/logged` (and
 * `report.lists/staged`, each time a report's kept list is on disk: `case/list-spill.ts`). Nothing else
 * reads this variable; unset, a crash point does nothing. `tests/custody-crash.test.ts` kills the
 * real CLI at every step of every command that writes.
 *
 * `SOZ_HOLD_AT=<action>/<step>=<path>` makes the process wait at that step (the case lock held)
 * until `<path>` exists, so tests of concurrent commands do not depend on how fast a command runs.
 */
import { existsSync } from 'node:fs';

/** The steps of one commit, in order (see `case/commit.ts`). */
export const COMMIT_STEPS = ['staged', 'intent', 'renamed', 'logged', 'finished'] as const;
export type CommitStep = (typeof COMMIT_STEPS)[number];

const reached = new Map<string, number>();

/** Marks that `action`'s commit reached `step`; kills the process here when the hook asks for it. */
export function crashPoint(action: string, step: CommitStep): void {
  holdPoint(`${action}/${step}`);
  const wanted = process.env['SOZ_CRASH_AT'];
  if (wanted === undefined || wanted === '') return;
  const point = `${action}/${step}`;
  const count = (reached.get(point) ?? 0) + 1;
  reached.set(point, count);
  const [name, nth] = wanted.split('@');
  if (name === point && count === Number(nth ?? '1')) process.kill(process.pid, 'SIGKILL');
}

function holdPoint(point: string): void {
  const hold = process.env['SOZ_HOLD_AT'];
  if (hold === undefined || hold === '') return;
  const at = hold.indexOf('=');
  if (hold.slice(0, at) !== point) return;
  const release = hold.slice(at + 1);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(release)) Atomics.wait(pause, 0, 0, 20);
}
