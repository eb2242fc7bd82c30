// npm never puts package-lock.json into a package, but every run manifest records the lockfile's
// hash and the resolved dependency versions: ship a copy inside dist/ (read by
// src/pipeline/install.ts when the installation has no package-lock.json of its own).
import { copyFileSync } from 'node:fs';

copyFileSync(new URL('../package-lock.json', import.meta.url), new URL('../dist/package-lock.json', import.meta.url));
