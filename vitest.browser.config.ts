import { defineConfig } from 'vitest/config';

// Browser tests: each file builds the player fixture with Vite, serves it and drives an installed
// Chromium, Chrome or Edge (scripts/lms/find-browser.ts) through playwright-core. They run in Node, one
// file at a time (the machines have two cores and each file starts a browser).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    // One clear message, before any file runs, on a machine without Chromium, Chrome or Edge.
    globalSetup: ['test/browser/helpers/require-browser.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
