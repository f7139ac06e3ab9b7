// @vitest-environment jsdom
// The glossary: every term has a definition; <Term> shows it as a tooltip on keyboard focus
// and on hover, describes the word through aria-describedby, and Escape hides it; the first
// screen's domain words are terms.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Term } from '../../src/views/glossary/Term.tsx';
import { TERMS } from '../../src/views/glossary/terms.ts';
import { PlayArea } from '../../src/views/PlayArea.tsx';
import { localSource } from './fixtures/frames.ts';

describe('glossary terms', () => {
  it('defines every term in a sentence', () => {
    for (const [id, text] of Object.entries(TERMS)) expect(text, id).toMatch(/^[A-Z].{30,}\.$/);
  });

  it("shows the definition on focus and hover, as the word's description, and hides it with Escape", async () => {
    render(
      <p>
        A <Term id="balloon">balloon</Term> inflates.
      </p>,
    );
    const word = screen.getByText('balloon');
    expect(screen.queryByRole('tooltip')).toBeNull();
    await userEvent.tab();
    expect(word).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(TERMS.balloon);
    expect(word).toHaveAccessibleDescription(TERMS.balloon);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.blur(word);
    fireEvent.mouseEnter(word.parentElement!);
    expect(screen.getByRole('tooltip')).toHaveTextContent(TERMS.balloon);
    fireEvent.mouseLeave(word.parentElement!);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it("marks the first screen's domain words as terms", () => {
    render(<PlayArea source={localSource()} />);
    const described = new Set([...document.querySelectorAll('.term')].map((t) => t.textContent));
    for (const w of [
      'balloons',
      'guest-physical memory',
      'EPT',
      'inflate',
      'deflate',
      'host frames',
      'memory pressure',
      'Swap storage',
      'Hypervisor',
      'Policy',
      'Host',
    ]) {
      expect(described, w).toContain(w);
    }
  });
});
