// Two policies side by side on one clock: the run on screen (left) and the same VMs and
// workload with the comparison's changes (right), as small multiples with the same scales.
// The changes are listed, so the difference is named; Stop comparing clears them.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../state/store.ts';
import { comparedScenario } from '../../url/compareKeys.ts';
import { CompareSide } from './CompareSide.tsx';
import { useSides } from './useSides.ts';
import './compare.css';

export function CompareView() {
  const [compare, scenario] = useSimStore(useShallow((s) => [s.compare, s.scenario]));
  const [a, b] = useSides();
  if (!compare) return null;
  const second = comparedScenario(scenario, compare);
  return (
    <section className="compare-view" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare</h2>
      <p className="compare-changes">
        Right side changes: {compare.map((c) => `${c.path} = ${String(c.value)}`).join(', ')}. Same VMs, workload and seed, one clock.
      </p>
      <div className="compare-sides">
        <CompareSide side={a} kind={scenario.policy.kind} which="Left" />
        {second && <CompareSide side={b} kind={second.policy.kind} which="Right" />}
      </div>
    </section>
  );
}
