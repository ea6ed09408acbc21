// Layering rules of ARCHITECTURE.md, checked by `npm run depcruise` (part of npm test).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes load order matter and the modules impossible to read alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'utils-is-below-the-ui',
      severity: 'error',
      comment:
        'utils/ is plain logic shared by every context; it never reaches up into entrypoints or components.',
      from: { path: '^utils/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'components-do-not-import-entrypoints',
      severity: 'error',
      comment: 'Components are wired by entrypoints, not the other way round.',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'record-imports-nothing-of-ours',
      severity: 'error',
      comment: 'utils/record is the bottom layer: the shapes, limits, validator and sanitiser.',
      from: { path: '^utils/record/' },
      to: { path: '^(utils|entrypoints|components)/', pathNot: '^utils/record/' },
    },
    {
      name: 'only-db-opens-indexeddb',
      severity: 'error',
      comment: 'One module opens the database; in a content script IndexedDB would be the website’s.',
      from: { path: '^(utils|entrypoints|components)/', pathNot: '^utils/db/' },
      to: { path: 'node_modules/idb/' },
    },
    {
      name: 'protocol-does-not-sit-on-storage',
      severity: 'error',
      comment: 'The message protocol describes records (utils/record), not how they are stored.',
      from: { path: '^utils/messages\\.ts$' },
      to: { path: '^utils/(db|export|stores)/' },
    },
    {
      name: 'storage-does-not-sit-on-export',
      severity: 'error',
      comment: 'Export formats read records; storage does not depend on them.',
      from: { path: '^utils/db/' },
      to: { path: '^utils/export/' },
    },
    {
      name: 'only-the-background-uses-utils-background',
      severity: 'error',
      comment: 'The background flows write the database; extension pages reach them through messages.',
      from: {
        path: '^(utils|entrypoints|components)/',
        pathNot: '^(utils/background/|entrypoints/background/)',
      },
      to: { path: '^utils/background/' },
    },
    {
      name: 'content-script-stays-small',
      severity: 'error',
      comment: 'The content script loads on every page: no UI library, no storage, no extractor.',
      from: { path: '^entrypoints/content-script\\.ts$' },
      to: { path: '(node_modules/(preact|idb|@preact)/|^components/|^utils/(db|extract|export|suggest)/)' },
    },
    {
      name: 'no-orphans-in-source',
      severity: 'error',
      comment: 'A module nobody imports is dead code (knip reports the details).',
      from: { orphan: true, path: '^(utils|components)/', pathNot: ['\\.d\\.ts$', '^utils/export/shims/'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '^(\\.output|\\.wxt|node_modules)/' },
  },
};
