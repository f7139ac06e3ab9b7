// The app in Chromium: the default scenario plays and frames arrive; a shared link opened in a
// fresh browser reproduces the same state hash; a worker that dies shows the error panel and
// restarts the same run. Screenshots go to artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { runUrl } from '../../src/cli/urlOption.ts';
import { openBrowser, paintedTick, pausedHash, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => ({ server, url } = await startServer()));
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});
const open = async () => {
  const b = await openBrowser();
  browsers.push(b);
  return b;
};
const frames = async (b: Browser) => Number(await b.page.getByTestId('frame-count').textContent());

describe('Balloon Lab in Chromium', () => {
  it('opens the default scenario, plays, and frames arrive', async () => {
    const b = await open();
    await b.page.goto(url);
    await b.page.getByRole('button', { name: 'Debug' }).click();
    await expect.poll(() => frames(b), { timeout: 30000 }).toBeGreaterThan(0);
    const before = await frames(b);
    await b.page.getByRole('button', { name: 'Play / pause' }).click();
    await expect.poll(() => frames(b), { timeout: 15000 }).toBeGreaterThan(before + 10);
    await b.page.keyboard.press('Space');
    await pausedHash(b.page);
    expect(await b.page.locator('.sim-time').textContent()).not.toBe('0.0 s');
    await b.page.screenshot({ path: 'artifacts/e2e-default-played.png', fullPage: true });
    expect(b.errors).toEqual([]);
  });

  it('a shared link opened in a fresh browser shows the same state hash', async () => {
    const a = await open();
    await a.page.goto(url);
    await a.page.getByRole('combobox', { name: 'Scenario' }).selectOption('identical-vms');
    for (let i = 0; i < 12; i++) await a.page.keyboard.press('ArrowRight');
    await a.page.keyboard.press('Shift+ArrowRight');
    await a.page.getByRole('button', { name: 'Debug' }).click();
    await a.page.getByTestId('debug-time').getByText('tick 22)').waitFor();
    const hash = await pausedHash(a.page);
    const time = await a.page.getByTestId('debug-time').textContent();
    await a.page.getByRole('button', { name: 'Share' }).click();
    const link = await a.page.getByTestId('share-link').inputValue();
    await a.page.getByText('Link copied').waitFor();
    expect(await a.page.evaluate('navigator.clipboard.readText()')).toBe(link);
    expect(link).toContain('scn=identical-vms');
    expect(link).toContain('t=2.2');
    const b = await open();
    await b.page.goto(link);
    expect(await pausedHash(b.page)).toBe(hash);
    expect(await b.page.getByTestId('debug-time').textContent()).toBe(time);
    const cli = await runUrl(link, true);
    expect(cli.ok && cli.hash).toBe(hash);
    await b.page.goBack();
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  it('a worker that dies shows the error panel, and restart brings back the same run', async () => {
    const b = await open();
    await b.page.goto(`${url}#v=1&scn=balloon-by-hand&seed=4&policy.kind=manual&vms=1&vms.0.memoryMiB=512&t=3`);
    const hash = await pausedHash(b.page);
    const worker = b.page.workers()[0];
    await worker.evaluate(
      () =>
        void setTimeout(() => {
          throw new Error('simulated crash of the worker');
        }, 0),
    );
    const panel = b.page.getByRole('alert');
    await expect.poll(() => panel.isVisible(), { timeout: 15000 }).toBe(true);
    expect(await panel.textContent()).toMatch(/simulated crash/);
    await b.page.screenshot({ path: 'artifacts/e2e-error-panel.png' });
    await b.page.getByRole('button', { name: 'Restart from the current link' }).click();
    await expect.poll(() => panel.isVisible(), { timeout: 15000 }).toBe(false);
    expect(await pausedHash(b.page)).toBe(hash);
  });

  it('embed mode shows the play area and time controls, with a link to the full simulator', async () => {
    const b = await open();
    await b.page.setViewportSize({ width: 834, height: 504 });
    await b.page.goto(
      `${url}#v=1&scn=identical-vms&seed=3&host.memoryMiB=2048&host.pageSharing=all&host.shareScanPagesPerSec=20000&policy.kind=manual&vms=2&t=4&embed=1&theme=dark`,
    );
    const full = b.page.getByRole('link', { name: 'Open full simulator' });
    await full.waitFor();
    expect(await full.getAttribute('href')).not.toContain('embed=1');
    expect(await b.page.getByRole('combobox', { name: /Scenario/ }).count()).toBe(0);
    await b.page.getByRole('button', { name: 'Play / pause' }).waitFor();
    await paintedTick(b.page, '.memory-map-host canvas');
    await b.page.screenshot({ path: 'artifacts/e2e-embed-dark.png' });
    expect(b.errors).toEqual([]);
  });
});
