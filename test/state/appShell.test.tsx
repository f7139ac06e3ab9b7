// @vitest-environment jsdom
// The app shell driven by the store (views stubbed): notices show link text as text, never as
// markup; the error panel offers a restart; hotkeys run registry commands; the picker shows a
// changed scenario as Custom; hidden controls and embed mode leave controls out.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../src/views/PlayArea.tsx', () => ({ PlayArea: () => <div>play area</div> }));
import { App } from '../../src/app/App.tsx';
import { setCommandSink } from '../../src/state/commandSink.ts';
import { initialState, useSimStore } from '../../src/state/store.ts';
import type { Command } from '../../src/worker/protocol.ts';

let sent: Command[] = [];
beforeEach(() => {
  sent = [];
  setCommandSink((cmd) => sent.push(cmd));
  useSimStore.setState({ ...initialState(), notices: [], fatalError: null, hidden: [], embed: false, panels: [], playing: false });
});
afterEach(() => {
  cleanup();
  setCommandSink(() => {});
});

describe('app shell', () => {
  it('shows corrections as text only', () => {
    useSimStore
      .getState()
      .notify('warning', 'Some values in this link were not valid', ['vms[0].name: "<img src=x onerror=alert(1)>" is not valid']);
    const { container } = render(<App />);
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(container.querySelector('img')).toBe(null);
    fireEvent.click(screen.getByRole('button', { name: /Dismiss/ }));
    expect(useSimStore.getState().notices).toEqual([]);
  });

  it('shows the error panel with a restart button', () => {
    useSimStore.getState().setFatalError({ message: 'The simulation worker stopped', detail: 'stack' });
    render(<App />);
    expect(screen.getByRole('alert').textContent).toMatch(/The simulation worker stopped/);
    expect(screen.getByRole('button', { name: 'Restart from the current link' })).toBeTruthy();
  });

  it('runs commands from buttons and hotkeys', () => {
    render(<App />);
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    fireEvent.click(screen.getByRole('button', { name: /Run fast/ }));
    expect(sent).toEqual([{ type: 'play' }, { type: 'step', ticks: 10 }, { type: 'stepBack', ticks: 1 }, { type: 'runFast' }]);
    expect(screen.getByRole('row', { name: /Shift\+→ Step ten ticks/ })).toBeTruthy();
  });

  it('names a changed scenario Custom, and hides what a teacher link hides', () => {
    useSimStore.getState().setParam('host.memoryMiB', 8192);
    useSimStore.setState({ hidden: ['share', 'speed'] });
    render(<App />);
    expect((screen.getByRole('combobox', { name: /Scenario/ }) as HTMLSelectElement).selectedOptions[0].textContent).toMatch(/^Custom/);
    expect(screen.queryByRole('button', { name: 'Share' })).toBe(null);
    expect(screen.queryByRole('combobox', { name: /Speed/ })).toBe(null);
  });

  it('Share shows the link and customizes a focus link that hides controls', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    const link = (await screen.findByTestId('share-link')) as HTMLInputElement;
    await waitFor(() => expect(link.value).toMatch(/#v=2&scn=host-runs-short&seed=4/));
    expect(link.value).not.toMatch(/hide=/);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Speed' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Scenario picker' }));
    await waitFor(() => expect(link.value).toMatch(/hide=speed%2Cscenario$/));
    expect(screen.getByRole('combobox', { name: /Scenario/ })).toBeTruthy();
  });

  it('embed mode keeps the time controls and links to the full simulator', () => {
    useSimStore.setState({ embed: true });
    render(<App />);
    expect(screen.getByRole('link', { name: 'Open full simulator' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: /Scenario/ })).toBe(null);
    expect(screen.getByRole('group', { name: 'Time controls' })).toBeTruthy();
  });
});
