// @vitest-environment jsdom
// The explanation panel: the simulation's sentences appear, the polite live region carries
// the newest one, and the event log filters by kind; the charts draw with summaries and offer a
// table.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { fakeFrame, localSource, presetScenario } from './fixtures/frames.ts';

describe('what just happened', () => {
  it('shows the latest sentences and announces the newest politely', async () => {
    const s = presetScenario();
    const src = localSource(s);
    render(<PlayArea source={src} />);
    await act(async () => {
      src.publish(
        fakeFrame(s, {
          events: [
            {
              seq: 1,
              timeMs: 100,
              type: 'vmware-target',
              product: 'esx',
              vm: 2,
              targetPages: 512 * 256,
              raised: true,
              entitlementPages: 600 * 256,
              activeEstimatePages: 100 * 256,
            },
            { seq: 2, timeMs: 200, type: 'host-swapped', changePages: 48 * 256, swapPages: 48 * 256 },
          ],
        }),
      );
      await new Promise((r) => setTimeout(r, 20));
    });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('The host swapped out 48 MiB of guest pages it cannot see into (48 MiB in host swap).');
    expect(
      screen.getAllByText(/ESX raised idle's balloon target to 512 MiB \(target allocation 600 MiB, active estimate 100 MiB\)/).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('list', { name: 'Event log, newest first' }).children).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'policy' }));
    expect(screen.getByRole('list', { name: 'Event log, newest first' }).children).toHaveLength(1);
  });
});

describe('charts', () => {
  it('draws six charts with a summary each and offers them as a table', async () => {
    const s = presetScenario();
    const src = localSource(s);
    src.togglePanel('charts', true);
    render(<PlayArea source={src} />);
    await act(async () => {
      src.publish(fakeFrame(s, { seconds: 1 }));
      src.publish(fakeFrame(s, { seconds: 2 }));
      await new Promise((r) => setTimeout(r, 300));
    });
    const charts = screen.getByRole('region', { name: 'Over time' });
    expect(charts.querySelectorAll('figure.chart')).toHaveLength(6);
    expect(screen.getByRole('img', { name: /^Host free memory \(log scale\), now: free \d+ MiB$/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'View charts as table' }));
    const table = screen.getByRole('table', { name: /Charts as numbers/ });
    expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(10);
  });
});
