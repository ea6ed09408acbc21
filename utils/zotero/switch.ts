/**
 * Whether the reader turned Zotero on. Both must hold: the reader's word (kept in
 * `storage.local`, set from a click in the options, popup or library) and the browser's host
 * permission for Zotero's connector server. The permission alone is not enough: "detect on all
 * sites" grants every host, and is no word about Zotero.
 */
import { ZOTERO_CONNECTOR_ORIGIN } from './connector';

const KEY = 'zoteroOn';

export async function zoteroTurnedOn(): Promise<boolean> {
  const stored = await browser.storage.local.get(KEY);
  if (stored[KEY] !== true) return false;
  return browser.permissions.contains({ origins: [ZOTERO_CONNECTOR_ORIGIN] });
}

export async function setZoteroOn(on: boolean): Promise<void> {
  await browser.storage.local.set({ [KEY]: on });
}

export function onZoteroSwitched(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener();
  });
}
