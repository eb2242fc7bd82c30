// The defence lawyer's install, checked: pack soz into one file with its dependencies bundled,
// install that file into an empty prefix with an empty npm cache and `--offline` while every
// network call of every Node process is trapped (tests/no-network-preload.cjs), then use the
// installed `soz` alone to make a case, bundle it and verify the bundle. Run by .ci/run (with
// --built: `npm test` has just built dist/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'soz-offline-install-'));
const netLog = join(work, 'network-attempts.log');
const offlineEnv = {
  ...process.env,
  NODE_OPTIONS: `--require ${join(root, 'tests', 'no-network-preload.cjs')}`,
  SOZ_NET_LOG: netLog,
  npm_config_offline: 'true',
  npm_config_cache: join(work, 'empty-npm-cache'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const run = (command, args, options = {}) => {
  process.stdout.write(`$ ${command} ${args.join(' ')}\n`);
  return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
};

try {
  // `npm pack` would run `prepack` (the build and the lockfile copy) and then `prepare`, the same
  // build again: run `prepack` once here and pack without scripts. With --built (.ci/run, right
  // after `npm test` built this checkout) the build is not repeated, only the lockfile copied.
  if (process.argv.includes('--built')) run(process.execPath, [join(root, 'scripts', 'copy-lockfile.mjs')]);
  else run('npm', ['run', 'prepack'], { cwd: root, env: offlineEnv });
  // Packing reads the local node_modules (bundled dependencies) and runs no network either.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, env: offlineEnv });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const tarball = join(work, `soz-${version}.tgz`);
  const prefix = join(work, 'prefix');
  run('npm', ['install', '--prefix', prefix, tarball], { env: offlineEnv });
  const soz = (...args) => run(process.execPath, [join(prefix, 'node_modules', 'soz', 'bin', 'soz'), ...args], { cwd: work, env: offlineEnv });

  process.stdout.write(soz('--version'));
  const caseDir = join(work, 'case');
  soz('init', caseDir, '--case-number', 'OFFLINE-1', '--ordering-body', 'Practice court', '--examiner', 'Trainee', '--language', 'en');
  soz('add', caseDir, join(root, 'corpora', 'demo', 'materials', 'letter_en.txt'));
  soz('analyze', caseDir);
  soz('report', caseDir);
  soz('bundle', caseDir, '-o', join(work, 'case.zip'));
  process.stdout.write(soz('verify', join(work, 'case.zip')));
  if (existsSync(netLog) && readFileSync(netLog, 'utf8').trim() !== '') {
    throw new Error(`network was attempted:\n${readFileSync(netLog, 'utf8')}`);
  }
  process.stdout.write('offline install: packed, installed with no network, bundle verified\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
