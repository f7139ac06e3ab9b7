// E2E helpers: the built app (dist/) served in-process by Vite's preview() API, and Debian's
// Chromium driven by playwright-core in a fresh persistent context per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the debug panel (unless it is open) and waits for the state hash of a paused, idle run. */
export async function pausedHash(page: Page): Promise<string> {
  // The Debug button's pressed state, not the panel's visibility: a link may open the panel,
  // and before the app's first render the panel is not there yet either way.
  const debug = page.getByRole('button', { name: 'Debug' });
  if ((await debug.getAttribute('aria-pressed')) !== 'true') await debug.click();
  // A function, not a string: the page's CSP (no eval) refuses string predicates.
  const handle = await page.waitForFunction(
    () => document.querySelector('[data-testid="state-hash"]')?.textContent?.match(/^[0-9a-f]{8}$/)?.[0] ?? false,
    null,
    { timeout: 30000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Waits until the map canvas matching `selector` has painted a frame of tick `minTick` or later
 * (MemoryMap writes the tick it last painted into data-tick). */
export async function paintedTick(page: Page, selector: string, minTick = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, min]) => {
      const t = (document.querySelector(sel) as HTMLCanvasElement | null)?.dataset.tick;
      return t !== undefined && Number(t) >= min ? { tick: Number(t) } : false;
    },
    [selector, minTick] as const,
    { timeout: 60000 },
  );
  return ((await handle.jsonValue()) as { tick: number }).tick;
}

/** Waits until the run is paused: the play button is no longer pressed. */
export async function paused(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play / pause', pressed: false }).waitFor({ timeout: 30000 });
}

/** Waits until an element's box is the same on two animation frames in a row (layout settled). */
export async function settledBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const now = `${r.x},${r.y},${r.width},${r.height}`;
      const w = window as unknown as Record<string, string>;
      const key = `__box:${sel}`;
      const same = w[key] === now && r.width > 0;
      w[key] = now;
      return same ? { x: r.x, y: r.y, width: r.width, height: r.height } : false;
    },
    selector,
    { polling: 'raf', timeout: 30000 },
  );
  return (await handle.jsonValue()) as { x: number; y: number; width: number; height: number };
}
