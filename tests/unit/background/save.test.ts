import { beforeEach, describe, expect, it } from 'vitest';
import { listPublications, recordVisit } from '@/utils/db';
import { saveLink, savePage, saveSuggestion, saveTab } from '@/utils/background/save';
import { fakeBackground, pageResult, publication, listed, type Fakes } from './helpers';

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
});

/** A page that lists a related publication: the related one enters the catalog. */
async function catalogRelated() {
  const page = publication({
    related: [listed('Sturen op vertrouwen', 'https://www.nsob.nl/publicaties/sturen-op-vertrouwen')],
  });
  await recordVisit(f.db, page, f.clock.now);
}

describe('savePage', () => {
  it('writes once, with the reader’s fields and edited fields, and tells pages and badges', async () => {
    f.tabs.set(1, publication().url);
    const saved = await savePage(f.bg, publication({ title: 'Eigen titel' }), { status: 'reading' }, [
      'title',
    ]);
    expect(saved).toMatchObject({ title: 'Eigen titel', status: 'reading', editedFields: ['title'] });
    expect(f.counts.readwrite).toBe(1);
    expect(f.broadcasts).toEqual([{ type: 'background/list-changed', payload: { ids: [saved.id] } }]);
    expect(f.badges.get(1)).toBe('saved');
  });
});

describe('saveTab', () => {
  it('saves what the extractor reads from the tab', async () => {
    f.tabs.set(1, publication().url);
    f.pages.set(1, { extractor: pageResult(publication(), false) });
    expect((await saveTab(f.bg, 1))?.title).toBe('Leren van doen');
  });

  it('saves a page the extractor cannot read under the last part of its address', async () => {
    f.tabs.set(1, 'https://www.example.org/rapporten/wonen%20en%20zorg');
    expect((await saveTab(f.bg, 1))?.title).toBe('wonen en zorg');
  });

  it('saves nothing from a page that is not on the web', async () => {
    f.tabs.set(1, 'about:blank');
    expect(await saveTab(f.bg, 1)).toBeUndefined();
    expect(await listPublications(f.db)).toEqual([]);
  });
});

describe('saveLink', () => {
  it('saves a linked publication with what the catalog knows of it', async () => {
    await catalogRelated();
    const saved = await saveLink(f.bg, 'https://www.nsob.nl/publicaties/sturen-op-vertrouwen');
    expect(saved?.title).toBe('Sturen op vertrouwen');
  });

  it('takes the link’s text as the title of a publication the catalog does not know', async () => {
    const saved = await saveLink(f.bg, 'https://www.example.org/x/42', '  Wonen en zorg  ');
    expect(saved?.title).toBe('Wonen en zorg');
  });

  it('names a link with a broken escape in its address by the address as it stands', async () => {
    const saved = await saveLink(f.bg, 'https://www.example.org/r/wonen%E0%A4%A');
    expect(saved?.title).toBe('wonen%E0%A4%A');
  });

  it('refuses a link that is not http(s)', async () => {
    expect(await saveLink(f.bg, 'javascript:alert(1)', 'x')).toBeUndefined();
  });
});

describe('saveSuggestion', () => {
  it('saves the catalog entry by its id, with the catalog’s fields', async () => {
    await saveOwnPage();
    await catalogRelated();
    const [suggested] = await f.bg.suggestions.rank(10, f.clock.now);
    const saved = await saveSuggestion(f.bg, suggested.id);
    expect(saved).toMatchObject({
      title: 'Sturen op vertrouwen',
      url: 'https://www.nsob.nl/publicaties/sturen-op-vertrouwen',
    });
    expect((await listPublications(f.db)).map((r) => r.title)).toContain('Sturen op vertrouwen');
  });

  it('saves nothing for an id the catalog never had', async () => {
    expect(await saveSuggestion(f.bg, 'no-such-entry')).toBeUndefined();
    expect(await listPublications(f.db)).toEqual([]);
  });
});

async function saveOwnPage() {
  await savePage(f.bg, publication());
}
