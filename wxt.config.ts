import { defineConfig } from 'wxt';
import type { HtmlTagDescriptor } from 'vite';
import { fileURLToPath } from 'node:url';
import { PUBLISHER_MATCH_PATTERNS } from './utils/publishers';

const NO_FETCH = fileURLToPath(new URL('./utils/export/shims/no-fetch.ts', import.meta.url));
/** entrypoints/content-script.ts, built to /content-script.js. */
const CONTENT_SCRIPT = 'content-script';

/**
 * What every extension page (popup, library, options, welcome) shares, added to each build by
 * Vite: their entrypoints/<page>/index.html hold only their own title, manifest options and script.
 */
const PAGE_SHELL: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
  {
    tag: 'meta',
    attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    injectTo: 'head-prepend',
  },
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'light dark' }, injectTo: 'head-prepend' },
  { tag: 'div', attrs: { id: 'app' }, injectTo: 'body' },
];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Preact through esbuild's automatic JSX runtime: no React compat layer, no Babel.
  vite: () => ({
    plugins: [{ name: 'leesmap-page-shell', transformIndexHtml: () => PAGE_SHELL }],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // The import worker (utils/stores/import-worker.ts) loads citation-js on demand: a module worker.
    worker: { format: 'es' },
    // LEESMAP_NO_MINIFY=1: readable function names in CPU profiles (scripts/profile-browser.ts).
    ...(process.env.LEESMAP_NO_MINIFY === '1' && { build: { minify: false } }),
    resolve: {
      // citation-js (BibTeX/RIS) imports fetch libraries for DOI look-ups Leesmap never makes;
      // a stand-in that throws keeps network code out of the bundle (utils/export/README.md).
      alias: {
        'node-fetch': NO_FETCH,
        'sync-fetch': NO_FETCH,
      },
    },
  }),
  hooks: {
    // Only WXT's own APIs (browser, defineBackground, ...) are auto-imported. Our utils and
    // components are imported explicitly: an auto-import of utils/i18n's `t` through a parameter
    // named `t` once pulled Preact into the content script (29.6 kB instead of 19.5 kB).
    'config:resolved'(wxt) {
      if (wxt.config.imports) wxt.config.imports.dirs = [];
    },
    // The content script loads on every matching page and only sends one message, which both
    // browsers' native MV3 APIs already return as a promise: it skips the 10 kB polyfill
    // (measured: content-script.js 23,811 bytes with it, 14,052 without). Every other context keeps
    // it. It is an unlisted script (entrypoints/content-script.ts), so it is picked out by name.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.name === CONTENT_SCRIPT)) return;
      const alias = config.resolve?.alias;
      const withoutPolyfill = Array.isArray(alias)
        ? alias.filter((a) => a.find !== 'wxt/browser')
        : Object.fromEntries(Object.entries(alias ?? {}).filter(([find]) => find !== 'wxt/browser'));
      config.resolve = { ...config.resolve, alias: withoutPolyfill };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the Zotero sync's schedule (issue 16), inert until the reader turns sync on.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab', 'alarms'],
    // The publisher list by default; every other site only after the reader opts in.
    host_permissions: PUBLISHER_MATCH_PATTERNS,
    // Every other site, and Zotero's two hosts (desktop's connector, the Web API for sync), each
    // asked from the reader's click when they turn that on (listed though <all_urls> covers them).
    optional_host_permissions: ['<all_urls>', 'http://127.0.0.1:23119/*', 'https://api.zotero.org/*'],
    // Declared here rather than by WXT's defineContentScript, whose bundle carries this whole list
    // and a runtime that posts to the page. Not web-accessible: pages cannot fetch it.
    content_scripts: [
      { matches: PUBLISHER_MATCH_PATTERNS, js: [`${CONTENT_SCRIPT}.js`], run_at: 'document_idle' },
    ],
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'leesmap@leesmap.app',
          strict_min_version: '142.0',
          // Leesmap collects nothing: the reading list stays on the reader's machine.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
