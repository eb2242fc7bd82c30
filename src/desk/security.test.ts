import { describe, expect, it } from 'vitest';
import type { RequestFacts } from './security.js';
import { admit, cookieValue, tokenCookie } from './security.js';

const TOKEN = 'k3Q-secret_token';
const PORT = 41234;
const request = (facts: Partial<RequestFacts>): RequestFacts => ({ method: 'GET', host: `127.0.0.1:${PORT}`, origin: undefined, cookie: undefined, tokenHeader: undefined, queryToken: null, ...facts });

describe('admit', () => {
  it('admits the token from the query (to be moved into the cookie), the cookie, or the header', () => {
    expect(admit(request({ queryToken: TOKEN }), TOKEN, PORT)).toEqual({ ok: true, viaQuery: true });
    expect(admit(request({ cookie: `other=1; ${tokenCookie(TOKEN).split(';')[0]!}` }), TOKEN, PORT)).toEqual({ ok: true, viaQuery: false });
    expect(admit(request({ tokenHeader: TOKEN, method: 'POST', origin: `http://localhost:${PORT}`, host: `localhost:${PORT}` }), TOKEN, PORT)).toEqual({ ok: true, viaQuery: false });
  });

  it('refuses a missing, shorter, longer or different token with 403', () => {
    for (const given of [undefined, '', TOKEN.slice(1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      expect(admit(request({ tokenHeader: given }), TOKEN, PORT)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses a foreign Host with 421 before looking at the token', () => {
    for (const host of [undefined, 'evil.example', `evil.example:${PORT}`, `127.0.0.1:${PORT + 1}`, `[::1]:${PORT}`]) {
      expect(admit(request({ host, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({ ok: false, status: 421 });
    }
  });

  it('refuses another origin, and an opaque one for writes, with 403', () => {
    expect(admit(request({ origin: 'http://evil.example', tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({ ok: false, status: 403 });
    expect(admit(request({ origin: `https://127.0.0.1:${PORT}`, tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({ ok: false, status: 403 });
    expect(admit(request({ origin: 'null', method: 'POST', tokenHeader: TOKEN }), TOKEN, PORT)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('cookieValue', () => {
  it('finds one cookie among several, by exact name', () => {
    expect(cookieValue('a=1; soz_desk=xyz; b=2', 'soz_desk')).toBe('xyz');
    expect(cookieValue('xsoz_desk=1', 'soz_desk')).toBeUndefined();
    expect(cookieValue(undefined, 'soz_desk')).toBeUndefined();
  });
});
