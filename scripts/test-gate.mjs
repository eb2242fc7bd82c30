#!/usr/bin/env node
// `npm test`'s steps before vitest (README "Suite time, round 16"): the build, data validation, the
// type check and lint, each once, on both cores. tsc and ESLint are single-threaded, so run one
// after another they left a core idle for about two minutes of CI. The full type check
// (tsconfig.json: src/, tests/, scripts/) already checks every file of src/, so the build's tsc only
// emits (`--noCheck`; with `isolatedModules` the emitted JavaScript is the same bytes either way).
// `npm run build` alone still checks src/ as before. Any step failing stops the others and fails
// the gate with its exit code.
import { spawn } from 'node:child_process';

/** Chains that run side by side; the steps of a chain run in order. */
const CHAINS = [
  [['tsc', '-p', 'tsconfig.json', '--noEmit']],
  [['tsc', '-p', 'tsconfig.build.json', '--noCheck'], ['npm', 'run', 'build:after-tsc'], ['npm', 'run', 'validate-data']],
  [['npm', 'run', 'lint']],
];

const running = new Set();

function step([command, ...args]) {
  return new Promise((resolve) => {
    // npm runs this script with node_modules/.bin on PATH, so tsc is the project's own.
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    running.add(child);
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function chain(steps) {
  for (const command of steps) {
    const code = await step(command);
    if (code !== 0) {
      console.error(`test gate: \`${command.join(' ')}\` failed (exit ${code})`);
      for (const child of running) child.kill();
      process.exit(code);
    }
  }
}

await Promise.all(CHAINS.map(chain));
