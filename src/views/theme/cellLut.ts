// A colour lookup table for map cells: for each key, the cell's base colour, the ink colour of
// its pattern, and the pattern. Colours are packed as little-endian RGBA words, the byte order
// of ImageData on every browser we target, so painting writes one Uint32 per pixel.
import type { Rgb } from './themes.ts';
import { luminance } from './themes.ts';
import { Pattern } from '../map/patterns.ts';

export interface CellLut {
  /** Keys per owner slot (the cell-code count); key = code + stride * ownerSlot. */
  stride: number;
  base: Uint32Array;
  ink: Uint32Array;
  pattern: Uint8Array;
}

export const packRgba = (c: Rgb, alpha = 255): number => ((alpha << 24) | (c[2] << 16) | (c[1] << 8) | c[0]) >>> 0;
export const unpackRgba = (v: number): [number, number, number, number] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];

export interface LutEntry {
  base: Rgb;
  pattern: Pattern;
  /** Pattern ink; by default dark or light, whichever shows on the base colour. */
  ink?: Rgb;
}

export function makeLut(size: number, stride: number): CellLut {
  return { stride, base: new Uint32Array(size), ink: new Uint32Array(size), pattern: new Uint8Array(size) };
}

export function setEntry(lut: CellLut, key: number, e: LutEntry, inkDark: Rgb, inkLight: Rgb): void {
  lut.base[key] = packRgba(e.base);
  lut.ink[key] = packRgba(e.ink ?? (luminance(e.base) > 0.3 ? inkDark : inkLight));
  lut.pattern[key] = e.pattern;
}

/** The entry stored under a key, unpacked (legends and tests). */
export function lutEntry(lut: CellLut, key: number): { base: number[]; ink: number[]; pattern: number } {
  return { base: unpackRgba(lut.base[key]), ink: unpackRgba(lut.ink[key]), pattern: lut.pattern[key] };
}
