// Vite build and Vitest configuration for Balloon Lab.
// Unit tests of the pure core run in Node; component tests opt into jsdom per file.
// The built page carries a Content-Security-Policy: scripts and workers from the page's own
// origin only (no inline script, no eval), nothing fetched from elsewhere. It is a <meta>, so it
// says nothing about framing: the embed mode keeps working inside another site's iframe. The dev
// server gets none (its hot reload injects an inline script).
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // React and d3 set inline styles through the CSSOM; style attributes stay allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'balloon-lab-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
