// axe-core in the built page. The page's CSP (script-src 'self') refuses the inline <script>
// that page.addScriptTag({ path }) writes, so axe's source is evaluated through the DevTools
// protocol instead (page.evaluate of a string runs as Runtime.evaluate, which the page's CSP
// does not govern). Returns the serious and critical violations, one line each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** How axe got in: 'script tag' if the CSP let addScriptTag through, else 'evaluate'. */
export async function injectAxe(page: Page): Promise<'script tag' | 'evaluate'> {
  const has = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (await has()) return 'evaluate';
  try {
    await page.addScriptTag({ content: AXE_SOURCE });
  } catch {
    // the CSP refused it; fall through
  }
  if (await has()) return 'script tag';
  await page.evaluate(AXE_SOURCE);
  if (!(await has())) throw new Error('axe-core could not be injected');
  return 'evaluate';
}

export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<AxeResult> } }).axe.run({ resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
}
