import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { analyze, detectLanguage, foldText, isStopWord, processTerm, stem, tokenize } from '@/utils/text';

describe('foldText and tokenize', () => {
  it('drops accents and case so "Één café" and "een cafe" read the same', () => {
    expect(foldText('Één Café')).toBe('een cafe');
    expect(foldText('geïnteresseerd')).toBe('geinteresseerd');
  });

  it('splits on every run of non-letters, keeping digits', () => {
    expect(tokenize("IBP-regio's, 2020: één overheid!")).toEqual([
      'ibp',
      'regio',
      's',
      '2020',
      'een',
      'overheid',
    ]);
  });

  it('survives empty, huge and non-string input', () => {
    expect(tokenize('')).toEqual([]);
    expect(foldText(undefined as unknown as string)).toBe('');
    expect(tokenize('woord '.repeat(100_000)).length).toBeLessThanOrEqual(20_000);
  });
});

describe('detectLanguage', () => {
  it('recognises Dutch and English from their stop words', () => {
    expect(detectLanguage('Leren van doen: ervaringen met samenwerken in het IBP')).toBe('nl');
    expect(detectLanguage('Lessons from the field: how networks of agencies work together')).toBe('en');
  });

  it('says undefined when a text gives no evidence', () => {
    expect(detectLanguage('Digital government')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });
});

describe('stem and isStopWord', () => {
  it('gives Dutch word forms one stem', () => {
    expect(stem('samenwerking', 'nl')).toBe(stem('samenwerken', 'nl'));
    expect(stem('samenwerkingen', 'nl')).toBe(stem('samenwerken', 'nl'));
    expect(stem('netwerken', 'nl')).toBe(stem('netwerk', 'nl'));
  });

  it('gives English word forms one stem', () => {
    expect(stem('networks', 'en')).toBe(stem('network', 'en'));
    expect(stem('governance', 'en')).toBe(stem('governing', 'en'));
  });

  it('knows the stop words of each language and not the other', () => {
    expect(isStopWord('van', 'nl')).toBe(true);
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('the', 'nl')).toBe(false);
    expect(isStopWord('netwerk', 'nl')).toBe(false);
  });
});

describe('analyze', () => {
  it('returns stems without stop words for a known language', () => {
    expect(analyze('Sturen in netwerken', 'nl')).toEqual(['stur', 'netwerk']);
    expect(analyze('The governance of networks', 'en')).toEqual(['govern', 'network']);
  });

  it('detects the language when none is given', () => {
    expect(analyze('Ervaringen met samenwerken in het IBP')).toEqual(
      analyze('Ervaringen met samenwerken in het IBP', 'nl'),
    );
  });

  it('stems for both languages when the language cannot be told', () => {
    const terms = analyze('Strategy networks');
    expect(terms).toContain(stem('networks', 'en'));
    expect(terms).toContain(stem('networks', 'nl'));
  });
});

describe('processTerm with MiniSearch', () => {
  const documents = [
    { id: 1, title: 'Leren van doen', subtitle: 'Ervaringen met samenwerken in het IBP' },
    { id: 2, title: 'Networks of governance', subtitle: 'How agencies steer together' },
    { id: 3, title: 'De staat van de rechtsstaat', subtitle: 'Een verkenning' },
  ];
  const index = new MiniSearch({ fields: ['title', 'subtitle'], processTerm });
  index.addAll(documents);

  it('finds a Dutch word form the page does not use ("samenwerking" → "samenwerken")', () => {
    expect(index.search('samenwerking').map((hit) => hit.id)).toEqual([1]);
  });

  it('finds English word forms and ignores stop words in the query', () => {
    expect(index.search('the network').map((hit) => hit.id)).toEqual([2]);
  });

  it('matches accents and case loosely and drops a stop-word-only query', () => {
    expect(index.search('VERKÉNNING').map((hit) => hit.id)).toEqual([3]);
    expect(processTerm('de')).toBeNull();
  });
});
