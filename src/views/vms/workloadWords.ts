// What a VM's workload is, in words that cannot be misread: a file-cache VM's working set is
// in its files, its footprint is its heap, so each number is named for what it measures. Pure.
import type { WorkloadConfig } from '../../sim/scenario/types.ts';

const KIND_WORDS: Readonly<Record<string, string>> = {
  idle: 'idle',
  steady: 'steady program',
  ramp: 'growing program',
  phased: 'phased program',
  filecache: 'file reader',
  hog: 'memory hog',
};

/** "file reader: file working set 512 MiB of 768 MiB of files; heap 256 MiB". */
export function workloadWords(w: WorkloadConfig): string {
  const kind = KIND_WORDS[w.kind] ?? w.kind;
  if (w.kind === 'filecache')
    return `${kind}: file working set ${w.activeMiB} MiB of ${w.fileMiB} MiB of files; heap ${w.footprintMiB} MiB`;
  if (w.kind === 'hog') return `${kind}: grows to ${w.footprintMiB} MiB`;
  return `${kind}: working set ${w.activeMiB} MiB of ${w.footprintMiB} MiB touched`;
}

/** Slider labels for a VM's workload sizes, named as workloadWords names them. */
export function workloadLabels(name: string, w: WorkloadConfig): { active: string; footprint: string } {
  return w.kind === 'filecache'
    ? { active: `${name} file working set`, footprint: `${name} heap` }
    : { active: `${name} working set`, footprint: `${name} footprint` };
}
