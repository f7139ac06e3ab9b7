// The colour lookup tables: distinct look for every state (colour AND pattern), a colour per VM,
// focus fading, and the same guarantees in every theme.
import { describe, expect, it } from 'vitest';
import { buildHostLut, NO_OWNER_SLOT, ownerSlot } from '../../src/views/theme/hostLut.ts';
import { buildBackingLut, buildGuestUseLut } from '../../src/views/theme/guestLut.ts';
import { PALETTES, THEMES, luminance, mix } from '../../src/views/theme/themes.ts';
import { HOST_CELL_COUNT, GUEST_CELL_COUNT, BACKING_CELL_COUNT, NO_OWNER, GuestCell, BackingCell } from '../../src/snapshot/cellCodes.ts';
import { Pattern } from '../../src/views/map/patterns.ts';
import { type CellLut, unpackRgba } from '../../src/views/theme/cellLut.ts';

const looks = (lut: CellLut, keys: number[]): string[] => keys.map((k) => `${lut.base[k]}/${lut.pattern[k]}`);

describe.each(THEMES)('LUTs in the %s theme', (theme) => {
  const p = PALETTES[theme];

  it('gives every host state of a VM a different look', () => {
    const lut = buildHostLut(p);
    const keys = Array.from({ length: HOST_CELL_COUNT }, (_, c) => c + HOST_CELL_COUNT * 1);
    expect(new Set(looks(lut, keys)).size).toBe(HOST_CELL_COUNT);
  });

  it('tells guest-used host states apart by pattern or shade, not hue alone', () => {
    const lut = buildHostLut(p);
    const patterns = [2, 3, 4, 5, 6, 7, 8].map((c) => lut.pattern[c]);
    const lums = [2, 3, 4, 5, 6, 7, 8].map((c) => {
      const [r, g, b] = unpackRgba(lut.base[c]);
      return luminance([r, g, b]);
    });
    const combos = new Set(patterns.map((pt, i) => `${pt}:${Math.round(lums[i] / 0.08)}`));
    expect(combos.size).toBe(7);
  });

  it('gives every guest page kind and every backing kind a different look', () => {
    const use = buildGuestUseLut(p, 0);
    expect(
      new Set(
        looks(
          use,
          Array.from({ length: GUEST_CELL_COUNT }, (_, i) => i),
        ),
      ).size,
    ).toBe(GUEST_CELL_COUNT);
    const back = buildBackingLut(p);
    expect(
      new Set(
        looks(
          back,
          Array.from({ length: BACKING_CELL_COUNT }, (_, i) => i),
        ),
      ).size,
    ).toBe(BACKING_CELL_COUNT);
  });

  it('hatches balloon pages in both layers', () => {
    expect(buildGuestUseLut(p, 2).pattern[GuestCell.Balloon]).toBe(Pattern.Hatch);
    expect(buildBackingLut(p).pattern[BackingCell.Ballooned]).toBe(Pattern.Hatch);
  });
});

describe('host LUT owners', () => {
  const p = PALETTES.colorblind;
  it('colours anonymous frames by owning VM', () => {
    const lut = buildHostLut(p);
    const anon = (vm: number): number => lut.base[4 + HOST_CELL_COUNT * vm];
    expect(new Set([0, 1, 2, 3, 4, 5].map(anon)).size).toBe(6);
  });
  it('maps no owner to its own slot', () => {
    expect(ownerSlot(NO_OWNER)).toBe(NO_OWNER_SLOT);
    expect(ownerSlot(3)).toBe(3);
  });
  it('fades other VMs when one is in focus', () => {
    const plain = buildHostLut(p);
    const focus = buildHostLut(p, 1);
    expect(focus.base[4 + HOST_CELL_COUNT]).toBe(plain.base[4 + HOST_CELL_COUNT]);
    expect(focus.base[4 + HOST_CELL_COUNT * 2]).not.toBe(plain.base[4 + HOST_CELL_COUNT * 2]);
  });
});

describe('colour helpers', () => {
  it('mixes and measures luminance', () => {
    expect(mix([0, 0, 0], [255, 255, 255], 0.5)).toEqual([128, 128, 128]);
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([0, 0, 0])).toBe(0);
  });
});
