import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { checkReportDigest, withDigestLineParts } from './markdown.js';

describe('the digest line and the file hash from one encoding', () => {
  it('gives the digest of the body and the SHA-256 of the whole file, each byte encoded and hashed once', () => {
    for (const body of [['# Заключение\n', '', 'текст ⟦x⟧\n\n'], ['no final line break'], []]) {
      const report = withDigestLineParts(body, 'SHA-256');
      const bytes = Buffer.concat([...report.parts]);
      expect(report.sha256()).toBe(sha256(bytes));
      const checked = checkReportDigest(bytes.toString('utf8'));
      expect(checked.claimed).toBe(report.digest());
      expect(checked.actual).toBe(report.digest());
    }
  });

  it('knows neither hash before every part was taken', () => {
    const report = withDigestLineParts(['a\n'], 'SHA-256');
    expect(() => report.sha256()).toThrow(/once every part/);
    expect(() => report.digest()).toThrow(/once every part/);
  });
});
