// The four view themes and their palettes: light, dark, projector (high contrast) and a
// colour-blind-safe one (Okabe-Ito VM colours). The canvas maps read these palettes through
// lookup tables (theme/hostLut.ts, theme/guestLut.ts); CSS reads the matching custom
// properties from styles/themes.css. Colours are [r, g, b] bytes.
export type Theme = 'light' | 'dark' | 'projector' | 'colorblind';
export const THEMES: readonly Theme[] = ['light', 'dark', 'projector', 'colorblind'];
export type Rgb = readonly [number, number, number];

export interface Palette {
  /** Map background and free frames. */
  background: Rgb;
  free: Rgb;
  /** Pattern ink on light cells and on dark cells. */
  inkDark: Rgb;
  inkLight: Rgb;
  hypervisor: Rgb;
  /** Colour of a VM by index (wraps around). */
  vms: readonly Rgb[];
  /** Guest-physical page kinds (guest map). */
  kernel: Rgb;
  pageTable: Rgb;
  cache: Rgb;
  balloon: Rgb;
  offline: Rgb;
  /** Backing strip of the guest map. */
  backed: Rgb;
  shared: Rgb;
  hostSwapped: Rgb;
  compressed: Rgb;
  /** Highlight of a selected cell or counterpart. */
  highlight: Rgb;
}

/** Okabe & Ito (2008) palette, the usual colour-blind-safe choice, without black. */
const OKABE_ITO: readonly Rgb[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
  [120, 120, 120],
];

const TABLEAU: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [89, 161, 79],
  [176, 122, 161],
  [118, 183, 178],
  [225, 87, 89],
  [237, 201, 72],
  [156, 117, 95],
];

const LIGHT: Palette = {
  background: [255, 255, 255],
  free: [236, 238, 241],
  inkDark: [30, 34, 40],
  inkLight: [255, 255, 255],
  hypervisor: [90, 96, 106],
  vms: TABLEAU,
  kernel: [70, 78, 92],
  pageTable: [120, 130, 146],
  cache: [95, 160, 215],
  balloon: [214, 48, 96],
  offline: [190, 190, 190],
  backed: [60, 66, 76],
  shared: [126, 87, 194],
  hostSwapped: [213, 94, 0],
  compressed: [200, 170, 20],
  highlight: [255, 200, 0],
};

const DARK: Palette = {
  ...LIGHT,
  background: [24, 27, 32],
  free: [46, 51, 59],
  inkDark: [10, 12, 15],
  inkLight: [235, 238, 242],
  hypervisor: [140, 148, 160],
  kernel: [150, 160, 176],
  pageTable: [110, 120, 136],
  cache: [90, 150, 210],
  offline: [70, 70, 70],
  backed: [190, 196, 206],
  highlight: [255, 220, 60],
};

const PROJECTOR: Palette = {
  ...LIGHT,
  free: [255, 255, 255],
  inkDark: [0, 0, 0],
  hypervisor: [0, 0, 0],
  vms: [
    [0, 70, 200],
    [220, 110, 0],
    [0, 140, 60],
    [170, 0, 140],
    [0, 150, 190],
    [200, 0, 0],
    [140, 120, 0],
    [90, 90, 90],
  ],
  kernel: [40, 40, 40],
  backed: [0, 0, 0],
  highlight: [255, 170, 0],
};

const COLORBLIND: Palette = {
  ...LIGHT,
  vms: OKABE_ITO,
  cache: [86, 180, 233],
  balloon: [204, 121, 167],
  shared: [0, 114, 178],
  hostSwapped: [213, 94, 0],
  compressed: [240, 228, 66],
};

export const PALETTES: Readonly<Record<Theme, Palette>> = { light: LIGHT, dark: DARK, projector: PROJECTOR, colorblind: COLORBLIND };

export const vmRgb = (palette: Palette, vm: number): Rgb =>
  palette.vms[((vm % palette.vms.length) + palette.vms.length) % palette.vms.length];

/** "rgb(r g b)" for CSS and SVG. */
export const cssColor = (c: Rgb): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** Mixes a colour toward another: t = 0 gives a, 1 gives b. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

/** Relative luminance (WCAG), 0..1: picks pattern ink that stays visible on a colour. */
export function luminance(c: Rgb): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}
