// @vitest-environment jsdom
// The page-walk region wired in the play area, through the stand-in SimSource answering walks
// from a real simulation (exploreWalk, as the worker does): the address field (a bad entry gets
// a message naming the field and the range, and nothing is asked), a ballooned page's EPT
// violation with the reason, the region buttons and pickers, the toggles' counts from the
// answer, stepping with aria-current, a host-frame click, and the map's walk outline.
import './fixtures/setup.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Simulation } from '../../src/sim/Simulation.ts';
import { exploreWalk, resolvePick, type WalkPick, type WalkWhatIf } from '../../src/sim/walk/index.ts';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { fakeFrame, localSource, presetScenario } from './fixtures/frames.ts';

const scenario = presetScenario();
let sim: Simulation;
beforeAll(() => {
  sim = new Simulation(scenario);
  sim.run(20);
});
const answer = (pick: WalkPick, whatIf: WalkWhatIf) => exploreWalk(sim, resolvePick(sim, pick), whatIf);

async function mount() {
  const src = localSource(scenario, { walk: answer });
  src.togglePanel('walk', true);
  render(<PlayArea source={src} />);
  await act(async () => {
    src.publish(fakeFrame(scenario, { windows: src.windows }));
    await new Promise((r) => setTimeout(r, 10));
  });
  const region = screen.getByRole('region', { name: /page walk/i });
  return { src, region, r: within(region) };
}

describe('the page-walk region', () => {
  it('starts with a hint, and refuses a bad address with a message naming the field and the range', async () => {
    const { src, region, r } = await mount();
    expect(region).toHaveAttribute('data-walk-state', 'empty');
    expect(r.getByText(/Pick what to walk/)).toBeInTheDocument();
    await userEvent.type(r.getByLabelText('Guest virtual address'), 'banana{Enter}');
    expect(r.getByRole('alert')).toHaveTextContent('Guest virtual address: "banana" is not a hex address. Allowed: 0x0 to 0x7fffffffffff');
    expect(r.getByLabelText('Guest virtual address')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(r.getByLabelText('Guest virtual address'));
    await userEvent.type(r.getByLabelText('Guest virtual address'), '0x900000000000{Enter}');
    expect(r.getByRole('alert')).toHaveTextContent("is outside the process's address space");
    expect(src.store.getState().walk.answer).toBeNull();
  });

  it('walks a typed address: a cold 4 x 4 walk of 24 references, stepped one at a time', async () => {
    const { region, r } = await mount();
    await userEvent.type(r.getByLabelText('Guest virtual address'), '0x7f0000005123{Enter}');
    expect(region).toHaveAttribute('data-walk-references', '24');
    expect(r.getByRole('heading', { name: /Page walk of guest-virtual 0x7f0000005123 in web: 24 memory references/ })).toBeInTheDocument();
    const list = r.getByRole('list', { name: 'Memory references, in order' });
    for (let i = 1; i <= 24; i++) {
      await userEvent.click(r.getByRole('button', { name: 'Next reference' }));
      expect(within(list).getAllByRole('listitem')[i - 1]).toHaveAttribute('aria-current', 'step');
      expect(r.getByText(`Reference ${i} of 24`)).toBeInTheDocument();
    }
    expect(r.getByRole('button', { name: 'Next reference' })).toBeDisabled();
  });

  it('a ballooned page: its EPT walk ends in an EPT violation, with the reason and why the guest never touches it', async () => {
    const { region, r } = await mount();
    fireEvent.change(r.getByLabelText('VM'), { target: { value: '2' } });
    await userEvent.click(r.getByRole('button', { name: 'A ballooned page' }));
    expect(region).toHaveAttribute('data-walk-outcome', 'ept-violation');
    expect(r.getByText(/EPT violation \(VM exit\): ballooned: no EPT entry\./)).toBeInTheDocument();
    expect(r.getAllByText(/The guest never touches it/).length).toBeGreaterThan(0);
    const gap = r.getByRole('region', { name: /Semantic gap/ });
    expect(within(gap).getByText('balloon')).toBeInTheDocument();
    expect(within(gap).getByText(/EPT entry: ballooned/)).toBeInTheDocument();
  });

  it("the toggles show the worker's counts, and a cache toggle asks again", async () => {
    const { src, r } = await mount();
    await userEvent.click(r.getByRole('button', { name: 'Start of its mapping' }));
    expect(r.getByText(/Cold walk: 24 memory references/)).toBeInTheDocument();
    const pwc = r.getByRole('checkbox', { name: /Page walk cache: 24 -> 6 references/ });
    await userEvent.click(pwc);
    expect(src.store.getState().walk.whatIf.pageWalkCache).toBe(true);
    expect(src.store.getState().walk.answer?.walk.memoryReferences).toBe(6);
    expect(r.getAllByRole('radio', { name: /2 MiB large pages: 6 -> \d+ references/ })).toHaveLength(2);
  });

  it('a click on a host frame walks the guest page it backs, and the step outlines its table page in the maps', async () => {
    const { src, region } = await mount();
    const frame = sim.vms[0].ept.entries[4000] & 0xffffff;
    act(() => src.pickWalk({ space: 'host-physical', frame }));
    expect(src.store.getState().walk.target).toEqual({ space: 'guest-physical', vm: 0, gpa: `0x${(4000 * 4096).toString(16)}` });
    expect(region).toHaveAttribute('data-walk-references', '4');
    act(() => src.setWalkStep(2));
    expect(
      document.querySelectorAll('.memory-map-host .map-mark-walk').length +
        document.querySelectorAll('.memory-map-guest .map-mark-walk').length,
    ).toBeGreaterThan(0);
  });

  it('a host frame that backs no guest page says so, and the app keeps working', async () => {
    const { src, r } = await mount();
    const free = sim.hv.frames.owner.findIndex((o) => o <= -4);
    act(() => src.pickWalk({ space: 'host-physical', frame: free }));
    expect(r.getByRole('alert')).toHaveTextContent(`host frame ${free} backs no guest page: it is free`);
    await userEvent.click(r.getByRole('button', { name: 'End of its mapping' }));
    expect(src.store.getState().walk.error).toBeNull();
  });
});
