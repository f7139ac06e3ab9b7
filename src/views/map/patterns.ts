// Fill patterns for map cells, so a cell's state never rests on colour alone: each pattern is
// an 8x8 bit mask tiled in screen pixels (global x, y), so neighbouring cells of one state
// form one continuous texture even when a cell is a single pixel.
export const enum Pattern {
  Solid = 0,
  /** Diagonal lines "/": balloon pages. */
  Hatch = 1,
  CrossHatch = 2,
  Dots = 3,
  HorizontalLines = 4,
  VerticalLines = 5,
  Checker = 6,
  SparseDots = 7,
  /** Diagonal lines "\" */
  BackHatch = 8,
}
export const PATTERN_COUNT = 9;
export const PATTERN_NAMES = [
  'solid',
  'hatched',
  'cross-hatched',
  'dotted',
  'horizontal lines',
  'vertical lines',
  'checkered',
  'sparse dots',
  'back-hatched',
] as const;

const TILE = 8;

function makeMask(ink: (x: number, y: number) => boolean): Uint8Array {
  const m = new Uint8Array(TILE * TILE);
  for (let y = 0; y < TILE; y++) for (let x = 0; x < TILE; x++) m[y * TILE + x] = ink(x, y) ? 1 : 0;
  return m;
}

/** PATTERN_MASKS[p][(y & 7) * 8 + (x & 7)] = 1 where pattern p puts ink. */
export const PATTERN_MASKS: readonly Uint8Array[] = [
  makeMask(() => false),
  makeMask((x, y) => (x + y) % 4 === 0),
  makeMask((x, y) => (x + y) % 4 === 0 || (x - y + 8) % 4 === 0),
  makeMask((x, y) => x % 3 === 1 && y % 3 === 1),
  makeMask((_x, y) => y % 3 === 0),
  makeMask((x) => x % 3 === 0),
  makeMask((x, y) => ((x >> 1) + (y >> 1)) % 2 === 0),
  makeMask((x, y) => x % 4 === 1 && y % 4 === 1),
  makeMask((x, y) => (x - y + 8) % 4 === 0),
];

export const patternInk = (pattern: number, x: number, y: number): boolean => PATTERN_MASKS[pattern][(y & 7) * TILE + (x & 7)] === 1;
