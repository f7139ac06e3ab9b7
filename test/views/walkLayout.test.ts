// layoutWalk and the walk's words as pure functions: one column per translated guest-physical
// address plus the outcome, EPT rows from the root down and the guest row at the bottom, every
// node inside the box and none overlapping, one arrow per reference; word wrapping.
import { describe, expect, it } from 'vitest';
import { translate, translateGuestPhysical } from '../../src/sim/walk/translate.ts';
import { columnsOf, layoutWalk } from '../../src/views/walk/layoutWalk.ts';
import { shortArithmetic, wrapWords } from '../../src/views/walk/walkText.ts';
import { addressOf, APP_PID, guestSwapping, findWalk, quietVm } from '../sim/walk/walkFixtures.ts';

describe('layoutWalk', () => {
  it('lays a 4 x 4 walk out as 5 columns of 4 EPT references over a guest entry', () => {
    const w = translate(quietVm(), 0, APP_PID, addressOf(5));
    const l = layoutWalk(w, 1200, 460);
    expect(l.columns.map((c) => c.translates)).toEqual(['guest PML4', 'guest PDPT', 'guest PD', 'guest PT', 'data']);
    expect(l.rows.map((r) => r.label)).toEqual(['EPT PML4', 'EPT PDPT', 'EPT PD', 'EPT PT', 'guest entry']);
    expect(l.nodes).toHaveLength(24);
    expect(l.nodes[4]).toMatchObject({ column: 0, row: 4 });
    expect(l.nodes[23]).toMatchObject({ column: 4, row: 3 });
    expect(l.links).toHaveLength(24);
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(l.rowLabelWidth);
      expect(n.x + n.width).toBeLessThanOrEqual(l.outcome.x);
      expect(n.y).toBeGreaterThanOrEqual(l.headerHeight);
      expect(n.y + n.height).toBeLessThanOrEqual(460);
    }
    const boxes = new Set(l.nodes.map((n) => `${n.column},${n.row}`));
    expect(boxes.size).toBe(24);
    expect(l.outcome.x + l.outcome.width).toBeLessThanOrEqual(1200);
  });

  it('an EPT-only walk is one column; a walk stopped by a guest fault ends at the guest row', () => {
    const s = quietVm();
    expect(layoutWalk(translateGuestPhysical(s, 0, 0), 600, 300).columns).toHaveLength(1);
    const { walk } = findWalk(guestSwapping(), 0, (w) => w.outcome.kind === 'guest-page-fault')!;
    const l = layoutWalk(walk, 1200, 460);
    expect(l.nodes[l.nodes.length - 1].row).toBe(4);
    expect(columnsOf(walk.steps)).toHaveLength(4);
  });

  it('takes its words from the step', () => {
    const w = translate(quietVm(), 0, APP_PID, addressOf(5));
    expect(shortArithmetic(w.steps[4])).toBe('bits 47-39 = 0xfe -> 254');
    expect(wrapWords('EPT violation (VM exit): ballooned: no EPT entry', 20)).toEqual([
      'EPT violation (VM',
      'exit): ballooned: no',
      'EPT entry',
    ]);
  });
});
