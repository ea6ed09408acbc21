import { describe, expect, it } from 'vitest';
import { formatCitation } from '@/utils/citation';
import { record } from '../ui/records';

const essay = record({
  id: 'leren',
  title: 'Leren van doen',
  subtitle: 'Ervaringen met samenwerken',
  authors: ['Martijn van der Steen', 'Petra Ophoff'],
  published: '2020-05-03',
  year: 2020,
  publisher: 'NSOB',
  type: 'essay',
  url: 'https://www.nsob.nl/leren-van-doen',
  notes: 'privé aantekening',
});

describe('copy citation', () => {
  it('writes APA 7 with the full publisher name, the year and the address, and no private notes', async () => {
    const text = await formatCitation(essay, 'apa');
    expect(text).toContain('(2020)');
    expect(text).toContain('Leren van doen: Ervaringen met samenwerken');
    expect(text).toContain('Nederlandse School voor Openbaar Bestuur');
    expect(text).toContain('https://www.nsob.nl/leren-van-doen');
    expect(text).toMatch(/Steen, M\./);
    expect(text).not.toContain('privé');
  });

  it('uses Dutch terms and type names in the Dutch variant', async () => {
    const undated = record({ title: 'Weerbare democratie', publisher: 'WRR', type: 'report', authors: [] });
    const en = await formatCitation(undated, 'apa');
    const nl = await formatCitation(undated, 'apa-nl');
    expect(en).toContain('n.d.');
    expect(en).toContain('[Report]');
    expect(nl).toContain('z.d.');
    expect(nl).toContain('[Rapport]');
  });

  it('leaves the publisher out when the author is the publisher', async () => {
    const byInstitute = record({
      title: 'Zorgen voor later',
      authors: ['Centraal Planbureau'],
      publisher: 'CPB',
      year: 2021,
      type: 'report',
    });
    const text = await formatCitation(byInstitute, 'apa');
    expect(text.match(/Centraal Planbureau/g)).toHaveLength(1);
  });
});
