import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'examples/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration tests start real servers; keep parallelism modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 }, threads: { maxThreads: 2, minThreads: 1 } },
  },
});
