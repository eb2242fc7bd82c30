// Preloaded with NODE_OPTIONS=--require by tests/no-network.test.ts: every way a Node process can
// reach the network is replaced by a function that records the attempt in $SOZ_NET_LOG and throws.
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload cannot import */
'use strict';
const fs = require('node:fs');
const log = process.env.SOZ_NET_LOG;

function trap(what) {
  return function blocked(...args) {
    let detail = '';
    try {
      detail = JSON.stringify(args.map((arg) => (typeof arg === 'function' ? 'fn' : arg && typeof arg === 'object' ? Object.keys(arg).slice(0, 8).map((key) => `${key}=${String(arg[key]).slice(0, 80)}`).join(' ') : String(arg))));
    } catch {
      detail = '(unprintable)';
    }
    if (log) fs.appendFileSync(log, `${process.pid} ${what} ${detail}\n`);
    throw new Error(`soz no-network test: ${what} blocked`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = trap('net.Socket.connect');
net.connect = trap('net.connect');
net.createConnection = trap('net.createConnection');
const tls = require('node:tls');
tls.connect = trap('tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv', 'resolveMx', 'reverse']) {
  dns[name] = trap(`dns.${name}`);
  if (dns.promises[name]) dns.promises[name] = trap(`dns.promises.${name}`);
}
for (const name of ['node:http', 'node:https', 'node:http2']) {
  const mod = require(name);
  for (const fn of ['request', 'get', 'connect']) if (typeof mod[fn] === 'function') mod[fn] = trap(`${name}.${fn}`);
}
const dgram = require('node:dgram');
dgram.createSocket = trap('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = trap('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = trap('WebSocket');
