// Vite build and Vitest configuration for Balloon Lab.
// Unit tests of the pure core run in Node; component tests opt into jsdom per file.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['test/helpers/propertySeed.ts'],
    setupFiles: ['test/helpers/propertySetup.ts'],
    testTimeout: 180000,
  },
});
