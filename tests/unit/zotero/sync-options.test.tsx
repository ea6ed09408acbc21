// @vitest-environment happy-dom
/**
 * The options' sync section: nothing is asked before the reader's click; the key, a library and a
 * collection chosen; then the connection, the last sync, the queue, what it deleted, who added
 * what and the hosts;
 * "Sync now"; an offline sync said as such; the key removed in one click.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZoteroSync } from '@/components/ZoteroSync';
import { setInterfaceLanguage } from '@/utils/i18n';
import { fakeSyncPorts } from './sync-fakes';

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

describe('the sync section of the options', () => {
  it('asks for api.zotero.org only from the click, then lets the reader pick a group and its collection', async () => {
    const ports = fakeSyncPorts();
    render(<ZoteroSync ports={ports} />);
    expect((await screen.findByTestId('zotero-sync-state')).textContent).toMatch(/^Off/);
    expect(screen.getByTestId('zotero-sync-hosts').textContent).toBe('none');
    expect(ports.connect).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('zotero-sync-key'), { target: { value: ' secret ' } });
    fireEvent.click(screen.getByTestId('zotero-sync-connect'));
    expect(ports.connect).toHaveBeenCalledWith('secret');
    const library = await screen.findByTestId('zotero-sync-library');
    fireEvent.change(library, { target: { value: '1' } });
    await waitFor(() =>
      expect((screen.getByTestId('zotero-sync-collection') as HTMLSelectElement).value).toBe('LEESMAP1'),
    );
    fireEvent.click(screen.getByTestId('zotero-sync-use'));
    await waitFor(() =>
      expect(screen.getByTestId('zotero-sync-state').textContent).toBe(
        'Connected: Group: Dossier IBP / Leesmap',
      ),
    );
    expect(ports.use).toHaveBeenCalledWith(
      { type: 'group', id: 4711, name: 'Dossier IBP' },
      { key: 'LEESMAP1', name: 'Leesmap' },
    );
    expect(screen.getByTestId('zotero-sync-hosts').textContent).toBe('https://api.zotero.org');
  });

  it('shows the last sync, the queue, who added what, and an offline sync as such', async () => {
    const ports = fakeSyncPorts({ permitted: true });
    ports.state.key = 'k';
    ports.state.config = {
      on: true,
      library: { type: 'group', id: 4711, name: 'Dossier IBP' },
      collection: { key: 'LEESMAP1', name: 'Leesmap' },
    };
    ports.state.status = {
      state: 'idle',
      at: 1,
      lastSuccess: Date.UTC(2026, 11, 5, 9),
      pending: 0,
      addedByOthers: [{ title: 'Leren van doen', by: 'bert' }],
      deleted: 2,
      removed: 1,
    };
    render(<ZoteroSync ports={ports} />);
    expect((await screen.findByTestId('zotero-sync-last')).textContent).toMatch(/^Last sync: 5 Dec 2026/);
    expect(screen.getByTestId('zotero-sync-added').textContent).toBe('“Leren van doen”, added by bert');
    // What the last sync moved to Zotero's trash, and removed here because it left Zotero.
    expect(screen.getByTestId('zotero-sync-deletions').textContent).toBe(
      "Last sync: moved to Zotero's trash 2, removed here (deleted or trashed in Zotero) 1",
    );
    fireEvent.click(screen.getByTestId('zotero-sync-now'));
    expect(ports.syncNow).toHaveBeenCalledTimes(1);
    ports.state.status = {
      ...ports.state.status,
      state: 'offline',
      pending: 3,
      retryAt: Date.UTC(2026, 11, 5, 10),
      deleted: undefined,
      removed: undefined,
    };
    ports.changed();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/could not be reached/));
    expect(screen.queryByTestId('zotero-sync-deletions')).toBeNull();
    expect(screen.getByTestId('zotero-sync-pending').textContent).toBe('Waiting to go to Zotero: 3');
    fireEvent.click(screen.getByTestId('zotero-sync-forget'));
    await waitFor(() => expect(screen.getByTestId('zotero-sync-state').textContent).toMatch(/^Off/));
    expect(ports.forget).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('zotero-sync-forget')).toBeNull();
  });

  it('says so when the reader refuses the permission', async () => {
    render(<ZoteroSync ports={fakeSyncPorts({ granted: false })} />);
    fireEvent.input(await screen.findByTestId('zotero-sync-key'), { target: { value: 'k' } });
    fireEvent.click(screen.getByTestId('zotero-sync-connect'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot sync/);
  });
});
