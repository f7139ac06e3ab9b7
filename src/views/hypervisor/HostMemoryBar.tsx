// A one-line stacked bar of host memory: hypervisor, each VM's backed memory, free. Segment
// widths in SVG; labels in text, so the numbers are never in colour alone.
import type { RunReport } from '../../sim/report.ts';
import { cssColor, PALETTES, type Theme, vmRgb } from '../theme/themes.ts';

export function HostMemoryBar({ report, theme, widthPx = 300 }: { report: RunReport; theme: Theme; widthPx?: number }) {
  const p = PALETTES[theme];
  const total = Math.max(1, report.host.memoryMiB);
  const parts = [
    { label: 'hypervisor', mib: report.host.hypervisorMiB, color: cssColor(p.hypervisor) },
    ...report.vms.map((v, i) => ({ label: v.name, mib: Math.max(0, v.backedMiB - v.sharedMiB), color: cssColor(vmRgb(p, i)) })),
    {
      label: 'shared',
      mib: Math.max(0, report.vms.reduce((s, v) => s + v.sharedMiB, 0) - report.host.sharedSavedMiB),
      color: cssColor(p.shared),
    },
    { label: 'free', mib: report.host.freeMiB, color: cssColor(p.free) },
  ];
  let x = 0;
  return (
    <svg
      className="host-bar"
      width="100%"
      height={18}
      viewBox={`0 0 ${widthPx} 18`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Host memory: ${parts.map((s) => `${s.label} ${Math.round(s.mib)} MiB`).join(', ')}`}
    >
      {parts.map((s) => {
        const w = (Math.max(0, s.mib) / total) * widthPx;
        const r = (
          <rect key={s.label} x={x} y={0} width={w} height={18} fill={s.color} stroke="var(--panel-bg)" strokeWidth={0.5}>
            <title>{`${s.label}: ${Math.round(s.mib)} MiB`}</title>
          </rect>
        );
        x += w;
        return r;
      })}
    </svg>
  );
}
