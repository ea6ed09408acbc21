// @vitest-environment happy-dom
/**
 * The sync section of the options: with a key kept and api.zotero.org reachable (a permission
 * that stays granted, such as all sites), the page reads nothing from Zotero until the reader
 * clicks Connect on it, and nothing after turning sync off.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListItem } from '@/components/ListItem';
import { ZoteroSync, type ZoteroSyncPorts } from '@/components/ZoteroSync';
import { ZoteroSyncNotice, type SyncNoticePorts } from '@/components/ZoteroSyncNotice';
import { setInterfaceLanguage } from '@/utils/i18n';
import type { SyncStatus } from '@/utils/zotero/sync-settings';
import { record } from './records';
import { renderLibrary } from './render-library';

afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

function fakePorts(on: boolean) {
  const config = { on };
  const ports = {
    load: vi.fn(async () => ({ config: { ...config }, hasKey: true, permitted: true })),
    connect: vi.fn(async () => true),
    libraries: vi.fn(async () => [{ type: 'user' as const, id: 1, name: 'Mijn bibliotheek' }]),
    collections: vi.fn(async () => []),
    createCollection: vi.fn(),
    use: vi.fn(),
    syncNow: vi.fn(async () => undefined),
    turnOff: vi.fn(async () => {
      config.on = false;
    }),
    forget: vi.fn(async () => undefined),
    onChange: () => () => undefined,
  };
  return ports;
}

describe('ZoteroSync in the options', () => {
  it('reads the libraries only after the Connect click', async () => {
    setInterfaceLanguage('en');
    const ports = fakePorts(false);
    render(<ZoteroSync ports={ports as unknown as ZoteroSyncPorts} />);
    const connect = await screen.findByTestId('zotero-sync-connect');
    expect(ports.libraries).not.toHaveBeenCalled();
    fireEvent.click(connect);
    await waitFor(() => expect(ports.libraries).toHaveBeenCalledTimes(1));
  });

  it('turning sync off shows Connect again and asks Zotero nothing', async () => {
    setInterfaceLanguage('en');
    const ports = fakePorts(true);
    render(<ZoteroSync ports={ports as unknown as ZoteroSyncPorts} />);
    fireEvent.click(await screen.findByTestId('zotero-sync-off'));
    await screen.findByTestId('zotero-sync-connect');
    expect(ports.turnOff).toHaveBeenCalledTimes(1);
    expect(ports.libraries).not.toHaveBeenCalled();
    expect(screen.getByTestId('zotero-sync-hosts').textContent).not.toContain('api.zotero.org');
  });
});

/** The status the background keeps, in memory: `set` changes it and tells the listeners. */
function noticePorts(on: boolean, status?: SyncStatus) {
  const listeners = new Set<() => void>();
  const state = { on, status };
  const ports: SyncNoticePorts = {
    load: async () => ({ on: state.on, status: state.status }),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (status: SyncStatus) => {
    state.status = status;
    listeners.forEach((l) => l());
  };
  return { ports, set };
}

describe('the sync line in the popup', () => {
  it('says a failed sync and how much waits, and leads to the options', async () => {
    setInterfaceLanguage('en');
    const openOptions = vi.fn();
    const { ports } = noticePorts(true, { state: 'offline', at: 1, pending: 3, retryAt: 60_000 });
    render(<ZoteroSyncNotice ports={ports} openOptions={openOptions} />);
    const line = await screen.findByTestId('zotero-sync-notice');
    expect(line.textContent).toContain('Zotero could not be reached.');
    expect(line.textContent).toContain('Waiting to go to Zotero: 3');
    fireEvent.click(screen.getByTestId('zotero-sync-notice-open'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('in Dutch too; a refused key and a failure are said apart', async () => {
    setInterfaceLanguage('nl');
    const { ports, set } = noticePorts(true, { state: 'failed', at: 1, pending: 1 });
    render(<ZoteroSyncNotice ports={ports} openOptions={() => undefined} />);
    expect((await screen.findByTestId('zotero-sync-notice')).textContent).toContain(
      'De laatste Zotero-sync is mislukt.',
    );
    set({ state: 'bad-key', at: 2, pending: 1 });
    await waitFor(() =>
      expect(screen.getByTestId('zotero-sync-notice').textContent).toContain(
        'Zotero weigerde de API-sleutel.',
      ),
    );
  });

  it('says changes that wait, and goes away once the sync took them', async () => {
    setInterfaceLanguage('en');
    const { ports, set } = noticePorts(true, { state: 'idle', at: 1, pending: 2 });
    render(<ZoteroSyncNotice ports={ports} openOptions={() => undefined} />);
    const line = await screen.findByTestId('zotero-sync-notice');
    expect(line.getAttribute('data-kind')).toBe('waiting');
    expect(line.textContent).toContain('Waiting to go to Zotero: 2');
    set({ state: 'idle', at: 2, pending: 0 });
    await waitFor(() => expect(screen.queryByTestId('zotero-sync-notice')).toBeNull());
  });

  it('says nothing while sync is off, or when all is in Zotero', async () => {
    setInterfaceLanguage('en');
    const off = noticePorts(false, { state: 'failed', at: 1, pending: 4 });
    const { unmount } = render(<ZoteroSyncNotice ports={off.ports} openOptions={() => undefined} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByTestId('zotero-sync-notice')).toBeNull();
    unmount();
    const fine = noticePorts(true, { state: 'idle', at: 1, lastSuccess: 1, pending: 0 });
    render(<ZoteroSyncNotice ports={fine.ports} openOptions={() => undefined} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByTestId('zotero-sync-notice')).toBeNull();
  });
});

describe('who added an item from a group library', () => {
  it('the list item says "added by" with the name, as text', () => {
    setInterfaceLanguage('en');
    const name = '<b>Anna</b>';
    render(<ListItem record={record({ title: 'Leren van doen', addedBy: name })} onStatus={() => {}} />);
    const by = screen.getByTestId('item-added-by');
    expect(by.textContent).toBe(`added by ${name}`);
    expect(by.querySelector('b')).toBeNull();
  });

  it('the library shows it, in Dutch too; a record the reader saved shows none', async () => {
    setInterfaceLanguage('nl');
    await renderLibrary([
      record({ title: 'Leren van doen', addedBy: 'anna' }),
      record({ title: 'Eigen', savedAt: 1 }),
    ]);
    const shown = screen.getAllByTestId('item-added-by');
    expect(shown.map((e) => e.textContent)).toEqual(['toegevoegd door anna']);
  });
});
