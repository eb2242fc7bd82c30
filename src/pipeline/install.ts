import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { HashedFile } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { sha256 } from '../core/hash.js';

/** Root of the soz installation: `src/pipeline/` and `dist/pipeline/` are both two levels down. */
export const INSTALL_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Facts about the installed soz that every manifest records. */
export interface InstallFacts {
  /** The npm package name (package.json `name`). */
  readonly name: string;
  /** The source repository package.json names, if it names one. */
  readonly repository: string | null;
  readonly version: string;
  readonly lockfileSha256: string;
  /** Resolved versions of the direct runtime dependencies, from the lockfile. */
  readonly dependencies: Readonly<Record<string, string>>;
}

let cached: InstallFacts | undefined;

/**
 * The lockfile of the installation: the repository's own, or in an installed package (npm leaves
 * package-lock.json out of packages) the copy `npm pack` puts into dist/. Same bytes either way.
 */
function lockfilePath(): string {
  const own = join(INSTALL_ROOT, 'package-lock.json');
  return existsSync(own) ? own : join(INSTALL_ROOT, 'dist', 'package-lock.json');
}

/** Reads package.json and package-lock.json of the installation once. */
export function installFacts(): InstallFacts {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; repository?: string | { url?: string }; dependencies?: Record<string, string> };
  const lockBytes = readFileSync(lockfilePath());
  const lock = JSON.parse(lockBytes.toString('utf8')) as { packages?: Record<string, { version?: string }> };
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys(pkg.dependencies ?? {}).sort(compareCodeUnits)) {
    dependencies[name] = lock.packages?.[`node_modules/${name}`]?.version ?? 'unresolved';
  }
  const repository = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? null);
  cached = { name: pkg.name, repository, version: pkg.version, lockfileSha256: sha256(lockBytes), dependencies };
  return cached;
}

/** Hash of a data file of the installation (SOP, lexicon, template), path relative to the root. */
export function hashInstallFile(absolutePath: string): HashedFile {
  return { path: relative(INSTALL_ROOT, absolutePath).split(sep).join('/'), sha256: sha256(readFileSync(absolutePath)) };
}

/**
 * Every data file of the installation that can shape a result (SOP, lexicons, language data,
 * templates), hashed in path order, for the run manifest.
 */
export function installDataFiles(): HashedFile[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const folder of ['sop', 'templates']) walk(join(INSTALL_ROOT, folder));
  return files.map(hashInstallFile).sort((a, b) => compareCodeUnits(a.path, b.path));
}
