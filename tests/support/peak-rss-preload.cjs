// Preloaded with --require by tests that bound a command's memory (tests/hostile/chat-limits.test.ts):
// when the process exits, its peak resident set size (bytes, all threads) is written to the file
// $SOZ_PEAK_RSS_FILE names, so the test can compare it with the memory README documents.
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload cannot import */
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  // resourceUsage().maxRSS is in kibibytes.
  if (process.env.SOZ_PEAK_RSS_FILE) fs.writeFileSync(process.env.SOZ_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
