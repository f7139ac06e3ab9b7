// The built page's Content-Security-Policy in Chromium: the page declares it (scripts and
// workers from its own origin, no eval), the app runs under it with no violation (worker,
// canvas maps, charts), and the embed mode still works inside another page's iframe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { openBrowser, paintedTick, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => ({ server, url } = await startServer()));
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});

const open = async (): Promise<Browser> => {
  const b = await openBrowser({ width: 1280, height: 800 });
  browsers.push(b);
  await b.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return b;
};

describe('Content-Security-Policy', () => {
  it('is declared by the built page and the app plays under it without a violation', async () => {
    const { page, errors } = await open();
    await page.goto(url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/worker-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    await paintedTick(page, '.memory-map-host canvas');
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await paintedTick(page, '.memory-map-host canvas', 20);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("keeps the embed mode working inside another page's iframe", async () => {
    const { page, errors } = await open();
    await page.setContent(
      `<h1>A course page</h1><iframe title="Balloon Lab" src="${url}#v=1&scn=balloon-by-hand&embed=1" width="834" height="504"></iframe>`,
    );
    const frame = page.frameLocator('iframe[title="Balloon Lab"]');
    await frame.getByRole('link', { name: 'Open full simulator' }).waitFor({ timeout: 30000 });
    await frame.locator('.memory-map-host canvas[data-tick]').waitFor({ timeout: 30000 });
    const inner = page.frames().find((f) => f.url().startsWith(url))!;
    expect(await inner.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
