import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module for our code and the libraries (see server/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    setupFiles: ['support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Whole processes and browsers: one file at a time on two cores.
    fileParallelism: false,
  },
});
