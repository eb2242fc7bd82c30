/**
 * The one rule for a path that soz reads from a record it did not just write (log entry,
 * manifest, seal file, bundle entry): a case-relative POSIX path that cannot leave its folder on
 * any operating system. Pure; the check against the file system (links) is `case/snapshot.ts`.
 */

/**
 * Why `path` is not a plain case-relative POSIX path, or undefined when it is one. Refused:
 * empty, NUL, backslash, absolute, drive letter or any colon (Windows streams), `..`, `.` and
 * empty parts. `directory: true` allows one trailing `/` (a ZIP folder entry).
 */
export function relativePathProblem(path: unknown, options: { directory?: boolean } = {}): string | undefined {
  if (typeof path !== 'string') return 'is not a text path';
  if (path === '') return 'has an empty name';
  if (path.includes('\u0000')) return 'contains a NUL character';
  if (path.includes('\\')) return 'contains a backslash (a Windows path separator)';
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/u.test(path)) return 'starts with a drive letter';
  if (path.includes(':')) return 'contains a colon (a drive or stream name on Windows)';
  const parts = path.split('/');
  if (parts.some((part) => part === '..')) return 'climbs out of the folder with ".."';
  const last = options.directory && path.endsWith('/') ? parts.length - 1 : parts.length;
  if (parts.some((part, index) => index < last && (part === '' || part === '.'))) return 'has an empty or "." path part';
  return undefined;
}
