/**
 * Issue 13 review: a blog's address in a visible byline ("Von: www.reiseblog.example") names the
 * author only where nothing names a person.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const TEXT = `<p>${'Der Tag ist schön und die Sonne scheint hell über dem Land. '.repeat(12)}</p>`;
const BODY = `<main><article><h1>Ein Titel hier</h1><p>Von: www.reiseblog.example</p>${TEXT}</article></main>`;

describe('authors: a web address in the byline', () => {
  it('yields to a person the author tag names', () => {
    expect(readPage('<meta name="author" content="Jan Jansen">', BODY)?.authors).toEqual(['Jan Jansen']);
  });

  it('is the author where nothing names a person', () => {
    expect(readPage('', BODY)?.authors).toEqual(['www.reiseblog.example']);
  });
});
