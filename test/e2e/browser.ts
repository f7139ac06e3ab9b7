// E2E helpers: the built app (dist/) served in-process by Vite's preview() API, and Debian's
// Chromium driven by playwright-core in a fresh persistent context per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startServer(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  return { server, url };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'balloon-e2e-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context, page, errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the debug panel and waits for the state hash of a paused run at `time` (text as shown). */
export async function pausedHash(page: Page): Promise<string> {
  if (!(await page.getByTestId('state-hash').isVisible().catch(() => false))) await page.getByRole('button', { name: 'Debug' }).click();
  const handle = await page.waitForFunction(
    'document.querySelector(\'[data-testid="state-hash"]\')?.textContent?.match(/^[0-9a-f]{8}$/)?.[0] ?? false', null, { timeout: 30000 });
  return (await handle.jsonValue()) as string;
}
