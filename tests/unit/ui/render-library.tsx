/** The library page as the UI tests render it: over a fake background, its list loaded. */
import { render } from '@testing-library/preact';
import { LibraryApp, type LibraryAppProps } from '@/components/LibraryApp';
import type { SavedPublication } from '@/utils/record';
import { createReadingListStore, type ReadingListStore } from '@/utils/stores/reading-list';
import { localImportPorts, type ImportPorts } from '@/utils/stores/transfer';
import { fakeBackground, sourceFor } from './fake-send';

/** Import ports for panels these tests do not use. */
export const NO_IMPORTS: ImportPorts = localImportPorts({
  preview: async () => ({ added: 0, updated: 0, unchanged: 0, removed: 0, changedFields: {} }),
  write: async () => ({ added: 0, updated: 0, unchanged: 0, removed: 0 }),
  undo: async () => ({ removed: 0, restored: 0 }),
  lastImport: async () => undefined,
});

/** Renders the library over `records`; `props` (given the store) adds or replaces what a test needs. */
export async function renderLibrary(
  records: SavedPublication[],
  props: (store: ReadingListStore) => Partial<LibraryAppProps> = () => ({}),
) {
  const background = fakeBackground(records);
  const store = createReadingListStore({ source: sourceFor(background), send: background.send });
  await store.load();
  render(
    <LibraryApp
      store={store}
      send={background.send}
      importPorts={NO_IMPORTS}
      wholeList={async () => store.records.peek()}
      open={() => {}}
      confirm={() => true}
      {...props(store)}
    />,
  );
  return { background, store };
}
