// End-to-end tests: the built app (run `npm run build` first; .ci/run does) served by Vite's
// preview() in-process and driven in Debian's Chromium by playwright-core. One file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 60000,
    fileParallelism: false,
    // Polls wait on state; a busy machine may take seconds to get there, never a fixed delay.
    expect: { poll: { timeout: 20000, interval: 100 } },
  },
});
