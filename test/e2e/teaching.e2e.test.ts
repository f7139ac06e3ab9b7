// The first screen as a teaching instrument, in Chromium on the built app (issue 13): the
// default scenario's balloons inflate when the memory pressure rises; the main flow works from
// the keyboard alone; the first screen holds the story without scrolling at 1280x800 and in
// the projector theme at 1024x768 (screenshots in artifacts/teaching-*.png); axe-core finds no
// serious or critical violation in any theme, with the detail panels closed or open.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { defaultLinkState, encodeLink, THEMES, type Theme } from '../../src/url/index.ts';
import { injectAxe, seriousViolations } from './axe.ts';
import { openBrowser, paintedTick, paused, startServer, type Browser } from './browser.ts';

let server: PreviewServer;
let url: string;
const browsers: Browser[] = [];
beforeAll(async () => {
  mkdirSync('artifacts', { recursive: true });
  ({ server, url } = await startServer());
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
});

const link = (theme: Theme, panels: string[] = []): string => {
  const s = defaultLinkState();
  return `#${encodeLink({ ...s, view: { ...s.view, theme, panels } })}`;
};

async function open(theme: Theme = 'light', size = { width: 1280, height: 800 }, panels: string[] = []): Promise<Browser> {
  const b = await openBrowser(size);
  browsers.push(b);
  await b.page.goto(url + link(theme, panels));
  await paintedTick(b.page, '.memory-map-host canvas');
  return b;
}

const balloonSizes = async (page: Page): Promise<number[]> =>
  (await page.locator('svg.balloon').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((label) =>
    Number(/balloon (\d+) MiB/.exec(label)?.[1] ?? 0),
  );
const biggestBalloon = async (page: Page): Promise<number> => Math.max(...(await balloonSizes(page)));
const pressure = (page: Page) => page.getByRole('slider', { name: 'Memory pressure' });

/** The bottom edge of each first-screen element, px from the top of the page. */
const bottoms = (page: Page) =>
  page.evaluate(() => {
    const bottom = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? Infinity;
    return {
      hostMap: bottom('.memory-map-host canvas'),
      hostFree: bottom('.hv-host'),
      balloons: Math.max(...[...document.querySelectorAll('svg.balloon')].map((e) => e.getBoundingClientRect().bottom)),
      pressure: bottom('.pressure-control input[type=range]'),
      swapStorage: bottom('.swap-storage'),
      timeControls: bottom('.time-controls'),
    };
  });

describe("the first screen tells the seed's story", () => {
  it('raising the memory pressure in the default scenario inflates a balloon (ESX)', async () => {
    const { page, errors } = await open();
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).inputValue()).toBe('host-runs-short');
    expect(await page.locator('.hv-policy').textContent()).toMatch(/ESX/);
    const box = page.getByRole('spinbutton', { name: 'Memory pressure (×)' });
    await box.fill('2');
    await box.press('Enter');
    await expect.poll(() => pressure(page).getAttribute('aria-valuetext')).toBe('Memory pressure 2 ×, heavy demand');
    expect(await biggestBalloon(page)).toBe(0);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await expect.poll(() => biggestBalloon(page), { timeout: 90000, interval: 500 }).toBeGreaterThan(32);
    expect(errors).toEqual([]);
  });

  it('works from the keyboard alone: speed, Tab to the pressure slider, arrows, Space to play, a term, a panel', async () => {
    const { page, errors } = await open();
    // ']' until the speed reads 8x (a key pressed while the page is still booting may be missed).
    const speed = () => page.getByRole('combobox', { name: 'Speed' }).inputValue();
    for (let i = 0; i < 8 && (await speed()) !== '8'; i++) await page.keyboard.press(']');
    expect(await speed()).toBe('8');
    let onSlider = false;
    for (let i = 0; i < 80 && !onSlider; i++) {
      await page.keyboard.press('Tab');
      onSlider = await page.evaluate(() => document.activeElement?.getAttribute('aria-valuetext')?.startsWith('Memory pressure') ?? false);
    }
    expect(onSlider).toBe(true);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => pressure(page).getAttribute('aria-valuetext')).toMatch(/heavy demand/);
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Play / pause', pressed: true }).waitFor();
    await expect.poll(() => biggestBalloon(page), { timeout: 90000, interval: 500 }).toBeGreaterThan(32);
    await page.keyboard.press(' ');
    await paused(page);
    // Shift+Tab back to a glossary term: its tooltip shows while it has focus.
    let onTerm = false;
    for (let i = 0; i < 10 && !onTerm; i++) {
      await page.keyboard.press('Shift+Tab');
      onTerm = await page.evaluate(() => document.activeElement?.classList.contains('term') ?? false);
    }
    expect(onTerm).toBe(true);
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);
    await page.keyboard.press('s');
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    expect(errors).toEqual([]);
  });

  for (const [theme, width, height] of [
    ['light', 1280, 800],
    ['projector', 1024, 768],
  ] as const) {
    it(`holds the story without scrolling at ${width}x${height} (${theme} theme)`, async () => {
      const { page, errors } = await open(theme, { width, height });
      const box = page.getByRole('spinbutton', { name: 'Memory pressure (×)' });
      await box.fill('2');
      await box.press('Enter');
      await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await expect.poll(() => biggestBalloon(page), { timeout: 90000, interval: 500 }).toBeGreaterThan(32);
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await paused(page);
      const b = await bottoms(page);
      for (const [what, y] of Object.entries(b)) expect(y, what).toBeLessThanOrEqual(height);
      await page.screenshot({ path: `artifacts/teaching-${theme}-${width}x${height}.png` });
      expect(errors).toEqual([]);
    });
  }

  it("injects axe-core past the page's CSP, and says how", async () => {
    const { page } = await open();
    expect(await injectAxe(page)).toBe('evaluate');
  });

  for (const theme of THEMES) {
    it(`axe finds no serious or critical violation on the first screen (${theme} theme)`, async () => {
      const { page, errors } = await open(theme);
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await paintedTick(page, '.memory-map-host canvas', 20);
      await page.getByRole('button', { name: 'Play / pause' }).click();
      await paused(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('axe finds no serious or critical violation with every detail panel open', async () => {
    const { page, errors } = await open('light', { width: 1280, height: 800 }, ['settings', 'targets', 'charts', 'walk', 'debug']);
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await paintedTick(page, '.memory-map-host canvas', 20);
    await page.getByRole('button', { name: 'Play / pause' }).click();
    await paused(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
