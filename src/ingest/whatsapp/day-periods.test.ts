import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayPeriodEntry } from './day-periods.data.js';
import { DAY_PERIODS } from './day-periods.data.js';
import { asciiDigits, hour24, looksLikeHeader, parseHeader } from './header.js';

const RUNS = Number(process.env['SOZ_FUZZ_RUNS'] ?? 200);

describe('12-hour markers of other locales (lines written by hand, fictional messages)', () => {
  it.each([
    ['de, older phones', '24.09.2020, 9:07 nachm. - Anna: Bis morgen', 21, 'android'],
    ['de, older phones, am', '24.09.2020, 12:30 vorm. - Anna: Guten Morgen', 0, 'android'],
    ['de, CLDR 48', '24.09.2020, 9:07 PM - Anna: Bis morgen', 21, 'android'],
    ['tr, before the time', '24.09.2020 ÖS 9:07 - Ayşe: Görüşürüz', 21, 'android'],
    ['tr, hour 0 in the morning', '24.09.2020 ÖÖ 0:05 - Ayşe: Günaydın', 0, 'android'],
    ['ar, with U+200F and the Arabic comma', '24\u200f/9\u200f/2020\u060c 9:07 م - سارة: إلى الغد', 21, 'android'],
    ['ar-EG, Arabic-Indic digits', '٢٤\u200f/٩\u200f/٢٠٢٠\u060c ٩:٠٧ ص - سارة: صباح الخير', 9, 'android'],
    ['fa, Persian digits', '[۲۴/۹/۲۰۲۰, ۹:۰۷:۰۵ ب.ظ.] مریم: فردا می‌بینمت', 21, 'ios'],
    ['zh, before the time without a space', '2020/9/24 下午9:07 - 小明: 明天见', 21, 'android'],
    ['ja, hour 0', '2020/09/24 午前0:07 - 太郎: おはよう', 0, 'android'],
    ['ko, older phones', '2020. 9. 24. 오후 9:07 - 민수: 내일 봐요', 21, 'android'],
    ['ko, CLDR 48, iOS', '[2020. 9. 24. PM 9:07:05] 민수: 내일 봐요', 21, 'ios'],
    ['ky', '24.09.2020, 9:07 тк - Айгүл: Эртең көрүшөбүз', 21, 'android'],
    ['uz Latin', '24/09/20 9:07 TO - Aziz: Xayrli tong', 9, 'android'],
    ['uz Cyrillic', '24/09/20 9:07 ТК - Азиз: Эртага кўришамиз', 21, 'android'],
    ['kk, ru, tg (AM/PM)', '24.09.2020, 0:07 PM - Дана: До завтра', 12, 'android'],
    ['es, narrow NBSP', '24/9/20, 9:07 p.\u202fm. - Ana: Hasta mañana', 21, 'android'],
    ['pt-PT', '24/09/20, 9:07 a.m. - Rui: Bom dia', 9, 'android'],
    ['hi', '24/9/20, 9:07 pm - Ravi: Kal milte hain', 21, 'android'],
    ['id, dot as time separator', '24/09/20 09.07 PM - Budi: Sampai besok', 21, 'android'],
    ['ms', '24/09/2020, 9:07 PTG - Siti: Jumpa esok', 21, 'android'],
    ['uk', '24.09.20, 9:07 пп - Олена: До завтра', 21, 'android'],
    ['tk', '24.09.2020 9:07 go.soň - Aýna: Ertir görüşeris', 21, 'android'],
    ['U+200E before the marker', '[24.09.20, 9:07:05\u200e\u202fTK] Aziz: Salom', 21, 'ios'],
  ])('%s: %s', (_name, line, expectedHour, layout) => {
    const header = parseHeader(line);
    expect(header?.layout).toBe(layout);
    expect(header && hour24(header)).toBe(expectedHour);
    expect(header?.minute).toBe(line.includes('12:30') ? 30 : line.includes(':05 ') || line.includes('0:05') ? 5 : 7);
    // The sender follows the header exactly.
    expect(line.slice(header?.length ?? 0)).toMatch(/^[^\s\]-][^:]*: /u);
  });

  it('keeps the raw date and time as written (original digits and marks)', () => {
    const line = '٢٤\u200f/٩\u200f/٢٠٢٠\u060c ٩:٠٧ ص - سارة: صباح الخير';
    const header = parseHeader(line);
    expect(header?.fields).toEqual([24, 9, 2020]);
    expect(header?.raw).toBe('٢٤\u200f/٩\u200f/٢٠٢٠\u060c ٩:٠٧ ص');
    expect(asciiDigits(line).length).toBe(line.length);
  });

  it.each([
    ['a marker on both sides', '24.09.2020 ÖS 9:07 PM - A: x'],
    ['an unknown marker', '24.09.2020, 9:07 xyz. - A: x'],
    ['a Solar Hijri date (Persian phone)', '۱۳۹۹/۷/۳, ۹:۰۷ ب.ظ. - مریم: سلام'],
    ['an hour past 12 is still read, but hour24 refuses it', ''],
  ])('does not read %s', (_name, line) => {
    if (line === '') {
      const header = parseHeader('24.09.2020, 13:07 nachm. - A: x');
      expect(header && hour24(header)).toBeUndefined();
      return;
    }
    expect(parseHeader(line)).toBeUndefined();
    expect(looksLikeHeader(line)).toBe(true);
  });

  it('tells header-shaped lines from text that merely starts with a date', () => {
    expect(looksLikeHeader('24.09.2020, 25:38 - A: x')).toBe(true);
    expect(looksLikeHeader('[99/99/2020, 9:07:05 foo] A: x')).toBe(true);
    expect(looksLikeHeader('24.09.2020, 11:38 встреча у входа')).toBe(false);
    expect(looksLikeHeader('24.09.2020 - срок сдачи')).toBe(false);
    expect(looksLikeHeader('Hello there')).toBe(false);
  });

  it('has every requested locale, and no marker meaning both am and pm', () => {
    const locales = new Set(DAY_PERIODS.map((e) => e.locale));
    for (const locale of ['en', 'ru', 'ky', 'kk', 'uz-Latn', 'uz-Cyrl', 'tg', 'ar', 'fa', 'tr', 'de', 'fr', 'es', 'pt', 'it', 'zh', 'ko', 'ja', 'id', 'hi']) {
      expect(locales.has(locale), locale).toBe(true);
    }
    const halves = new Map<string, string>();
    for (const e of DAY_PERIODS) {
      for (const [half, marker] of [['am', e.am], ['pm', e.pm]] as const) {
        const key = marker.replace(/[\s\u200e\u200f]/gu, '').toLowerCase();
        expect(halves.get(key) ?? half, `${e.locale} ${marker}`).toBe(half);
        halves.set(key, half);
      }
    }
  });
});

/** `text` written in the numbering system whose zero is `zero`. */
function localDigits(text: string, zero: string): string {
  const base = zero.charCodeAt(0);
  return text.replace(/[0-9]/gu, (d) => String.fromCharCode(base + Number(d)));
}

function render(entry: DayPeriodEntry, hour: number, minute: number, second: number | undefined, layout: 'android' | 'ios', gap: string, space: string, dmy: readonly [number, number, number]): string {
  const written = entry.hourCycle === 'h11' ? hour % 12 : hour % 12 === 0 ? 12 : hour % 12;
  const marker = (hour < 12 ? entry.am : entry.pm).replace(/[ \u00a0\u202f]/gu, space);
  const clock = `${written}:${String(minute).padStart(2, '0')}${second === undefined ? '' : `:${String(second).padStart(2, '0')}`}`;
  const time = entry.position === 'before' ? `${marker}${gap}${clock}` : `${clock}${gap}${marker}`;
  const localised = localDigits(`${dmy[0]}/${dmy[1]}/${dmy[2]}, ${time}`, entry.zero);
  return layout === 'ios' ? `[${localised}] Someone: fictional text` : `${localised} - Someone: fictional text`;
}

describe('property: a header with any table marker reads as the right 24-hour time', () => {
  it('parses the rendered time back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DAY_PERIODS),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
        fc.constantFrom('android' as const, 'ios' as const),
        fc.constantFrom(' ', '\u00a0', '\u202f', '\u200e ', ' \u200f', ''),
        fc.constantFrom(' ', '\u00a0', '\u202f', ''),
        fc.tuple(fc.integer({ min: 13, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2009, max: 2030 })),
        (entry, hour, minute, second, layout, gap, space, dmy) => {
          const line = render(entry, hour, minute, second, layout, gap, space, dmy);
          const header = parseHeader(line);
          expect(header, line).toBeDefined();
          if (!header) return;
          expect(hour24(header), line).toBe(hour);
          expect([header.minute, header.second, header.layout], line).toEqual([minute, second ?? 0, layout]);
          expect(header.fields, line).toEqual(dmy);
          expect(line.slice(header.length), line).toBe('Someone: fictional text');
        },
      ),
      { numRuns: Math.max(RUNS, 500) },
    );
  });
});
