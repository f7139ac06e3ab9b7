// The host's physical frames: the host map with its legend (states by shade and pattern, VMs
// by colour) and selection wiring (click a frame to select it and walk the guest page it backs;
// its guest page is highlighted when the worker can say which one).
import { HOST_CELL_COUNT, HOST_CELL_NAMES } from '../../snapshot/cellCodes.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { buildHostLut } from '../theme/hostLut.ts';
import { cssColor, PALETTES, vmRgb } from '../theme/themes.ts';
import { Legend } from './Legend.tsx';
import { MemoryMap } from './MemoryMap.tsx';
import { mibToPages } from './units.ts';
import { pageIn, type CounterpartView } from './useCounterpart.ts';
import { useWalkMark } from '../walk/useWalkMark.ts';

const STATE_ITEMS = HOST_CELL_NAMES.map((name, code) => ({ code, name })).filter((it) => it.code < HOST_CELL_COUNT);

export function HostMapView({ cp, heightPx }: { cp: CounterpartView; heightPx: number }) {
  const sim = useSim();
  const scenario = sim.useScenario();
  const theme = sim.useTheme();
  const names = scenario.vms.map((v) => v.name);
  const palette = PALETTES[theme];
  const mark = useWalkMark();
  return (
    <div className="host-map">
      <MemoryMap
        id="host"
        kind="host"
        vm={-1}
        title="Host physical frames"
        heightPx={heightPx}
        totalPages={mibToPages(scenario.host.memoryMiB)}
        vmNames={names}
        focusVm={cp.hostFocusVm}
        selectedPage={pageIn(cp.selected, 'host')}
        counterpartPage={pageIn(cp.counterpart, 'host')}
        walkPage={mark?.hostFrame ?? null}
        onSelect={(page, owner) => {
          sim.selectPage({ space: 'host', vm: owner < names.length ? owner : -1, page });
          sim.pickWalk({ space: 'host-physical', frame: page });
        }}
      />
      <div className="legends">
        <div className="legend">
          <span className="legend-title">Owner (colour)</span>
          <ul>
            {names.map((n, i) => (
              <li key={i}>
                <span className="legend-dot" style={{ background: cssColor(vmRgb(palette, i)) }} aria-hidden="true" />
                {n}
              </li>
            ))}
          </ul>
        </div>
        <Legend title="Frame state (shade and pattern, shown for the first VM)" lut={buildHostLut(palette)} items={STATE_ITEMS} />
      </div>
    </div>
  );
}
