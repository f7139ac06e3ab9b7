// @vitest-environment jsdom
// The detail panels: closed on the first screen, each opened and closed by its disclosure
// button (aria-expanded, aria-controls naming the region), kept in the link's panel list; the
// charts stay mounted while hidden. And the workload words that replaced "working set 1024 MiB,
// footprint 512 MiB" for a file reader.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { workloadWords } from '../../src/views/vms/workloadWords.ts';
import { localSource, presetScenario } from './fixtures/frames.ts';

describe('detail panels', () => {
  it('open and close from their disclosure buttons', async () => {
    const src = localSource();
    render(<PlayArea source={src} />);
    expect(screen.queryByRole('region', { name: 'Settings' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Over time' })).toBeNull();
    const settings = screen.getByRole('button', { name: '▸ Settings' });
    expect(settings).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(settings);
    expect(screen.getByRole('button', { name: '▾ Settings' })).toHaveAttribute('aria-expanded', 'true');
    const region = screen.getByRole('region', { name: 'Settings' });
    expect(region.parentElement!.id).toBe(settings.getAttribute('aria-controls'));
    expect(src.store.getState().panels).toEqual(['settings']);
    await userEvent.click(screen.getByRole('button', { name: '▸ Charts' }));
    expect(screen.getByRole('region', { name: 'Over time' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: '▾ Charts' }));
    expect(screen.queryByRole('region', { name: 'Over time' })).toBeNull();
    expect(document.querySelector('.charts-section')).not.toBeNull(); // hidden, still recording
    await userEvent.click(screen.getByRole('button', { name: '▾ Settings' }));
    expect(screen.queryByRole('region', { name: 'Settings' })).toBeNull();
    expect(src.store.getState().panels).toEqual([]);
  });

  it("names a file reader's numbers for what they measure", () => {
    const db = presetScenario().vms[1].workload;
    expect(workloadWords(db)).toBe('file reader: file working set 512 MiB of 1024 MiB of files; heap 256 MiB');
    expect(workloadWords(presetScenario().vms[0].workload)).toBe('steady program: working set 384 MiB of 1024 MiB touched');
  });
});
