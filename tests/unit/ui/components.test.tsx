// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CurrentPage } from '@/components/CurrentPage';
import { ListItem } from '@/components/ListItem';
import { OptionsApp } from '@/components/OptionsApp';
import { PopupApp } from '@/components/PopupApp';
import { VirtualList } from '@/components/VirtualList';
import { setInterfaceLanguage } from '@/utils/i18n';
import type { Publication } from '@/utils/record';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createCurrentPageStore } from '@/utils/stores/current-page';
import { createReadingListStore } from '@/utils/stores/reading-list';
import { createSuggestionsStore } from '@/utils/stores/suggestions';
import { fakeBackground, sourceFor } from './fake-send';
import { record } from './records';
import { NO_IMPORTS, renderLibrary } from './render-library';

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1">';

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

function hostilePublication(): Publication {
  return {
    url: 'https://example.org/p',
    title: HOSTILE,
    authors: ['<b>Eve</b>'],
    themes: ['<script>globalThis.__pwned=2</script>'],
    summary: '<a href="javascript:alert(1)">klik</a>',
    keywords: [],
    related: [],
  };
}

describe('page text is shown as text', () => {
  it('renders markup in a detected title, authors, themes and summary literally', async () => {
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({
        tabId,
        url: 'https://example.org/p',
        extraction: { detected: true, confidence: 1, signals: [], publication: hostilePublication() },
      }),
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 1 });
    await store.load();
    const { container } = render(<CurrentPage store={store} />);
    expect(screen.getByTestId('current-title').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('current-authors').textContent).toBe('<b>Eve</b>');
    expect(screen.getByTestId('current-summary').textContent).toContain('javascript:alert(1)');
    expect(container.querySelectorAll('img, b, script, a').length).toBe(0);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('links a title only to http and https addresses', () => {
    const onStatus = vi.fn();
    const { rerender } = render(
      <ListItem record={record({ title: 'Veilig', url: 'https://example.org/a' })} onStatus={onStatus} />,
    );
    expect(screen.getByRole('link', { name: 'Veilig' }).getAttribute('href')).toBe('https://example.org/a');
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      rerender(<ListItem record={record({ title: 'Gevaarlijk', url })} onStatus={onStatus} />);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByTestId('item-title').textContent).toBe('Gevaarlijk');
    }
  });
});

describe('current page', () => {
  it('saves with one click and then shows Saved with the status buttons', async () => {
    const p = hostilePublication();
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({
        tabId,
        url: p.url,
        extraction: {
          detected: true,
          confidence: 1,
          signals: [],
          publication: { ...p, title: 'Leren van doen' },
        },
      }),
      'page/save': ({ publication }) => record({ id: 's', ...publication }),
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 1 });
    await store.load();
    render(<CurrentPage store={store} />);
    expect(screen.queryByTestId('saved-indicator')).toBeNull();
    fireEvent.click(screen.getByTestId('save-button'));
    await screen.findByTestId('saved-indicator');
    expect(screen.queryByTestId('save-button')).toBeNull();
    // Saved, the page folds to one line with a compact status control and no second Edit row.
    expect(
      screen.getByRole('button', { name: 'Status of Leren van doen: To read; click for Reading' }),
    ).toBeTruthy();
    expect(screen.queryByTestId('edit-button')).toBeNull();
    fireEvent.click(screen.getByTestId('current-expand'));
    expect(screen.getByTestId('edit-button')).toBeTruthy();
  });

  it('edits fields in a labelled form before saving', async () => {
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({
        tabId,
        url: 'https://example.org/p',
        extraction: {
          detected: false,
          confidence: 0,
          signals: [],
          publication: { ...hostilePublication(), title: 'Oud' },
        },
      }),
      'page/save': ({ publication, reader }) => record({ id: 's', ...publication, ...reader }),
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 1 });
    await store.load();
    render(<CurrentPage store={store} />);
    fireEvent.click(screen.getByTestId('edit-button'));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Nieuw' } });
    fireEvent.input(screen.getByLabelText(/^Authors/), { target: { value: 'A. Auteur\nB. Schrijver' } });
    fireEvent.click(screen.getByTestId('edit-submit'));
    await screen.findByTestId('saved-indicator');
    const request = background.sent.at(-1)!.payload as { publication: Publication; edited: string[] };
    expect(request.publication.title).toBe('Nieuw');
    expect(request.publication.authors).toEqual(['A. Auteur', 'B. Schrijver']);
    expect(request.edited.sort()).toEqual(['authors', 'title']);
    expect(screen.getByTestId('current-title').textContent).toBe('Nieuw');
  });
});

describe('lists', () => {
  it('renders only the rows in view, whatever the length of the list', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `item ${i}`);
    const { container } = render(
      <VirtualList
        items={items}
        rowHeight={50}
        fallbackHeight={500}
        label="lijst"
        itemKey={(s) => s}
        renderRow={(s) => <span>{s}</span>}
      />,
    );
    const rows = container.querySelectorAll('li');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(container.querySelector('ul')!.style.height).toBe('500000px');
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
  });

  it('searches, filters and changes a status from the popup', async () => {
    const records = [
      record({
        id: 'a',
        title: 'Leren van doen',
        subtitle: 'Ervaringen met samenwerken',
        themes: ['Sturen in netwerken'],
        savedAt: 2,
      }),
      record({ id: 'b', title: 'Weerbare democratie', themes: ['Democratie'], savedAt: 1 }),
    ];
    const background = fakeBackground(records, {
      'page/tab-state': ({ tabId }) => ({ tabId, url: 'chrome://newtab/' }),
    });
    const list = createReadingListStore({ source: sourceFor(background), send: background.send });
    const current = createCurrentPageStore({ send: background.send, tabId: async () => 1 });
    const suggestions = createSuggestionsStore({ load: async () => [], dismiss: async () => {} });
    await Promise.all([list.load(), current.load()]);
    render(
      <PopupApp
        current={current}
        list={list}
        suggestions={suggestions}
        openLibrary={() => {}}
        openOptions={() => {}}
      />,
    );
    expect(screen.getAllByTestId('list-item')).toHaveLength(2);

    fireEvent.input(screen.getByLabelText('Search your reading list'), { target: { value: 'samenwerking' } });
    await waitFor(() => expect(screen.getAllByTestId('list-item')).toHaveLength(1));
    expect(screen.getByTestId('item-title').textContent).toBe('Leren van doen');
    fireEvent.input(screen.getByLabelText('Search your reading list'), { target: { value: '' } });

    fireEvent.click(screen.getByTestId('toggle-filters'));
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'Democratie' } });
    await waitFor(() => expect(screen.getAllByTestId('list-item')).toHaveLength(1));
    expect(screen.getByTestId('item-title').textContent).toBe('Weerbare democratie');

    fireEvent.click(screen.getByRole('button', { name: /^Status of Weerbare democratie: To read/ }));
    await waitFor(() =>
      expect(screen.getByTestId('status-cycle').getAttribute('data-status')).toBe('reading'),
    );
    expect(background.records.get('b')?.status).toBe('reading');

    fireEvent.click(screen.getByTestId('tab-suggestions'));
    expect((await screen.findByTestId('suggestions-empty')).textContent).toMatch(/fill as you read/);
  });

  it('moves through the library with the keyboard, selects, and deletes in bulk after confirmation', async () => {
    const records = [1, 2, 3].map((i) =>
      record({ id: `r${i}`, title: `Publicatie ${i}`, url: `https://example.org/${i}`, savedAt: 10 - i }),
    );
    const opened: string[] = [];
    const confirm = vi.fn(() => true);
    const { background } = await renderLibrary(records, () => ({
      open: (url) => opened.push(url),
      confirm,
    }));
    const region = screen.getByTestId('reading-list');
    fireEvent.keyDown(region, { key: 'ArrowDown' });
    await waitFor(() =>
      expect(document.querySelector('[aria-current="true"] [data-testid="item-title"]')?.textContent).toBe(
        'Publicatie 2',
      ),
    );
    fireEvent.keyDown(region, { key: 'Enter' });
    expect(opened).toEqual(['https://example.org/2']);
    fireEvent.keyDown(region, { key: '2' });
    await waitFor(() => expect(background.records.get('r2')?.status).toBe('reading'));
    fireEvent.keyDown(region, { key: ' ' });
    fireEvent.keyDown(region, { key: 'ArrowDown' });
    fireEvent.keyDown(region, { key: ' ' });
    await waitFor(() => expect(screen.getByTestId('bulk-count').textContent).toBe('2 selected publications'));
    expect(screen.getByTestId('bulk-delete').textContent).toBe('Delete 2 selected');
    expect(screen.getAllByTestId('item-saved')[0].textContent).toMatch(/^Saved \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    fireEvent.click(screen.getByTestId('bulk-delete'));
    await waitFor(() => expect(screen.getAllByTestId('list-item')).toHaveLength(1));
    expect(confirm).toHaveBeenCalledWith('Delete 2 publications from your reading list?');
    expect([...background.records.keys()]).toEqual(['r1']);
  });
});

describe('options', () => {
  it('asks for access to all sites before detecting everywhere, and keeps to the list when refused', async () => {
    const update = vi.fn(async (changes: object) => ({ ...DEFAULT_SETTINGS, ...changes }));
    let grant = false;
    const requestAllSites = vi.fn(async () => grant);
    render(
      <OptionsApp
        settings={DEFAULT_SETTINGS}
        update={update}
        requestAllSites={requestAllSites}
        records={async () => []}
        importPorts={NO_IMPORTS}
      />,
    );
    const everywhere = screen.getByLabelText(
      'On every site (asks the browser for permission)',
    ) as HTMLInputElement;

    fireEvent.click(everywhere);
    await screen.findByText(/did not grant access/);
    expect(requestAllSites).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
    expect(everywhere.checked).toBe(false);

    grant = true;
    fireEvent.click(everywhere);
    await waitFor(() => expect(update).toHaveBeenCalledWith({ detectEverywhere: true }));
    await waitFor(() => expect(everywhere.checked).toBe(true));
  });

  it('saves auto-save and the interface language', async () => {
    const update = vi.fn(async (changes: object) => ({ ...DEFAULT_SETTINGS, ...changes }));
    render(
      <OptionsApp
        settings={DEFAULT_SETTINGS}
        update={update}
        requestAllSites={async () => false}
        records={async () => []}
        importPorts={NO_IMPORTS}
      />,
    );
    fireEvent.click(screen.getByLabelText(/Save detected publications automatically/));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ autoSave: true }));
    fireEvent.change(screen.getByLabelText('Interface language'), { target: { value: 'nl' } });
    await waitFor(() => expect(update).toHaveBeenCalledWith({ uiLanguage: 'nl' }));
  });
});

describe('suggestions', () => {
  it('saves a suggestion to the reading list or hides it, each naming the publication', async () => {
    const { SuggestionsPanel } = await import('@/components/SuggestionsPanel');
    const saved: string[] = [];
    const dismissed: string[] = [];
    const store = createSuggestionsStore({
      load: async () => [
        {
          id: 'c1',
          title: 'Verschuivende verwachtingen',
          url: 'https://www.nsob.nl/publicaties/verschuivende-verwachtingen',
          themes: [],
          reasons: [{ kind: 'listedBy', id: 's', title: 'Leren van doen', url: 'https://www.nsob.nl/x' }],
        },
        { id: 'c2', title: 'Zonder adres', url: 'javascript:alert(1)', themes: [], reasons: [] },
      ],
      dismiss: async (id) => void dismissed.push(id),
      save: async (s) => void saved.push(s.id),
    });
    await store.refresh();
    render(<SuggestionsPanel store={store} />);
    expect(screen.getByText("Listed under related publications on 'Leren van doen'")).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save Zonder adres to your reading list' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Zonder adres' })).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: 'Save Verschuivende verwachtingen to your reading list' }),
    );
    await waitFor(() => expect(screen.queryByText('Verschuivende verwachtingen')).toBeNull());
    // Hidden at once; the dismissal is sent only once the undo window has passed.
    vi.useFakeTimers();
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Hide suggestion Zonder adres' }));
      expect(screen.getByTestId('suggestions-empty')).toBeTruthy();
      expect(dismissed).toEqual([]);
      vi.advanceTimersByTime(6_000);
    } finally {
      vi.useRealTimers();
    }
    expect(saved).toEqual(['c1']);
    expect(dismissed).toEqual(['c2']);
  });
});
