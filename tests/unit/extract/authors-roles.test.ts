/**
 * A role at a body after the name ("Senior Fellow at Clingendael") and an advertisement's label
 * ("Sponsored by Shell") in an author slot (issue 13): the person without the role, no sponsor.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';

describe('authors: a role at a body', () => {
  it.each([
    'Senior Fellow at Clingendael',
    'Fellow at Clingendael',
    'Onderzoeker bij het CPB',
    'Sprecher bei Greenpeace',
  ])('reads no one from the role “%s”', (role) => expect(cleanAuthors([role])).toEqual([]));

  it.each([
    ['Jan Jansen Senior Fellow at Clingendael', 'Jan Jansen'],
    ['Jan at Clingendael', 'Jan'],
    ['Anna de Vries, woordvoerder bij het ministerie', 'Anna de Vries'],
  ])('keeps the name before the role: “%s” → %s', (raw, name) => expect(cleanAuthors([raw])).toEqual([name]));

  it('keeps a surname with “bij de” after a first name', () => {
    expect(cleanAuthors(['Arie bij de Vaate', 'Jan Jansen'])).toEqual(['Arie bij de Vaate', 'Jan Jansen']);
  });
});

describe('authors: an advertisement’s label', () => {
  it.each(['Sponsored by Shell', 'Sponsored content: Shell', 'Anzeige'])('reads no one from “%s”', (label) =>
    expect(cleanAuthors([label])).toEqual([]),
  );
});
