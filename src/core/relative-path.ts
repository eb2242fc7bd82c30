/**
 * The one rule for a path that soz reads from a record it did not just write (log entry,
 * manifest, seal file, bundle entry): a case-relative POSIX path that cannot leave its folder on
 * any operating system. Pure; the check against the file system (links) is `case/snapshot.ts`.
 */
import type { Said } from './messages.js';
import { said } from './messages.js';

/**
 * Why `path` is not a plain case-relative POSIX path, or undefined when it is one. Refused:
 * empty, NUL, backslash, absolute, drive letter or any colon (Windows streams), `..`, `.` and
 * empty parts. `directory: true` allows one trailing `/` (a ZIP folder entry).
 */
export function relativePathProblem(path: unknown, options: { directory?: boolean } = {}): Said | undefined {
  if (typeof path !== 'string') return said('is not a text path', 'problem.path.not-text');
  if (path === '') return said('has an empty name', 'problem.path.empty');
  if (path.includes('\u0000')) return said('contains a NUL character', 'problem.path.nul');
  if (path.includes('\\')) return said('contains a backslash (a Windows path separator)', 'problem.path.backslash');
  if (path.startsWith('/')) return said('is an absolute path', 'problem.path.absolute');
  if (/^[A-Za-z]:/u.test(path)) return said('starts with a drive letter', 'problem.path.drive');
  if (path.includes(':')) return said('contains a colon (a drive or stream name on Windows)', 'problem.path.colon');
  const parts = path.split('/');
  if (parts.some((part) => part === '..')) return said('climbs out of the folder with ".."', 'problem.path.climbs');
  const last = options.directory && path.endsWith('/') ? parts.length - 1 : parts.length;
  if (parts.some((part, index) => index < last && (part === '' || part === '.'))) return said('has an empty or "." path part', 'problem.path.empty-part');
  return undefined;
}
