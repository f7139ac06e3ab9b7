// The app runs hosts as large as the browser's memory allows. Building the model allocates its
// page arrays at once (about 6 bytes per host frame and 17 per guest page, plus the keyframes
// the run engine keeps); when the browser refuses, the typed-array constructor throws a
// RangeError. This turns that into a message naming host.memoryMiB and a size that fits, found
// by asking the browser for the same arrays at halved sizes (freed at once).
import { HOST_PARAMS } from '../sim/scenario/params.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { PAGES_PER_MIB } from '../sim/units.ts';

/** Typed-array bytes of the model per 4 KiB page (host frames plus guest pages), with headroom
 * for the run's first keyframe (a copy of the arrays): twice the ~14 the benchmark measures. */
const BYTES_PER_PAGE = 28;

const isAllocationFailure = (e: unknown): boolean =>
  e instanceof RangeError && /allocation failed|invalid (typed )?array length|out of memory/i.test(e.message);

function fits(bytes: number): boolean {
  try {
    return new ArrayBuffer(bytes).byteLength === bytes;
  } catch {
    return false;
  }
}

/** The message for a load the browser had no memory for, or null if `e` is another failure. */
export function outOfMemoryMessage(scenario: Scenario, e: unknown): string | null {
  if (!isAllocationFailure(e)) return null;
  const hostMiB = scenario.host.memoryMiB;
  const vmMiB = scenario.vms.reduce((s, vm) => s + vm.memoryMiB, 0);
  const bytesFor = (scale: number): number => (hostMiB + vmMiB) * scale * PAGES_PER_MIB * BYTES_PER_PAGE;
  let scale = 0.5;
  while (scale * hostMiB >= HOST_PARAMS.memoryMiB.min && !fits(bytesFor(scale))) scale /= 2;
  const step = HOST_PARAMS.memoryMiB.step;
  const suggestion = Math.max(HOST_PARAMS.memoryMiB.min, Math.floor((scale * hostMiB) / step) * step);
  const gib = (mib: number): string => `${(mib / 1024).toFixed(mib < 1024 ? 2 : 0)} GiB`;
  return (
    `This browser cannot allocate the memory for host.memoryMiB = ${hostMiB} (${gib(hostMiB)} of host and ${gib(vmMiB)} of VMs need about ${gib(bytesFor(1) / 2 ** 20)} of page arrays, with a keyframe). ` +
    `A host of about ${suggestion} MiB with VM memory scaled to match fits here; the CLI (npm run sim) runs hosts up to ${HOST_PARAMS.memoryMiB.max} MiB. The current run is kept.`
  );
}
