// The two-layer page-walk diagram: the guest's levels across, each nested EPT walk down to its
// host frame, every memory reference numbered with its worked index arithmetic and addresses,
// and the outcome at the end. SVG drawn by React from layoutWalk (d3 scales); an ordered list of
// the references mirrors it for screen readers. The current step is highlighted and later ones
// dimmed; cache hits are hatched and say so; EPT boxes are dashed, guest boxes solid.
import { useId } from 'react';
import type { Walk } from '../../sim/walk/walkTypes.ts';
import { layoutWalk, type WalkNode } from './layoutWalk.ts';
import { nodeFootnote, outcomeHeadline, referenceSentence, shortArithmetic, stepTitle, walkSummary, wrapWords } from './walkText.ts';
import './walk.css';

export interface PageWalkDiagramProps {
  walk: Walk;
  /** The highlighted reference (1-based); later ones are dimmed. null or absent: the whole walk. */
  currentStep?: number | null;
  widthPx?: number;
  heightPx?: number;
  /** Shown in the heading, e.g. the VM's name. */
  label?: string;
}

type StepState = 'done' | 'current' | 'later';
const stateOf = (step: number, current: number | null): StepState =>
  current === null || step < current ? 'done' : step === current ? 'current' : 'later';

function Node({ node, state, hatch }: { node: WalkNode; state: StepState; hatch: string }) {
  const { step, x, y, width, height } = node;
  const cached = step.servedBy !== 'memory';
  const found = step.found.kind === 'not-present' ? `not present: ${step.found.reason}` : null;
  return (
    <g
      className={`walk-node walk-node-${step.dimension} walk-${state}${cached ? ' walk-cached' : ''}${found ? ' walk-missing' : ''}`}
      data-step={step.step}
    >
      <title>{referenceSentence(step)}</title>
      <rect x={x} y={y} width={width} height={height} rx={6} className="walk-node-box" />
      {cached && <rect x={x} y={y} width={width} height={height} rx={6} fill={`url(#${hatch})`} className="walk-node-hatch" />}
      <circle cx={x + 13} cy={y + 13} r={11} className="walk-step-badge" />
      <text x={x + 13} y={y + 17} textAnchor="middle" className="walk-step-number">
        {step.step}
      </text>
      <text x={x + 29} y={y + 17} className="walk-node-title">
        {stepTitle(step)}
      </text>
      <text x={x + 8} y={y + 32} className="walk-node-line">
        {shortArithmetic(step)}
      </text>
      {step.entryGuestPhysicalAddress && height >= 62 && (
        <text x={x + 8} y={y + 45} className="walk-node-line">
          gPA {step.entryGuestPhysicalAddress}
        </text>
      )}
      <text x={x + 8} y={y + (step.entryGuestPhysicalAddress && height >= 62 ? 58 : 45)} className="walk-node-line">
        {found ?? nodeFootnote(step)}
      </text>
    </g>
  );
}

export function PageWalkDiagram({ walk, currentStep = null, widthPx = 1200, heightPx = 420, label }: PageWalkDiagramProps) {
  const id = useId().replace(/:/g, '');
  const hatch = `walk-hatch-${id}`;
  const arrow = `walk-arrow-${id}`;
  const layout = layoutWalk(walk, widthPx, heightPx);
  const total = walk.steps.length;
  const current = currentStep === null ? null : Math.min(Math.max(1, currentStep), Math.max(1, total));
  const outcomeState: StepState = current === null || current >= total ? 'current' : 'later';
  const { outcome } = layout;
  const headline = wrapWords(outcomeHeadline(walk.outcome), Math.max(12, Math.floor(outcome.width / 8)));
  const what = walk.guestVirtualAddress
    ? `guest-virtual ${walk.guestVirtualAddress}`
    : `guest-physical ${walk.steps[0]?.indexFrom.address}`;
  return (
    <section className="page-walk" aria-label="Two-layer page walk">
      <h3 className="page-walk-heading">
        Page walk of {what}
        {label ? ` in ${label}` : ''}: {walk.memoryReferences} memory references
        {walk.memoryReferences !== total ? ` (${total - walk.memoryReferences} of ${total} entries answered by caches)` : ''}
      </h3>
      <p className="walk-legend">
        <span className="walk-key walk-key-ept">dashed: EPT entry (the hypervisor's table, in host memory)</span>
        <span className="walk-key walk-key-guest">solid: guest page-table entry</span>
        <span className="walk-key walk-key-cached">hatched: answered by a cache, no memory read</span>
        <span className="walk-key walk-key-current">thick: the current reference</span>
      </p>
      <svg
        className="page-walk-svg"
        width={widthPx}
        height={heightPx}
        viewBox={`0 0 ${widthPx} ${heightPx}`}
        role="img"
        aria-label={walkSummary(walk)}
      >
        <defs>
          <pattern id={hatch} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1={0} y1={0} x2={0} y2={8} className="walk-hatch-line" />
          </pattern>
          <marker id={arrow} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="walk-arrow-head" />
          </marker>
        </defs>
        {layout.rows.map((r) => (
          <text key={r.label} x={4} y={r.y + r.height / 2 + 4} className="walk-row-label">
            {r.label}
          </text>
        ))}
        {layout.columns.map((c, i) => (
          <g key={i} className="walk-column-header">
            <text x={c.x + 2} y={16} className="walk-column-title">
              {walk.kind === 'two-dimensional' && i === 0 ? 'CR3 -> ' : ''}
              {c.translates === 'data' ? 'data page' : `${c.translates} table`}
            </text>
            <text x={c.x + 2} y={32} className="walk-column-address">
              gPA {c.guestPhysicalAddress}
            </text>
          </g>
        ))}
        {layout.links.map((l) => (
          <path
            key={l.fromStep}
            d={l.path}
            className={`walk-link walk-${stateOf(l.fromStep + 1, current) === 'later' ? 'later' : 'done'}`}
            markerEnd={`url(#${arrow})`}
          />
        ))}
        {layout.nodes.map((n) => (
          <Node key={n.step.step} node={n} state={stateOf(n.step.step, current)} hatch={hatch} />
        ))}
        <g className={`walk-outcome walk-outcome-${walk.outcome.kind} walk-${outcomeState}`}>
          <rect
            x={outcome.x}
            y={outcome.y}
            width={outcome.width}
            height={Math.min(outcome.height, 40 + headline.length * 16)}
            rx={8}
            className="walk-outcome-box"
          />
          <text x={outcome.x + 8} y={outcome.y + 20} className="walk-outcome-kind">
            {walk.outcome.kind === 'translated'
              ? '✓ Translated'
              : walk.outcome.kind === 'guest-page-fault'
                ? '#PF  Guest page fault'
                : '⚠ EPT violation'}
          </text>
          {headline.map((line, i) => (
            <text key={i} x={outcome.x + 8} y={outcome.y + 40 + i * 16} className="walk-outcome-line">
              {line}
            </text>
          ))}
        </g>
      </svg>
      {current !== null && walk.steps[current - 1] && <p className="walk-current">{referenceSentence(walk.steps[current - 1])}</p>}
      <p className={`walk-outcome-text walk-outcome-${walk.outcome.kind}`}>
        <strong>{outcomeHeadline(walk.outcome)}.</strong> {walk.outcome.explanation}
      </p>
      {walk.invalidation && <p className="hint">{walk.invalidation}</p>}
      <ol className="walk-reference-list visually-hidden" aria-label="Memory references, in order">
        {walk.steps.map((s) => (
          <li key={s.step} aria-current={current === s.step ? 'step' : undefined} className={`walk-${stateOf(s.step, current)}`}>
            {referenceSentence(s)}
          </li>
        ))}
      </ol>
    </section>
  );
}
