// @vitest-environment jsdom
// The memory maps as components: the role="img" summary after a frame, the keyboard cursor
// and its readout, selection into the store, zoom that asks the worker for a smaller window,
// the table alternative, and the counterpart from page inspection.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { fakeFrame, localSource, presetScenario } from './fixtures/frames.ts';

const hostMap = () => screen.getByRole('img', { name: /^Host physical frames/ });

async function withFrame() {
  const s = presetScenario();
  const src = localSource(s, {
    inspect: (ref) => ({
      ref,
      counterpart: ref.space === 'host' ? { space: 'guest', vm: 1, page: 7 } : { space: 'host', vm: ref.vm, page: 42 },
      text: `inspected ${ref.space} ${ref.page}`,
    }),
  });
  render(<PlayArea source={src} />);
  await act(async () => {
    src.publish(fakeFrame(s, { windows: src.windows }));
    await new Promise((r) => setTimeout(r, 20));
  });
  return src;
}

describe('memory maps', () => {
  it('asks the worker for a window of every map', async () => {
    const src = await withFrame();
    expect(src.windows.get('host')).toMatchObject({ firstPage: 0, pageCount: 1048576 });
    expect(src.windows.get('guest:2')).toMatchObject({ firstPage: 0, pageCount: 393216 });
  });

  it('summarises the host map in its label', async () => {
    await withFrame();
    await waitFor(() => expect(hostMap().getAttribute('aria-label')).toMatch(/frames 0 to 1048575 \(4096 MiB\).*Largest:/), {
      timeout: 3000,
    });
  });

  it('reads the cell under the keyboard cursor and selects it with Enter', async () => {
    const src = await withFrame();
    hostMap().focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    const figure = hostMap().closest('figure')!;
    expect(within(figure as HTMLElement).getByText(/^Host frames \d+-\d+\. Owner: .*State: /)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(src.store.getState().selection.selectedPage).toMatchObject({ space: 'host' });
  });

  it('zooms in with + by asking for half the pages', async () => {
    const src = await withFrame();
    hostMap().focus();
    await userEvent.keyboard('+');
    expect(src.store.getState().zoom.host?.pageCount).toBe(524288);
    expect(src.windows.get('host')?.pageCount).toBe(524288);
    await userEvent.click(screen.getByRole('button', { name: 'Show all of Host physical frames' }));
    expect(src.windows.get('host')?.pageCount).toBe(1048576);
  });

  it('zooms down to single frames', async () => {
    const src = await withFrame();
    const zoomIn = screen.getByRole('button', { name: 'Zoom in on Host physical frames' });
    for (let i = 0; i < 20; i++) await userEvent.click(zoomIn);
    const w = src.windows.get('host')!;
    expect(w.cells).toBe(w.pageCount);
    expect(screen.getAllByText('1 page/cell').length).toBeGreaterThan(0);
  });

  it('selects the page under the cursor in the new window even before the zoomed frame arrives', async () => {
    const src = await withFrame();
    hostMap().focus();
    await userEvent.keyboard('+++{ArrowRight}{ArrowRight}{Enter}');
    const w = src.store.getState().zoom.host!;
    const page = src.store.getState().selection.selectedPage!.page;
    expect(page).toBeGreaterThanOrEqual(w.firstPage);
    expect(page).toBeLessThan(w.firstPage + w.pageCount);
    expect(screen.getByText(/updating to the new zoom/)).toBeInTheDocument();
  });

  it('names the guest page behind a single host frame under the cursor', async () => {
    const src = await withFrame();
    hostMap().focus();
    await userEvent.keyboard('{Home}' + '+'.repeat(14) + '{ArrowRight}');
    expect(src.windows.get('host')?.cells).toBe(src.windows.get('host')?.pageCount);
    expect(await screen.findByText(/Guest-physical page 7 of db$/)).toBeInTheDocument();
  });

  it('offers the map as a table', async () => {
    await withFrame();
    await userEvent.click(screen.getByRole('button', { name: 'View Host physical frames as table' }));
    expect(screen.getByRole('table', { name: 'Host physical frames: states in the shown window' })).toBeInTheDocument();
  });

  it('shows the selected page and its counterpart from inspection', async () => {
    const src = await withFrame();
    act(() => src.selectPage({ space: 'guest', vm: 0, page: 5 }));
    expect(await screen.findByText('inspected guest 5')).toBeInTheDocument();
    expect(screen.getByText(/Guest-physical page 5 of web/)).toBeInTheDocument();
  });

  it('says what is missing when the worker cannot inspect', async () => {
    const s = presetScenario();
    const src = localSource(s);
    render(<PlayArea source={src} />);
    act(() => src.selectPage({ space: 'host', vm: 2, page: 9 }));
    expect(screen.getByText(/in idle's map \(outlined\)/)).toBeInTheDocument();
  });
});
