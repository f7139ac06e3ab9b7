// @vitest-environment jsdom
// The glossary: every term has a definition; <Term> shows it as a tooltip on keyboard focus
// and on hover, describes the word through aria-describedby, and Escape hides it; the first
// screen's domain words are terms; running text (event sentences, "why?", the Settings labels)
// marks each term's first phrase.
import './fixtures/setup.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Term } from '../../src/views/glossary/Term.tsx';
import { TERMS } from '../../src/views/glossary/terms.ts';
import { splitTerms } from '../../src/views/glossary/termPhrases.ts';
import { eventSentence, WHY } from '../../src/views/explain/eventWords.ts';
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

  it('marks the first phrase of each term in running text, and nothing twice', () => {
    const sentence = eventSentence({ type: 'double-paging' }, () => 'web');
    const parts = splitTerms(sentence);
    expect(parts[0]).toEqual({ text: 'Double paging', term: 'doublePaging' });
    expect(parts.map((p) => p.text).join('')).toBe(sentence);
    const why = splitTerms(WHY.host).filter((p) => p.term);
    expect(why.map((p) => p.term)).toContain('doublePaging');
    expect(new Set(why.map((p) => p.term)).size).toBe(why.length);
    expect(splitTerms('web shares')).toEqual([{ text: 'web ' }, { text: 'shares', term: 'shares' }]);
    expect(splitTerms('Host swap latency')).toEqual([{ text: 'Host swap', term: 'hostSwap' }, { text: ' latency' }]);
    expect(splitTerms('Nothing to see here.')).toEqual([{ text: 'Nothing to see here.' }]);
  });

  it('marks shares and page sharing in the Settings labels, where they are shown', () => {
    const src = localSource();
    src.togglePanel('settings', true);
    render(<PlayArea source={src} />);
    const settings = screen.getByRole('region', { name: 'Settings' });
    const marked = [...settings.querySelectorAll('.term')].map((t) => t.textContent);
    expect(marked).toContain('shares');
    expect(marked).toContain('Page sharing');
    // The label still names its control: the tooltip is not part of the name while hidden.
    expect(screen.getByRole('combobox', { name: 'Page sharing' })).toBeTruthy();
  });
});
