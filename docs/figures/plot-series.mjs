// Plots columns of a `sim --series` CSV as an SVG line chart, with no dependencies:
//   node docs/figures/plot-series.mjs IN.csv OUT.svg "Title" "y label" COLUMN[/DIVISOR][=LABEL] ...
// e.g. idle.backedPages/256=idle (pages to MiB). --mark S=TEXT draws a vertical marker at S
// seconds (repeatable), e.g. where a schedule entry applies.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, title, yLabel, ...rest] = process.argv.slice(2);
const marks = [];
const specs = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--mark') {
    const [t, ...text] = rest[++i].split('=');
    marks.push({ t: Number(t), text: text.join('=') });
  } else {
    const [colPart, label] = rest[i].split('=');
    const [col, div] = colPart.split('/');
    specs.push({ col, div: Number(div ?? 1), label: label ?? col });
  }
}
const [head, ...lines] = readFileSync(input, 'utf8').trim().split('\n');
const cols = head.split(',');
const rows = lines.map((l) => l.split(','));
const at = (name) => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${input}`);
  return i;
};
const t = rows.map((r) => Number(r[at('simSeconds')]));
const series = specs.map((s) => ({ ...s, ys: rows.map((r) => Number(r[at(s.col)]) / s.div) }));
const W = 720,
  H = 360,
  M = { l: 60, r: 130, t: 36, b: 44 };
const iw = W - M.l - M.r,
  ih = H - M.t - M.b;
const xMax = Math.max(...t),
  yMax = Math.max(...series.flatMap((s) => s.ys)) * 1.08;
const x = (v) => M.l + (v / xMax) * iw;
const y = (v) => M.t + ih - (v / yMax) * ih;
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const step = (max, n) => {
  const raw = max / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw);
};
const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  `<rect width="${W}" height="${H}" fill="white"/>`,
  `<text x="${M.l}" y="20" font-size="14" font-weight="bold">${title}</text>`,
];
for (let v = 0, s = step(yMax, 5); v <= yMax; v += s)
  parts.push(
    `<line x1="${M.l}" x2="${M.l + iw}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${M.l - 6}" y="${y(v) + 4}" text-anchor="end">${+v.toFixed(3)}</text>`,
  );
for (let v = 0, s = step(xMax, 8); v <= xMax; v += s)
  parts.push(
    `<line x1="${x(v)}" x2="${x(v)}" y1="${M.t + ih}" y2="${M.t + ih + 4}" stroke="#000"/><text x="${x(v)}" y="${M.t + ih + 18}" text-anchor="middle">${v}</text>`,
  );
parts.push(
  `<line x1="${M.l}" x2="${M.l + iw}" y1="${M.t + ih}" y2="${M.t + ih}" stroke="#000"/><line x1="${M.l}" x2="${M.l}" y1="${M.t}" y2="${M.t + ih}" stroke="#000"/>`,
);
parts.push(
  `<text x="${M.l + iw / 2}" y="${H - 6}" text-anchor="middle">simulated time (s)</text><text transform="translate(16,${M.t + ih / 2}) rotate(-90)" text-anchor="middle">${yLabel}</text>`,
);
for (const m of marks)
  parts.push(
    `<line x1="${x(m.t)}" x2="${x(m.t)}" y1="${M.t}" y2="${M.t + ih}" stroke="#555" stroke-dasharray="4 3"/><text x="${x(m.t) + 4}" y="${M.t + 12}" fill="#555">${m.text}</text>`,
  );
// End labels, pushed apart to at least 14 px.
const labelY = series.map((s, i) => ({ i, y: y(s.ys.at(-1)) + 4 })).sort((a, b) => a.y - b.y);
labelY.forEach((l, k) => {
  if (k > 0) l.y = Math.max(l.y, labelY[k - 1].y + 14);
});
series.forEach((s, i) => {
  const c = colours[i % colours.length];
  parts.push(
    `<polyline fill="none" stroke="${c}" stroke-width="2" points="${s.ys.map((v, k) => `${x(t[k]).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`,
  );
  parts.push(`<text x="${M.l + iw + 6}" y="${labelY.find((l) => l.i === i).y}" fill="${c}">${s.label}</text>`);
});
parts.push('</svg>');
writeFileSync(output, `${parts.join('\n')}\n`);
