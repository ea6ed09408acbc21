/**
 * One label vocabulary for detection and extraction (issue 13): a label the full check counts as
 * evidence of a publication is one the extractor reads a value behind, in Dutch, English and
 * German, and the other way round. A sidebar widget's labels (a blog's tag cloud) are the site's.
 */
import { describe, expect, it } from 'vitest';
import { isPublicationPage } from '@/utils/detect';
import { doc, readPage } from './helpers';

const URL = 'https://www.example.org/beitraege/ein-beitrag';

function both(label: string, value: string) {
  const body = `<main><h1>Ein Beitrag über Städte</h1><dl><dt>${label}</dt><dd>${value}</dd></dl></main>`;
  const html = `<!doctype html><html><head></head><body>${body}</body></html>`;
  return {
    signals: isPublicationPage(doc(html), URL).signals.filter((signal) => signal.startsWith('label:')),
    record: readPage('', body, URL),
  };
}

describe('labels: detection and extraction agree', () => {
  it('German tag and topic labels are labels for both', () => {
    const tags = both('Schlagwörter', 'Wohnungsbau, Verkehr');
    expect(tags.signals).toContain('label:theme');
    expect(tags.record?.keywords).toEqual(['Wohnungsbau', 'Verkehr']);
    const topics = both('Themen', 'Dorfentwicklung');
    expect(topics.signals).toContain('label:theme');
    expect(topics.record?.themes).toEqual(['Dorfentwicklung']);
  });

  it('a label detection knew and extraction did not is read as a value', () => {
    const year = both('Year of publication', '2021');
    expect(year.signals).toContain('label:year');
    expect(year.record?.year).toBe(2021);
    const related = both('Related topics', 'Rural housing');
    expect(related.signals).toContain('label:theme');
    expect(related.record?.themes).toEqual(['Rural housing']);
  });

  it('a label extraction reads counts as evidence for detection', () => {
    expect(both('Erschienen am', '3. Mai 2021').signals).toContain('label:year');
    expect(both('Verfasst von', 'Anna Muster').signals).toContain('label:author');
  });

  it('a word that is no label is neither', () => {
    const plain = both('Kontakt', 'info@example.org');
    expect(plain.signals).toEqual([]);
    expect(plain.record?.keywords ?? []).toEqual([]);
  });
});

describe('labels: a sidebar widget is the site’s', () => {
  it('does not read a tag cloud in a widget as the item’s keywords', () => {
    const cloud =
      '<aside><section class="widget widget_tag_cloud"><h2>Schlagwörter</h2><div><a href="/tag/a">Alltag</a> <a href="/tag/b">Bücher</a></div></section></aside>';
    const own = '<p>Schlagwörter: <a href="/tag/stadt">Stadt</a>, <a href="/tag/rad">Rad</a></p>';
    const record = readPage('', `<main><h1>Ein Beitrag über Städte</h1>${own}</main>${cloud}`, URL);
    expect(record?.keywords).toEqual(['Stadt', 'Rad']);
  });
});
