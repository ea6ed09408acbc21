/**
 * Date formats (issue 13): Japanese, Chinese and Korean pages ("2019年4月2日", "2019.03.05",
 * "2023.11.02. 오후 8:06"), French, Spanish and Italian month names ("30 septembre 2018", "3 de
 * mayo de 2022"); each with a counter-case that must not read as a day.
 */
import { describe, expect, it } from 'vitest';
import { parseDate, withoutMonthWords } from '@/utils/extract/dates';
import { extract, page } from './helpers';

/** Dates as pages write them, and the day (or month) each states. */
const WRITTEN = {
  '2019年4月2日': '2019-04-02',
  '公開日 2019 年 04 月 20 日 10:00': '2019-04-20',
  '2019年4月': '2019-04',
  '2019.03.05': '2019-03-05',
  '입력 2023.11.02. 오후 8:06': '2023-11-02',
  '2023. 10. 23': '2023-10-23',
  '30 septembre 2018': '2018-09-30',
  '1er mai 2019': '2019-05-01',
  'le 12 décembre 2019': '2019-12-12',
  '3 de mayo de 2022': '2022-05-03',
  '14 febbraio 2020': '2020-02-14',
  'août 2021': '2021-08',
};

it('reads year-first dates with 年月日 or dots, and French, Spanish and Italian month names', () => {
  const read = Object.fromEntries(Object.keys(WRITTEN).map((raw) => [raw, parseDate(raw)]));
  expect(read).toEqual(WRITTEN);
});

describe('year-first dates with 年月日 or dots', () => {
  it('not a version number or an amount', () => {
    expect(parseDate('Version 1.2019.03.05')).toBeUndefined();
    expect(parseDate('2019.03.05.7')).toBeUndefined();
    expect(parseDate('Werkwijzer 2024.1.2 verschenen')).toBeUndefined();
    expect(parseDate('Versie 2024.1.2, 5 december 2026')).toBe('2026-12-05');
  });
  it('the date line of a Japanese article', () => {
    const body =
      '<main><article><h1>新しい規則について</h1><p class="date">2019年04月21日 10時00分更新</p><p>本文はここにあり、十分な長さの文章で行政と政策について説明しています。本文はここにあり、十分な長さの文章です。</p></article></main>';
    expect(extract(page('', body))?.published).toBe('2019-04-21');
  });
});

describe('French, Spanish and Italian month names', () => {
  it('not a word that only looks like one', () => {
    expect(parseDate('Mars 2 rover')).toBeUndefined();
  });

  it('the byline row of a French article', () => {
    const body =
      '<main><article><h1>Un an à la mairie</h1><p>Par Camille Dubois | 30 septembre 2018</p><p>Un paragraphe avec assez de texte pour être le texte courant, sur la politique et l’administration en France.</p></article></main>';
    expect(extract(page('', body))?.published).toBe('2018-09-30');
  });
});

/** Month words in any case, after a word of the same shape that is no month (or an object-model name). */
const MONTH_WORD_CASES: Array<[string, string | undefined]> = [
  ['5 MÄRZ 2021', '2021-03-05'],
  ['AOÛT 2021', '2021-08'],
  ['Band 3 Bände 2020, erschienen am 5. März 2021', '2021-03-05'],
  ['Chapter Three 2020 and then March 4, 2021', '2021-03-04'],
  ['Volume 2020, December 2021', '2021-12'],
  ['12 Marchand 2020', undefined],
  ['12 toString 2020', undefined],
  ['Valueof 2020 hasOwnProperty', '2020'],
  ['Constructor, 2020', '2020'],
];

it('reads month words in any case, and no word of the same shape that is no month', () => {
  const read = MONTH_WORD_CASES.map(([raw]) => [raw, parseDate(raw)]);
  expect(read).toEqual(MONTH_WORD_CASES);
});

it('a date line loses its month words, whole words only, and the words of a sentence stay', () => {
  const lines = {
    'Veröffentlicht am 5. Dez. 2026': 'Veröffentlicht am 5.   2026',
    'MÄRZ 2021, août, sept.x': '  2021,  ,  .x',
    'Energie in Maine, Januaries, Mayday': 'Energie in Maine, Januaries, Mayday',
  };
  const read = Object.fromEntries(Object.keys(lines).map((line) => [line, withoutMonthWords(line)]));
  expect(read).toEqual(lines);
});
