// One VM's guest-physical memory: the guest map (what the guest keeps in each page, with the
// host's backing of that page in a strip under each row); and the legends all guest maps share.
// Picking a page selects it and walks it through the EPT (the page walk region shows the walk).
import { BACKING_CELL_NAMES, GUEST_CELL_NAMES } from '../../snapshot/cellCodes.ts';
import { guestMapId } from '../data/simTypes.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { buildBackingLut, buildGuestUseLut } from '../theme/guestLut.ts';
import { PALETTES, type Theme } from '../theme/themes.ts';
import { Legend } from './Legend.tsx';
import { MemoryMap } from './MemoryMap.tsx';
import { mibToPages } from './units.ts';
import { pageIn, type CounterpartView } from './useCounterpart.ts';
import { useWalkMark } from '../walk/useWalkMark.ts';
import { PAGE_SIZE_BYTES } from '../../sim/units.ts';

const USE_ITEMS = GUEST_CELL_NAMES.map((name, code) => ({ code, name }));
const BACKING_ITEMS = BACKING_CELL_NAMES.map((name, code) => ({ code, name }));

export function GuestMapView({ vm, cp, heightPx }: { vm: number; cp: CounterpartView; heightPx: number }) {
  const sim = useSim();
  const scenario = sim.useScenario();
  const config = scenario.vms[vm];
  const mark = useWalkMark();
  return (
    <div className={`guest-map${cp.ownerVm === vm ? ' guest-map-owner' : ''}`}>
      <MemoryMap
        id={guestMapId(vm)}
        kind="guest"
        vm={vm}
        title={`${config.name} guest-physical memory`}
        heightPx={heightPx}
        totalPages={mibToPages(config.memoryMiB)}
        vmNames={scenario.vms.map((v) => v.name)}
        selectedPage={pageIn(cp.selected, 'guest', vm)}
        counterpartPage={pageIn(cp.counterpart, 'guest', vm)}
        walkPage={mark?.vm === vm ? mark.guestPage : null}
        onSelect={(page) => {
          sim.selectPage({ space: 'guest', vm, page });
          sim.pickWalk({ space: 'guest-physical', vm, gpa: `0x${(page * PAGE_SIZE_BYTES).toString(16)}` });
        }}
      />
    </div>
  );
}

/** The two guest-map legends, shown once for all VMs. */
export function GuestLegends({ theme }: { theme: Theme }) {
  const palette = PALETTES[theme];
  return (
    <div className="legends">
      <Legend title="Guest use (upper band of each row)" lut={buildGuestUseLut(palette, 0)} items={USE_ITEMS} />
      <Legend title="Host backing, the EPT entry (thin strip under each row)" lut={buildBackingLut(palette)} items={BACKING_ITEMS} />
    </div>
  );
}
