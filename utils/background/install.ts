/**
 * What the background does when the browser installs or updates Leesmap: on a first install the
 * welcome page (entrypoints/welcome) opens once, explaining the shortcut and the sites; an update,
 * a browser update or a reload of an unpacked build opens nothing.
 */

/** `runtime.onInstalled`'s reason: 'install', 'update', 'chrome_update', 'shared_module_update'. */
export function pageOnInstalled(reason: string): '/welcome.html' | undefined {
  return reason === 'install' ? '/welcome.html' : undefined;
}
