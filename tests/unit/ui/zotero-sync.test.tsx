// @vitest-environment happy-dom
/**
 * The sync section of the options: with a key kept and api.zotero.org reachable (a permission
 * that stays granted, such as all sites), the page reads nothing from Zotero until the reader
 * clicks Connect on it, and nothing after turning sync off.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZoteroSync, type ZoteroSyncPorts } from '@/components/ZoteroSync';
import { setInterfaceLanguage } from '@/utils/i18n';

afterEach(() => {
  cleanup();
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
