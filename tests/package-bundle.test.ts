/**
 * The release tarball installs on a workstation with no network (README "Installing on an offline
 * workstation"): that works only if every runtime dependency travels inside it. A dependency added
 * to `dependencies` but not to `bundleDependencies` would pass every other test and fail only the
 * offline install, so the two lists are checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bundleDependencies: string[] };

describe('package.json', () => {
  it('bundles every runtime dependency, and nothing else, into the release tarball', () => {
    expect([...pkg.bundleDependencies].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
