// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setInterfaceLanguage } from '@/utils/i18n';
import { record } from './records';
import { renderLibrary } from './render-library';

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

const records = [record({ title: 'Wonen', themes: ['Wonen'] }), record({ title: 'Zorg', themes: ['Zorg'] })];
const panels = ['names-manager', 'export-panel', 'import-panel', 'bulk-extra'];
const present = () => panels.filter((id) => screen.queryByTestId(id));

describe('library: what follows the first list frame', () => {
  it('shows the rows and the theme overview first, then names, export, import and bulk actions', async () => {
    const ready = signal(false);
    await renderLibrary(records, () => ({
      saveNames: async () => {},
      bulkActions: () => <button data-testid="bulk-extra">Send</button>,
      secondaryReady: ready,
    }));
    expect(screen.getAllByTestId('list-item')).toHaveLength(2);
    expect(screen.getAllByTestId('theme-entry')).toHaveLength(2);
    expect(screen.getByTestId('bulk-bar')).toBeTruthy();
    expect(present()).toEqual([]);
    ready.value = true;
    await waitFor(() => expect(present()).toEqual(panels));
  });

  it('shows everything at once where no signal is given', async () => {
    await renderLibrary(records, () => ({
      saveNames: async () => {},
      bulkActions: () => <button data-testid="bulk-extra">Send</button>,
    }));
    expect(present()).toEqual(panels);
  });
});
