import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser journey at a time: they are heavy and share nothing.
    fileParallelism: false,
    // Pages load data after they render; on a busy CI machine that can take several seconds.
    expect: { poll: { timeout: 15_000, interval: 200 } },
  },
});
