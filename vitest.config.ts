import { defineConfig } from 'vitest/config';

// Unit tests: pure logic in Node (linkedom / happy-dom for DOMs, fake-indexeddb for the DB).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { '@/': new URL('./', import.meta.url).pathname } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
