// A VM's balloon in SVG: its size follows the balloon's actual size (summary.vms[i].balloonMiB),
// a dashed ring marks the target, an arrow shows inflating or deflating. Size changes animate
// with a CSS transition that prefers-reduced-motion turns off (styles/balloon.css). The
// balloon is hatched like balloon pages in the maps.
import { useId } from 'react';
import { BALLOON_MAX_R, balloonRadius, balloonText, balloonTrend } from './balloonGeometry.ts';

interface Props {
  name: string;
  balloonMiB: number;
  targetMiB: number;
  memoryMiB: number;
  activity?: string;
  enabled: boolean;
}

const W = 2 * BALLOON_MAX_R + 24;
const CY = BALLOON_MAX_R + 6;
const H = CY + BALLOON_MAX_R + 34;

export function BalloonGlyph({ name, balloonMiB, targetMiB, memoryMiB, activity, enabled }: Props) {
  const pid = useId().replace(/:/g, '');
  const r = balloonRadius(balloonMiB, memoryMiB);
  const rt = balloonRadius(targetMiB, memoryMiB);
  const trend = balloonTrend(balloonMiB, targetMiB);
  const cx = W / 2;
  const knotY = CY + r;
  const text = enabled ? balloonText(name, balloonMiB, targetMiB, memoryMiB, activity) : `${name} has no balloon driver`;
  return (
    <svg
      className={`balloon balloon-${trend}${enabled ? '' : ' balloon-off'}`}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={text}
    >
      <defs>
        <pattern id={`${pid}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="balloon-fill" />
          <line x1="0" y1="0" x2="0" y2="6" className="balloon-hatch" />
        </pattern>
      </defs>
      <circle className="balloon-target" cx={cx} cy={CY} r={rt} />
      <g className="balloon-body">
        <circle className="balloon-skin" cx={cx} cy={CY} r={r} fill={`url(#${pid}-hatch)`} />
        <path className="balloon-knot" d={`M ${cx - 4} ${knotY + 5} L ${cx} ${knotY - 1} L ${cx + 4} ${knotY + 5} Z`} />
      </g>
      <path className="balloon-string" d={`M ${cx} ${knotY + 5} q 6 10 0 18 t 0 ${H - knotY - 28}`} />
      {trend !== 'steady' && enabled && (
        <text className="balloon-arrow" x={cx + BALLOON_MAX_R - 2} y={16} textAnchor="middle" aria-hidden="true">
          {trend === 'inflating' ? '▲' : '▼'}
        </text>
      )}
      <text className="balloon-size" x={cx} y={H - 4} textAnchor="middle" aria-hidden="true">
        {enabled ? `${Math.round(balloonMiB)} / ${Math.round(targetMiB)} MiB` : 'no driver'}
      </text>
    </svg>
  );
}
