// @vitest-environment jsdom
// The generated controls, driven by role and name: sliders with aria-valuetext from the
// parameter schema (in the Settings panel), the pressure multiplier and the swap-storage choice
// (on the first screen), the live policy switch, adding and removing VMs, and teacher-hidden
// controls.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { localSource } from './fixtures/frames.ts';
import { POSITIONS } from '../../src/views/controls/sliderScale.ts';

const controls = () => within(screen.getByRole('region', { name: 'Controls' }));
const settings = () => within(screen.getByRole('region', { name: 'Settings' }));
/** The play area with the Settings panel open. */
function renderOpen(src = localSource()) {
  src.togglePanel('settings', true);
  render(<PlayArea source={src} />);
  return src;
}

describe('controls generated from the parameter schema', () => {
  it('labels each slider with its unit in aria-valuetext', () => {
    renderOpen();
    const host = settings().getByRole('slider', { name: 'Host memory' });
    expect(host).toHaveAttribute('aria-valuetext', 'Host memory 4096 MiB');
    expect(settings().getByRole('slider', { name: 'web working set' })).toHaveAttribute('aria-valuetext', 'web working set 384 MiB');
    expect(settings().getByRole('slider', { name: 'db file working set' })).toHaveAttribute(
      'aria-valuetext',
      'db file working set 512 MiB',
    );
    expect(settings().getByRole('slider', { name: 'db heap' })).toHaveAttribute('aria-valuetext', 'db heap 256 MiB');
    expect(settings().getByRole('slider', { name: 'Host swap latency' })).toHaveAttribute('aria-valuetext', 'Host swap latency 200 µs');
  });

  it('moves host memory through the store setter, snapped to the spec step', () => {
    const src = renderOpen();
    fireEvent.change(settings().getByRole('slider', { name: 'Host memory' }), { target: { value: String(POSITIONS) } });
    expect(src.store.getState().scenario.host.memoryMiB).toBe(1048576);
    expect(settings().getByRole('slider', { name: 'Host memory' })).toHaveAttribute('aria-valuetext', 'Host memory 1048576 MiB');
  });

  it('steps by a twentieth of the range with the arrow keys', async () => {
    const src = renderOpen();
    const s = settings().getByRole('slider', { name: 'web shares' });
    s.focus();
    await userEvent.keyboard('{End}');
    expect(src.store.getState().scenario.vms[0].shares).toBe(1000000);
    await userEvent.keyboard('{ArrowLeft}');
    const shares = src.store.getState().scenario.vms[0].shares;
    expect(shares).toBeLessThan(1000000);
    expect(settings().getByRole('slider', { name: 'web shares' })).toHaveAttribute('value', String(POSITIONS - POSITIONS / 20));
  });

  it('accepts an exact value in the number box on Enter, and Escape restores it', async () => {
    const src = renderOpen();
    const box = settings().getByRole('spinbutton', { name: 'Host memory (MiB)' });
    await userEvent.clear(box);
    await userEvent.type(box, '3000');
    expect(src.store.getState().scenario.host.memoryMiB).toBe(4096);
    await userEvent.keyboard('{Enter}');
    expect(src.store.getState().scenario.host.memoryMiB).toBe(3008);
    await userEvent.clear(box);
    await userEvent.type(box, '5{Escape}');
    expect(box).toHaveValue(3008);
  });

  it('scales every working set and footprint with the memory pressure slider', () => {
    const src = renderOpen();
    const before = src.store.getState().scenario.vms.map((v) => v.workload.activeMiB);
    const slider = controls().getByRole('slider', { name: 'Memory pressure' });
    expect(slider).toHaveAttribute('aria-valuetext', 'Memory pressure 1 ×, normal demand');
    fireEvent.change(slider, { target: { value: String(POSITIONS) } });
    const after = src.store.getState().scenario.vms.map((v) => v.workload.activeMiB);
    expect(after).toEqual(before.map((b) => Math.round((b * 3) / 16) * 16));
    expect(controls().getByRole('slider', { name: 'Memory pressure' })).toHaveAttribute(
      'aria-valuetext',
      'Memory pressure 3 ×, heavy demand',
    );
  });

  it('switches the policy live', async () => {
    const src = renderOpen();
    await userEvent.selectOptions(settings().getByRole('combobox', { name: 'Policy' }), 'none');
    expect(src.store.getState().scenario.policy.kind).toBe('none');
    expect(settings().queryByRole('slider', { name: 'web balloon target' })).toBeNull();
  });

  it('puts host swap and every guest disk on the chosen swap storage, and says what it means', async () => {
    const src = renderOpen();
    expect(controls().getByText(/Set by hand \(200 µs\): reading a page back takes 0.2 ms/)).toBeInTheDocument();
    await userEvent.click(controls().getByRole('radio', { name: 'Hard disk' }));
    const s = src.store.getState().scenario;
    expect(s.host.swapLatencyUs).toBe(8000);
    expect(s.vms.map((v) => v.guestDiskLatencyUs)).toEqual([8000, 8000, 8000]);
    expect(controls().getByRole('radio', { name: 'Hard disk' })).toBeChecked();
    expect(controls().getByText(/reading a page back takes 8 ms/)).toBeInTheDocument();
    expect(settings().getByRole('slider', { name: 'Host swap latency' })).toHaveAttribute('aria-valuetext', 'Host swap latency 8000 µs');
  });

  it('adds and removes VMs', async () => {
    const src = renderOpen();
    await userEvent.click(settings().getByRole('button', { name: 'Add VM' }));
    expect(src.store.getState().scenario.vms.map((v) => v.name)).toEqual(['web', 'db', 'idle', 'vm4']);
    expect(screen.getByRole('article', { name: 'vm4' })).toBeInTheDocument();
    expect(src.windows.has('guest:3')).toBe(true);
    await userEvent.click(settings().getByRole('button', { name: 'Remove db' }));
    expect(src.store.getState().scenario.vms.map((v) => v.name)).toEqual(['web', 'idle', 'vm4']);
    expect(src.windows.has('guest:3')).toBe(false);
  });

  it('hides controls a teacher link hides', () => {
    const src = renderOpen();
    act(() => src.setHidden(['host.memoryMiB', 'pressure', 'vms']));
    expect(settings().queryByRole('slider', { name: 'Host memory' })).toBeNull();
    expect(controls().queryByRole('slider', { name: 'Memory pressure' })).toBeNull();
    expect(settings().queryByRole('button', { name: 'Add VM' })).toBeNull();
  });
});
