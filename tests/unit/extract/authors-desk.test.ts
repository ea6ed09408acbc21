/**
 * "Redaktion" as the author (issue 13: an organisation the byline itself names): the editorial
 * desk signs where the structured data and the byline both name it; alone it is the CMS's default.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Klettern, Verbände und Politik in Österreich.</p>';
const person = (name: string) =>
  jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { '@type': 'Person', name } });
const BYLINE =
  '<div class="article__author-name"><a href="https://www.example.org/author/redaktion/">Redaktion</a></div>';
const article = (byline: string) =>
  `<main><article><h1>Neuer Vertrag für die Kletterin</h1>${byline}${TEXT}</article></main>`;

describe('authors: the editorial desk', () => {
  it('signs where the structured data and the byline both name it', () => {
    expect(readPage(person('Redaktion'), article(BYLINE))?.authors).toEqual(['Redaktion']);
    const line = '<p>Von Redaktion | 3. Februar 2022</p>';
    expect(readPage(person('Redaktion'), article(line))?.authors).toEqual(['Redaktion']);
  });

  it('is no author in the structured data alone', () => {
    expect(readPage(person('Redaktion'), article(''))?.authors).toEqual([]);
  });

  it('is no author in the byline alone, where the structured data names someone else', () => {
    expect(readPage(person('Lena Voss'), article(BYLINE))?.authors).toEqual([]);
  });
});
