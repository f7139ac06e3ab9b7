// One side of the comparison: its policy, the tick shown, host free memory (a bar and its
// history), and each VM's balloon and performance, with the same scales on both sides.
import { policyEntry } from '../../sim/policy/catalog.ts';
import type { PolicyKind } from '../../sim/scenario/types.ts';
import type { Side } from './useSides.ts';

const W = 260;
const H = 60;

function Sparkline({ side, hostMiB, label }: { side: Side; hostMiB: number; label: string }) {
  const h = side.history;
  const tMax = Math.max(1, h.at(-1)?.t ?? 1);
  const pts = (f: (s: (typeof h)[number]) => number) =>
    h.map((s) => `${((s.t / tMax) * W).toFixed(1)},${(H - (f(s) / hostMiB) * H).toFixed(1)}`).join(' ');
  return (
    <svg className="compare-spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x="0" y="0" width={W} height={H} className="compare-spark-bg" />
      <polyline points={pts((s) => s.freeMiB)} className="compare-free" />
      <polyline points={pts((s) => s.balloonMiB)} className="compare-balloon" />
    </svg>
  );
}

export function CompareSide({ side, kind, which }: { side: Side; kind: PolicyKind; which: string }) {
  const r = side.summary;
  const label = policyEntry(kind)?.label ?? kind;
  const hostMiB = r?.host.memoryMiB ?? 1;
  return (
    <section className="compare-side" aria-label={`${which}: ${label}`}>
      <h3>
        {which}: {label}
      </h3>
      {!r ? (
        <p>Starting…</p>
      ) : (
        <>
          <p className="compare-time">
            {r.simSeconds.toFixed(1)} s (tick {side.ticks}) · host state {r.host.state}
          </p>
          <p>
            Host free {Math.round(r.host.freeMiB)} of {hostMiB} MiB · host swap {Math.round(r.host.swapUsedMiB)} MiB
          </p>
          <Sparkline
            side={side}
            hostMiB={hostMiB}
            label={`${label}: host free memory (solid) and total balloon (dashed) over ${r.simSeconds.toFixed(0)} s`}
          />
          <table className="compare-vms">
            <caption className="visually-hidden">{label}: each VM</caption>
            <thead>
              <tr>
                <th scope="col">VM</th>
                <th scope="col">Balloon</th>
                <th scope="col">Backed</th>
                <th scope="col">Performance</th>
              </tr>
            </thead>
            <tbody>
              {r.vms.map((v) => (
                <tr key={v.name}>
                  <th scope="row">{v.name}</th>
                  <td>{Math.round(v.balloonMiB)} MiB</td>
                  <td>{Math.round(v.backedMiB)} MiB</td>
                  <td>
                    <meter min={0} max={Math.max(1, v.performance)} value={v.performance} aria-label={`${v.name} performance`} />{' '}
                    {Math.round(v.performance * 100)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
