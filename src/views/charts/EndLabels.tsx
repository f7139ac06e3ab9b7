// The direct labels at the lines' right ends, in the right margin: one per line, in the line's
// colour, at its last value, dodged apart (dodgeLabels) so that lines ending at the same or
// nearby values keep readable labels, within the plot's height. A label moved off its line's
// value gets a short leader line, in the line's colour, from the plot's right edge at that
// value to the label.
import { dodgeLabels } from './dodgeLabels.ts';

/** Height of one label, px: the 10 px font of `.series-label` (panels.css) plus 2 px leading. */
export const LABEL_HEIGHT_PX = 12;
/** The leader runs from LEADER_START_PX to LEADER_END_PX right of the plot; the text starts at LABEL_X_PX. */
const LEADER_START_PX = 2;
const LEADER_END_PX = 10;
const LABEL_X_PX = 12;
/** A label nearer its line's value than this is drawn without a leader. */
const MOVED_PX = 0.5;

export interface EndLabel {
  id: string;
  text: string;
  colour: string;
  /** The line's last value on the plot, px from the top. */
  yPx: number;
}

export function EndLabels({
  labels,
  plotWidthPx,
  plotHeightPx,
}: {
  labels: readonly EndLabel[];
  plotWidthPx: number;
  plotHeightPx: number;
}) {
  const placed = dodgeLabels(
    labels.map((l) => l.yPx),
    LABEL_HEIGHT_PX,
    [0, plotHeightPx],
  );
  return (
    <g className="end-labels">
      {labels.map((l, i) => (
        <g key={l.id}>
          {Math.abs(placed[i] - l.yPx) > MOVED_PX && (
            <line
              className="series-leader"
              x1={plotWidthPx + LEADER_START_PX}
              y1={l.yPx}
              x2={plotWidthPx + LEADER_END_PX}
              y2={placed[i]}
              stroke={l.colour}
            />
          )}
          <text className="series-label" x={plotWidthPx + LABEL_X_PX} y={placed[i]} dominantBaseline="central" fill={l.colour}>
            {l.text}
          </text>
        </g>
      ))}
    </g>
  );
}
