// The main screen in each theme and at three sizes, in Chromium on the built app. Screenshots
// go to artifacts/ (git-ignored) for a person to look at: themes-<theme>-1280x800.png and
// themes-light-1024x768.png, themes-light-768x1024.png. Asserted: each theme has its own colours
// (play area background, text and accent, top bar; native controls drawn dark in the dark
// theme), the host map's canvas holds painted cells, and no size makes the page scroll sideways
// or pushes an element out of its box.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { defaultLinkState, encodeLink, THEMES, type Theme } from '../../src/url/index.ts';
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

const link = (theme: Theme): string => {
  const s = defaultLinkState();
  return `#${encodeLink({ ...s, view: { ...s.view, theme } })}`;
};

/** Opens the default scenario in a theme at a size, played for a moment so the maps fill. */
async function open(theme: Theme, width: number, height: number): Promise<Browser> {
  const b = await openBrowser({ width, height });
  browsers.push(b);
  await b.page.goto(url + link(theme));
  await paintedTick(b.page, '.memory-map-host canvas');
  await b.page.getByRole('button', { name: 'Play / pause' }).click();
  await paintedTick(b.page, '.memory-map-host canvas', 10);
  await b.page.getByRole('button', { name: 'Play / pause' }).click();
  await paused(b.page);
  return b;
}

interface Colours {
  playBg: string;
  playText: string;
  accent: string;
  barBg: string;
  barText: string;
}
const colours = (page: Page): Promise<Colours> =>
  page.evaluate(() => {
    const play = getComputedStyle(document.querySelector('.play-area')!);
    const app = getComputedStyle(document.querySelector('.app')!);
    return {
      playBg: play.backgroundColor,
      playText: play.color,
      accent: play.getPropertyValue('--accent').trim(),
      barBg: app.getPropertyValue('--bar-bg').trim(),
      barText: app.getPropertyValue('--bar-text').trim(),
    };
  });

/** Distinct colours among the host map canvas's pixels, and how many pixels differ from the first. */
const canvasInk = (page: Page): Promise<{ colours: number; painted: number; total: number }> =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.memory-map-host canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let painted = 0;
    const first = (d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3];
    for (let i = 0; i < d.length; i += 4) {
      const v = (d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3];
      if (seen.size < 64) seen.add(v);
      if (v !== first && d[i + 3] > 0) painted++;
    }
    return { colours: seen.size, painted, total: d.length / 4 };
  });

/** Laid-out elements of the screen sticking out of their parent box sideways (text cut off or
 * overlapping the next column), as 'tag.class in tag.class: "text"'. */
const stickingOut = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.app *')) {
      const parent = el.parentElement;
      if (!parent || el.closest('svg') || getComputedStyle(el).position === 'absolute') continue;
      const a = el.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      if (a.width > 0 && (a.right > p.right + 1 || a.left < p.left - 1))
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} in ${parent.tagName.toLowerCase()}.${parent.className}: "${(el.textContent ?? '').slice(0, 24)}"`,
        );
    }
    return out;
  });

const sideways = (page: Page): Promise<{ scrollWidth: number; clientWidth: number }> =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));

describe('themes and sizes in Chromium', () => {
  it('gives each theme its own colours, and paints the host map in each', async () => {
    const seen: Record<string, Colours> = {};
    for (const theme of THEMES) {
      const { page, errors } = await open(theme, 1280, 800);
      await page.screenshot({ path: `artifacts/themes-${theme}-1280x800.png`, fullPage: true });
      seen[theme] = await colours(page);
      expect(seen[theme].playBg).not.toBe(seen[theme].playText);
      const ink = await canvasInk(page);
      expect(ink.colours).toBeGreaterThan(3);
      expect(ink.painted).toBeGreaterThan(ink.total * 0.05);
      expect(await sideways(page).then((s) => s.scrollWidth <= s.clientWidth)).toBe(true);
      expect(await stickingOut(page)).toEqual([]);
      // Native controls follow the theme: the top bar's selects are not white in the dark theme.
      const selectBg = await page
        .locator('.top-bar select')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
      if (theme === 'dark') expect(selectBg).not.toBe('rgb(255, 255, 255)');
      expect(errors).toEqual([]);
    }
    // Light and dark swap background and text; projector is black on white; colour-blind keeps
    // light's page but changes the accent (and the palettes).
    const key = (c: Colours): string => JSON.stringify(c);
    expect(new Set(THEMES.map((t) => key(seen[t]))).size).toBe(THEMES.length);
    expect(seen.dark.playBg).not.toBe(seen.light.playBg);
    expect(seen.dark.playText).not.toBe(seen.light.playText);
    expect(seen.dark.barBg).not.toBe(seen.light.barBg);
    expect(seen.projector.playText).toBe('rgb(0, 0, 0)');
    expect(seen.colorblind.accent).not.toBe(seen.light.accent);
  });

  it.each([
    [1024, 768],
    [768, 1024],
  ])('fits %i x %i without scrolling sideways', async (width, height) => {
    const { page, errors } = await open('light', width, height);
    await page.screenshot({ path: `artifacts/themes-light-${width}x${height}.png`, fullPage: true });
    const s = await sideways(page);
    expect(s.scrollWidth).toBeLessThanOrEqual(s.clientWidth);
    const host = (await page.locator('.memory-map-host canvas').boundingBox())!;
    expect(host.x).toBeGreaterThanOrEqual(0);
    expect(host.x + host.width).toBeLessThanOrEqual(width);
    expect((await canvasInk(page)).painted).toBeGreaterThan(0);
    expect(await stickingOut(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
