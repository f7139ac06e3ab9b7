// @vitest-environment jsdom
// The explanation panel: the simulation's sentences appear, the polite live region carries
// the newest one, and the event log filters by kind.
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
      src.publish(fakeFrame(s, { events: [
        { seq: 1, timeMs: 100, kind: 'policy', vm: 2, text: 'ESX entered soft and raised idle\'s balloon target to 512 MiB' },
        { seq: 2, timeMs: 200, kind: 'host', vm: -1, text: 'The host swapped 12 MiB of web' },
      ] }));
      await new Promise((r) => setTimeout(r, 20));
    });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('The host swapped 12 MiB of web');
    expect(screen.getByRole('list', { name: 'Event log, newest first' }).children).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'policy' }));
    expect(screen.getByRole('list', { name: 'Event log, newest first' }).children).toHaveLength(1);
  });
});
