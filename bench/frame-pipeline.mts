// `npm run bench:frames`: the frame pipeline (tick + snapshot render + transfer + return) in
// Chromium for hosts of 1, 4 and 16 GiB at screen resolution. Serves the benchmark page with
// Vite's dev server in-process, runs it in Debian's Chromium, prints a Markdown table.
//   npm run -s bench:frames [-- 1,4,16]
import { createServer } from 'vite';
import { openBrowser } from '../test/e2e/browser.ts';
import type { SizeResult } from './frame-pipeline.page.ts';

const sizes = process.argv[2] ?? '1,4,16';
const server = await createServer({ configFile: 'vite.config.ts', server: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
await server.listen();
const url = `${server.resolvedUrls!.local[0]}bench/frame-pipeline.html?gib=${sizes}`;
const b = await openBrowser();
try {
  await b.page.goto(url);
  await b.page.waitForFunction(
    () => {
      const w = window as unknown as { __frameBench?: unknown; __frameBenchError?: unknown };
      return w.__frameBench || w.__frameBenchError;
    },
    null,
    { timeout: 600000 },
  );
  const error = await b.page.evaluate('window.__frameBenchError');
  if (error) throw new Error(String(error));
  const results = (await b.page.evaluate('window.__frameBench')) as SizeResult[];
  const f = (x: number) => x.toFixed(2);
  console.log('| host | frames | model heap | mode | per frame min | p50 | p95 | mean | tick | render | render p95 | transfer |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    for (const m of r.modes)
      console.log(
        `| ${r.gib} GiB | ${r.frames} | ${r.heapMiB.toFixed(0)} MiB | ${m.mode} | ${f(m.min)} ms | ${f(m.p50)} ms | ${f(m.p95)} ms | ${f(m.mean)} ms | ${f(m.tickMs)} ms | ${f(m.renderMs)} ms | ${f(m.renderP95)} ms | ${f(m.transferMs)} ms |`,
      );
  }
} finally {
  await b.close();
  await server.close();
}
