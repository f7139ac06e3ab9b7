// @vitest-environment jsdom
// The page-walk views by role and name: the region is named for the page walk; its ordered list
// has one item per reference (24 for a cold 4 x 4 walk, 35 for 5 x 5); every outcome is spelled
// out; the current step is highlighted and later ones dimmed; the stepper calls back; the
// toggles show what each saves and update the walk; the semantic-gap panel shows both sides.
import './fixtures/setup.ts';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { EPT_BALLOONED } from '../../src/sim/host/Ept.ts';
import { translate, translateGuestPhysical, DEFAULT_WALK_SETTINGS } from '../../src/sim/walk/index.ts';
import type { Walk } from '../../src/sim/walk/walkTypes.ts';
import { PageWalkDiagram, SemanticGapPanel, WalkStepper, WalkToggles } from '../../src/views/walk/index.ts';
import { sim } from '../helpers/scenario.ts';
import { addressOf, APP_PID, findWalk, guestSwapping, overcommitted, PAGE_BYTES, quietVm } from '../sim/walk/walkFixtures.ts';
import { demoSims, gapFor, WalkDemo } from './fixtures/walkDemo.tsx';

const references = () =>
  within(screen.getByRole('region', { name: /page walk/i })).getByRole('list', { name: 'Memory references, in order' });

describe('PageWalkDiagram', () => {
  it('lists the 24 references of a cold 4 x 4 walk in a region named for the page walk', () => {
    const s = quietVm();
    render(<PageWalkDiagram walk={translate(s, 0, APP_PID, addressOf(5, 0x123))} />);
    expect(screen.getByRole('region', { name: 'Two-layer page walk' })).toBeInTheDocument();
    const items = within(references()).getAllByRole('listitem');
    expect(items).toHaveLength(24);
    expect(items[4]).toHaveTextContent(
      'Reference 5 (guest entry): guest PML4, bits 47-39 of guest-virtual 0x7f0000005123 = 0xfe -> entry 254',
    );
    expect(items[4]).toHaveTextContent(/entry at guest-physical 0x[0-9a-f]+7f0, read at host-physical 0x[0-9a-f]+7f0/);
    expect(screen.getByRole('img', { name: /24 memory references/ })).toBeInTheDocument();
    expect(screen.getByText(/^Host frame 0x[0-9a-f]+: host-physical 0x[0-9a-f]+123\.$/)).toBeInTheDocument();
  });

  it('lists 35 references for 5-level paging in both dimensions', () => {
    const s = quietVm({ eptLevels: 5 }, { pageTableLevels: 5 });
    render(<PageWalkDiagram walk={translate(s, 0, APP_PID, addressOf(5))} />);
    expect(within(references()).getAllByRole('listitem')).toHaveLength(35);
  });

  const outcomeText = (walk: Walk) => {
    const { unmount } = render(<PageWalkDiagram walk={walk} />);
    const text = screen.getByRole('region', { name: /page walk/i }).textContent!;
    unmount();
    return text;
  };

  it('spells out a guest page fault for a page in guest swap', () => {
    const s = guestSwapping();
    const { walk } = findWalk(s, 0, (w) => w.outcome.kind === 'guest-page-fault' && w.outcome.cause === 'guest-swapped')!;
    expect(outcomeText(walk)).toContain('Guest page fault (#PF): the page is in guest swap');
  });

  it('spells out an EPT violation on a ballooned page, and why the guest never touches it', () => {
    const s = quietVm();
    s.vms[0].config.balloon.targetMiB = 8;
    s.run(3);
    const gpfn = s.vms[0].ept.entries.findIndex((e) => e === EPT_BALLOONED);
    const text = outcomeText(translateGuestPhysical(s, 0, gpfn * PAGE_BYTES));
    expect(text).toContain('EPT violation (VM exit): ballooned: no EPT entry');
    expect(text).toContain('The guest never touches it: its balloon driver holds the page');
  });

  it('spells out host-swapped, never-touched (a zeroed frame) and copy-on-write violations', () => {
    const over = overcommitted(false);
    const swapped = findWalk(over, 0, (w) => w.outcome.kind === 'ept-violation' && w.outcome.cause === 'host-swapped', false, 3)!.walk;
    expect(outcomeText(swapped)).toContain('EPT violation (VM exit): host-swapped');
    const q = quietVm();
    expect(outcomeText(translateGuestPhysical(q, 0, (q.vms[0].ept.pages - 1) * PAGE_BYTES))).toContain(
      'never touched: a zeroed frame is allocated',
    );
    const shared = sim(findPreset('identical-vms')!.scenario);
    shared.run(10);
    const cow = findWalk(shared, 0, (w) => w.outcome.kind === 'ept-violation' && w.outcome.cause === 'copy-on-write', true, 3)!.walk;
    expect(outcomeText(cow)).toContain('write to a shared page: copy-on-write');
  });

  it('highlights the current reference and dims the later ones', () => {
    const { container } = render(<PageWalkDiagram walk={translate(quietVm(), 0, APP_PID, addressOf(5))} currentStep={5} />);
    const items = within(references()).getAllByRole('listitem');
    expect(items[4]).toHaveAttribute('aria-current', 'step');
    expect(items.filter((li) => li.getAttribute('aria-current'))).toHaveLength(1);
    expect(items[3]).toHaveClass('walk-done');
    expect(items[5]).toHaveClass('walk-later');
    expect(container.querySelector('[data-step="5"]')).toHaveClass('walk-current');
    expect(container.querySelector('[data-step="6"]')).toHaveClass('walk-later');
    expect(container.querySelector('.walk-outcome')).toHaveClass('walk-later');
  });
});

describe('WalkStepper', () => {
  it('calls back, and cannot go before the first or past the last reference', async () => {
    const on = { onPrevious: vi.fn(), onNext: vi.fn(), onPlay: vi.fn() };
    const { rerender } = render(<WalkStepper step={1} total={24} playing={false} {...on} />);
    expect(screen.getByRole('button', { name: 'Previous reference' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next reference' }));
    await userEvent.click(screen.getByRole('button', { name: 'Play walk' }));
    expect(on.onNext).toHaveBeenCalledOnce();
    expect(on.onPlay).toHaveBeenCalledOnce();
    expect(screen.getByRole('status')).toHaveTextContent('Reference 1 of 24');
    rerender(<WalkStepper step={24} total={24} playing {...on} />);
    expect(screen.getByRole('button', { name: 'Next reference' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Play walk' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('WalkToggles', () => {
  it("shows what each toggle saves, from the reference's planned walk", async () => {
    const onChange = vi.fn();
    render(<WalkToggles settings={DEFAULT_WALK_SETTINGS} onChange={onChange} />);
    expect(screen.getByRole('checkbox', { name: 'Page walk cache: 24 -> 6 references' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Nested TLB: 24 -> 4 references' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'TLB: 24 -> 0 references' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /5-level paging .*: 24 -> 35 references/ })).toBeInTheDocument();
    const host = screen.getByRole('group', { name: 'Host pages (the EPT)' });
    expect(within(host).getByRole('radio', { name: '2 MiB large pages: 24 -> 19 references' })).toBeInTheDocument();
    expect(within(host).getByRole('radio', { name: '1 GiB large pages: 24 -> 14 references' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Page walk cache/ }));
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_WALK_SETTINGS, pageWalkCache: true });
  });

  it("update the walk shown: a real simulation's walk gets shorter", async () => {
    const sims = demoSims(findPreset('balloon-by-hand')!.scenario, 2);
    render(<WalkDemo sims={sims} target={{ vm: 0, gva: 0x7f0000000000 }} />);
    expect(screen.getByRole('heading', { name: /24 memory references/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Page walk cache: 24 -> 6 references' }));
    expect(screen.getByRole('heading', { name: /6 memory references \(18 of 24 entries answered by caches\)/ })).toBeInTheDocument();
    expect(within(references()).getAllByRole('listitem')).toHaveLength(24);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Nested TLB: 6 -> 1 references' }));
    expect(screen.getByRole('heading', { name: /1 memory references/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Nested TLB: 6 -> 1 references' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Page walk cache: 24 -> 6 references' }));
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Host pages (the EPT)' })).getByRole('radio', {
        name: '1 GiB large pages: 24 -> 14 references',
      }),
    );
    expect(screen.getByRole('heading', { name: /14 memory references/ })).toBeInTheDocument();
    expect(within(references()).getAllByRole('listitem')).toHaveLength(14);
  });
});

describe('SemanticGapPanel', () => {
  it('puts what the guest knows beside the little the hypervisor sees', () => {
    const s = quietVm();
    s.vms[0].config.balloon.targetMiB = 8;
    s.run(3);
    const gpfn = s.vms[0].ept.entries.findIndex((e) => e === EPT_BALLOONED);
    render(<SemanticGapPanel {...gapFor(s, 0, gpfn)} />);
    const panel = screen.getByRole('region', { name: /Semantic gap: guest-physical page 0x/ });
    expect(panel).toHaveTextContent('balloon');
    expect(panel).toHaveTextContent('Unbacked: no host frame');
    expect(panel).toHaveTextContent('And nothing more.');
  });
});
