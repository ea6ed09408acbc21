// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setInterfaceLanguage } from '@/utils/i18n';
import type { NameTables } from '@/utils/record-view';
import { record } from './records';
import { renderLibrary } from './render-library';

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

async function library() {
  const records = [
    record({ id: 'a', title: 'AI and power', themes: ['Geopolitics'], publisher: 'CPB Centraal Planbureau' }),
    record({
      id: 'b',
      title: 'Europa',
      themes: ['Geopolitiek'],
      publisher: 'CPB',
      pdfUrl: 'https://x.org/a.pdf',
    }),
    record({ id: 'c', title: 'Wonen', themes: ['Wonen'], publisher: 'SCP' }),
  ];
  const saved: NameTables[] = [];
  const { store } = await renderLibrary(records, (store) => ({
    saveNames: async (tables: NameTables) => {
      saved.push(tables);
      store.setTables(tables);
    },
  }));
  return { store, saved };
}

describe('library names and bulk scope', () => {
  it('merges a theme across languages: one theme in the overview and rows, undone as easily', async () => {
    const { saved } = await library();
    expect(screen.getByTestId('theme-candidate').textContent).toContain("'Geopolitiek' and 'Geopolitics'");
    fireEvent.change(screen.getByTestId('theme-rename-from'), { target: { value: 'Geopolitics' } });
    fireEvent.input(screen.getByTestId('theme-rename-to'), { target: { value: 'Geopolitiek' } });
    fireEvent.click(screen.getByTestId('theme-rename-apply'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].themeAliases).toEqual({ geopolitics: 'Geopolitiek' });
    const entries = screen.getAllByTestId('theme-entry').map((e) => e.textContent);
    expect(entries).toContain('Geopolitiek2');
    expect(screen.getAllByTestId('item-theme').map((e) => e.textContent)).toEqual([
      'Wonen',
      'Geopolitiek',
      'Geopolitiek',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].themeAliases).toEqual({});
  });

  it('shows one publisher name for its spellings, and bulk actions name what they act on', async () => {
    await library();
    expect(new Set(screen.getAllByTestId('item-publisher').map((e) => e.textContent))).toEqual(
      new Set(['Centraal Planbureau (CPB)', 'Sociaal en Cultureel Planbureau (SCP)']),
    );
    expect(screen.getByTestId('bulk-count').textContent).toBe('Nothing selected');
    expect(screen.getByTestId('bulk-select-all').textContent).toBe('Select all 3');
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'centraal' } });
    await waitFor(() => expect(screen.getAllByTestId('list-item')).toHaveLength(2));
    expect(screen.getByTestId('bulk-select-all').textContent).toBe('Select the 2 shown publications');
    fireEvent.click(screen.getByTestId('bulk-select-all'));
    expect(screen.getByTestId('bulk-delete').textContent).toBe('Delete 2 selected');
    expect(screen.getAllByTestId('item-pdf')).toHaveLength(1);
  });
});
