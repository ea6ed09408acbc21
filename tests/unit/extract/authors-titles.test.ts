/**
 * Academic titles run together ("prof.dr.", "dr.ir.") and surnames that open with particles
 * ("op de Beeck", "in 't Veld") in an author slot (issue 13): the person, without the titles.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { readPage } from './helpers';

const TEXT =
  '<p>Dit rapport onderzoekt hoe gemeenten de uitvoering van de Wmo organiseren en welke keuzes zij daarbij maken voor burgers.</p>';

describe('authors: titles run together', () => {
  it.each([
    ['prof.dr. Jan Jansen', 'Jan Jansen'],
    ['Prof.dr. Jan Jansen', 'Jan Jansen'],
    ['dr.ir. Anna de Vries', 'Anna de Vries'],
    ['mr.drs. Piet Hein', 'Piet Hein'],
    ['em. prof. Jan Jansen', 'Jan Jansen'],
  ])('reads “%s” as %s', (raw, name) => expect(cleanAuthors([raw])).toEqual([name]));

  it.each([
    '<p class="byline">Door prof.dr. Jan Jansen</p>',
    '<p>Auteur: prof.dr. Jan Jansen</p>',
    '<p>Door Prof.dr. Jan Jansen</p>',
    '<p>Door prof.dr. Jan Jansen</p>',
    '<p>Von dr. Jan Jansen</p>',
  ])('reads the person from the byline %s', (byline) => {
    const body = `<main><article><h1>Zorg dichtbij</h1>${byline}${TEXT}</article></main>`;
    expect(readPage('<title>Zorg dichtbij</title>', body)?.authors).toEqual(['Jan Jansen']);
  });
});

describe('authors: a surname that opens with particles', () => {
  it('keeps the surname whole', () => {
    const names = ['op de Beeck', 'vom Bruch', 'auf der Heide', 'uit den Bogaard', "in 't Veld", 'am Ende'];
    expect(cleanAuthors(names)).toEqual(names);
  });

  it('still reads a phrase that opens with a particle as no one', () => {
    expect(cleanAuthors(['in the Morning', 'op onze Website'])).toEqual([]);
  });
});
