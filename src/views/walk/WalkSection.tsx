// The page-walk region of the play area: pick what to walk (WalkPicker, or a click on any map),
// then the walk the worker computed: the translation toggles with the worker's live counts, the
// stepper (previous, next, play), the two-layer diagram and the semantic gap of the page
// reached. The current reference's table page is outlined in the maps too (walkAnswer.markOf).
// data-walk-state (empty, pending, ready, error) and data-walk-references say where it stands.
import { useRef } from 'react';
import { APP_PID } from '../../sim/guest/Workload.ts';
import { whatIfOf, type WalkSettings } from '../../sim/walk/index.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { useElementWidth } from '../map/useElementWidth.ts';
import { countsOf, gapProps } from './walkAnswer.ts';
import { WalkExplorer } from './WalkExplorer.tsx';
import { WalkPicker } from './WalkPicker.tsx';
import { EPT_ONLY_HINT, LEVELS_HINT, PICK_HINT, targetSentence } from './walkText.ts';
import { useWalkPlay } from './useWalkPlay.ts';
import './walk.css';

/** Narrowest layout of the diagram, px: its boxes hold their text; a narrower region shows the
 * diagram scaled down (walk.css: max-width 100%) rather than overflowing boxes. */
const MIN_DIAGRAM_WIDTH_PX = 1150;

export function WalkSection() {
  const sim = useSim();
  const w = sim.useWalk();
  const { selectedVm } = sim.useSelection();
  const ref = useRef<HTMLElement>(null);
  const width = useElementWidth(ref, 1000);
  const answer = w.answer;
  const total = answer?.walk.steps.length ?? 0;
  // A linked step past the end of this walk shows its last reference.
  const step = w.step === null ? null : Math.min(w.step, Math.max(1, total));
  const play = useWalkPlay(step, total, sim.setWalkStep);
  const vm = w.target?.vm ?? answer?.target.vm ?? selectedVm ?? 0;
  const pid = w.target?.space === 'guest-virtual' ? w.target.pid : APP_PID;
  const onSettings = (next: WalkSettings): void => {
    if (answer && (next.guestLevels !== answer.settings.guestLevels || next.eptLevels !== answer.settings.eptLevels)) {
      sim.setParam('host.eptLevels', next.eptLevels);
      sim.setParam(`vms.${vm}.pageTableLevels`, next.guestLevels);
    } else sim.setWalkWhatIf(whatIfOf(next, w.whatIf.write));
  };
  const state = w.error ? 'error' : w.pending ? 'pending' : answer ? 'ready' : 'empty';
  return (
    <section
      ref={ref}
      className="panel walk-section"
      aria-labelledby="walk-heading"
      aria-busy={w.pending}
      data-walk-state={state}
      data-walk-references={answer?.walk.memoryReferences}
      data-walk-outcome={answer?.walk.outcome.kind}
    >
      <h2 id="walk-heading">Page walk: from a guest address to a host frame</h2>
      <WalkPicker
        vm={vm}
        pid={pid}
        gva={w.target?.space === 'guest-virtual' ? w.target.gva : null}
        processes={answer?.target.vm === vm ? answer.processes : []}
      />
      {w.error && (
        <p className="walk-error" role="alert">
          {w.error}
        </p>
      )}
      {!answer && <p className="hint">{PICK_HINT}</p>}
      {answer && (
        <>
          <p className="walk-target">{targetSentence(answer.target, answer.vmName)}</p>
          {answer.walk.kind === 'ept-only' && <p className="hint">{EPT_ONLY_HINT}</p>}
          <WalkExplorer
            walk={answer.walk}
            step={step}
            playing={play.playing}
            onStep={sim.setWalkStep}
            onPlay={play.toggle}
            settings={answer.settings}
            onSettings={onSettings}
            countsFor={countsOf(answer)}
            gap={answer.gap ? gapProps(answer.gap) : undefined}
            label={answer.vmName}
            widthPx={Math.max(MIN_DIAGRAM_WIDTH_PX, width - 26)}
          />
          <p className="hint">{LEVELS_HINT}</p>
        </>
      )}
    </section>
  );
}
