// A 32-bit hash of a simulation's whole state (every typed array, counter, list and map
// reachable from it, in a fixed order, less the display's change stamps), shown in the debug panel and used by the determinism
// tests: the same scenario (with its schedule) and seed must give the same hash in any engine.

import { ChangeStamps } from './ChangeStamps.ts';

function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x >>> 0), 0x01000193) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return mix(h, s.length);
}

function mixNumber(h: number, x: number): number {
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return mix(mix(h, 1), x);
  const f = new Float64Array([x]);
  const u = new Uint32Array(f.buffer);
  return mix(mix(mix(h, 2), u[0]), u[1]);
}

export function stateHash(root: unknown): number {
  const seen = new Set<object>();
  const walk = (h: number, v: unknown): number => {
    switch (typeof v) {
      case 'number':
        return mixNumber(h, v);
      case 'string':
        return mixString(h, v);
      case 'boolean':
        return mix(h, v ? 3 : 4);
      case 'undefined':
        return mix(h, 5);
      case 'object':
        break;
      default:
        return h;
    }
    if (v === null) return mix(h, 6);
    if (seen.has(v)) return mix(h, 7);
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const view: ArrayBufferView = v;
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const words = Math.floor(bytes.length / 4);
      const u32 = view.byteOffset % 4 === 0 ? new Uint32Array(view.buffer, view.byteOffset, words) : null;
      for (let i = 0; i < words; i++)
        h = mix(h, u32 ? u32[i] : bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24));
      for (let i = words * 4; i < bytes.length; i++) h = mix(h, bytes[i]);
      return mix(h, bytes.length);
    }
    if (Array.isArray(v)) {
      for (const x of v) h = walk(h, x);
      return mix(h, v.length);
    }
    if (v instanceof Map) {
      for (const [k, x] of v) h = walk(walk(h, k), x);
      return mix(h, v.size);
    }
    for (const key of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[key];
      if (x instanceof ChangeStamps) continue; // display bookkeeping, not model state
      h = walk(mixString(h, key), x);
    }
    return h;
  };
  return walk(0x811c9dc5, root);
}

/** The hash as 8 hex digits, as the debug panel shows it. */
export const stateHashHex = (root: unknown): string => stateHash(root).toString(16).padStart(8, '0');
