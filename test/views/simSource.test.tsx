// @vitest-environment jsdom
// The adapter against the real store and frame bus: the views show the store's scenario,
// controls call its validated setters, selection and zoom land in its slices, and frames
// delivered on the bus reach the views and go back to the worker.
import './fixtures/setup.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { createAppSimSource, setPageInspector } from '../../src/views/data/simSource.ts';
import { useSimStore, initialState } from '../../src/state/store.ts';
import { deliverFrame, mapWindows } from '../../src/state/frameBus.ts';
import { setCommandSink } from '../../src/state/commandSink.ts';
import type { Command } from '../../src/worker/protocol.ts';
import { fakeFrame } from './fixtures/frames.ts';

afterEach(() => {
  useSimStore.setState({ ...initialState(), selectedPage: null, selectedVm: null, zoom: {}, hidden: [], theme: 'light' });
  setCommandSink(() => {});
  setPageInspector(null);
});

describe('simSource bound to the app store', () => {
  it('shows the store scenario and sets parameters through the store', () => {
    useSimStore.getState().togglePanel('settings', true);
    render(<PlayArea source={createAppSimSource()} />);
    const controls = within(screen.getByRole('region', { name: 'Settings' }));
    const eff = useSimStore.getState().effective;
    const slider = controls.getByRole('slider', { name: 'Host memory' });
    expect(slider).toHaveAttribute('aria-valuetext', `Host memory ${eff.host.memoryMiB} MiB`);
    const box = controls.getByRole('spinbutton', { name: 'Host memory (MiB)' });
    fireEvent.change(box, { target: { value: '2048' } });
    fireEvent.blur(box);
    expect(useSimStore.getState().effective.host.memoryMiB).toBe(2048);
  });

  it('selects pages in the store format and follows the theme', () => {
    const src = createAppSimSource();
    render(<PlayArea source={src} />);
    act(() => src.selectPage({ space: 'host', vm: 1, page: 12 }));
    expect(useSimStore.getState().selectedPage).toEqual({ space: 'host', vm: null, page: 12 });
    act(() => useSimStore.getState().setTheme('dark'));
    expect(document.querySelector('.play-area')).toHaveAttribute('data-theme', 'dark');
  });

  it('draws frames from the bus, asks for map windows and releases frames', async () => {
    const sent: Command[] = [];
    setCommandSink((c) => sent.push(c));
    render(<PlayArea source={createAppSimSource()} />);
    const s = useSimStore.getState().effective;
    await act(async () => {
      deliverFrame(fakeFrame(s));
      await new Promise((r) => setTimeout(r, 30));
      deliverFrame(fakeFrame(s, { seconds: 2 }));
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(mapWindows().host).toMatchObject({ firstPage: 0, pageCount: s.host.memoryMiB * 256 });
    expect(sent.some((c) => c.type === 'release')).toBe(true);
    expect(screen.getByRole('region', { name: 'Hypervisor' })).toHaveTextContent(/MiB free of/);
  });

  it('inspects pages through the plugged-in inspector', async () => {
    setPageInspector(async () => ({ space: 'host', frame: 12, use: 'guest anonymous', vm: 0, vmName: 'web', guestPage: 77, mappings: 1 }));
    const src = createAppSimSource();
    expect(src.canInspect).toBe(true);
    const d = await src.inspectPage({ space: 'host', vm: -1, page: 12 });
    expect(d?.counterpart).toEqual({ space: 'guest', vm: 0, page: 77 });
  });
});
