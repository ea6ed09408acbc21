/**
 * Rules for what real pages do that the fixtures did not (issue 13): German bylines and labels,
 * glue around names, CMS placeholders and site names in author slots. One decision per test, each
 * on a tiny inline page written here, each with a counter-case that must not match.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { extract, page } from './helpers';

const INTRO = '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';

describe('bylines in nl, en and de', () => {
  it('cuts prefixes and the glue after the name', () => {
    expect(cleanAuthors(['Erstellt von Andri Bryner'])).toEqual(['Andri Bryner']);
    expect(cleanAuthors(['Von Isabella Weber am Samstag, 3. Mai'])).toEqual(['Isabella Weber']);
    expect(cleanAuthors(['Karsten Ruppert More Posts'])).toEqual(['Karsten Ruppert']);
    expect(cleanAuthors(['Gabor Munier Datum: 03.03.19'])).toEqual(['Gabor Munier']);
    expect(cleanAuthors(['Text von Christian Seiler Illustration von Markus Roost'])).toEqual(['Christian Seiler']);
    expect(cleanAuthors(['Yomi KazeemPublished May 3, 2021'])).toEqual(['Yomi Kazeem']);
    // "von" before a lower-case word is part of the name.
    expect(cleanAuthors(['Ursula von der Leyen'])).toEqual(['Ursula von der Leyen']);
  });

  it('drops CMS placeholders and copyright lines', () => {
    expect(cleanAuthors(['Super User'])).toEqual([]);
    expect(cleanAuthors(['admin'])).toEqual([]);
    expect(cleanAuthors(['© Copyright Example GmbH'])).toEqual([]);
    expect(cleanAuthors(['Anna Admin'])).toEqual(['Anna Admin']);
  });

  it('reads a "Von …" line in the article and an "Autor:" label', () => {
    const von = `<main><article><h1>Grenzen setzen</h1><p><i>von Daniela Obers</i></p>${INTRO}</article></main>`;
    expect(extract(page('', von))?.authors).toEqual(['Daniela Obers']);
    const label = `<main><article><h1>Grenzen setzen</h1>${INTRO}<p>Autor: Peter Maahn</p></article></main>`;
    expect(extract(page('', label))?.authors).toEqual(['Peter Maahn']);
    const sentence = `<main><article><h1>Grenzen setzen</h1>${INTRO}<p>von der Leyen sprach am Montag.</p></article></main>`;
    expect(extract(page('', sentence))?.authors).toEqual([]);
  });

  it('the site name in an author slot is no author; a person in the same slot is', () => {
    const head = '<meta property="og:site_name" content="Beispiel Zeitung"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Grenzen setzen","author":{"@type":"Organization","name":"Beispiel Zeitung"}}</script>';
    expect(extract(page(head, `<main><h1>Grenzen setzen</h1>${INTRO}</main>`))?.authors).toEqual([]);
    const person = head.replace('"@type":"Organization","name":"Beispiel Zeitung"', '"@type":"Person","name":"Jana Klein"');
    expect(extract(page(person, `<main><h1>Grenzen setzen</h1>${INTRO}</main>`))?.authors).toEqual(['Jana Klein']);
  });
});
