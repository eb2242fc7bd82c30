import { describe, expect, it } from 'vitest';
import { csvCell, recordsToCsv, toCsv } from './csv.js';

describe('CSV writer', () => {
  it('neutralises formula injection', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell(-3)).toBe('-3');
  });
  it('quotes commas, quotes and line breaks and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]])).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
    expect(recordsToCsv(['item', 'range'], [{ item: 'убить', range: [1, 2] }])).toBe('\uFEFFitem,range\r\nубить,"[1,2]"\r\n');
  });
});
