// Validation of untrusted scenario input (files, CLI, links). Every value is checked against
// the parameter tables; a message names the field, the value and the allowed range. In
// 'strict' mode any problem rejects the input; in 'clamp' mode (links) out-of-range values are
// clamped to the nearest allowed value and each correction is listed, and only unreadable
// structure is an error. A format 1 scenario is format 2 without a schedule (the migration);
// the schedule is read last, against the scenario it runs on (scheduleValidate.ts).
import { allowedText, type ConfigOf, type ParamSpec, type SpecTable } from './paramSpec.ts';
import {
  BALLOON_PARAMS,
  HOST_PARAMS,
  MAX_HOST_MIB,
  MAX_VMS,
  OLDER_FORMATS,
  SCENARIO_FORMAT,
  TOP_PARAMS,
  VM_NAME_SPEC,
  VM_PARAMS,
  WORKLOAD_PARAMS,
} from './params.ts';
import type { ParamValue, PolicyKind, Scenario, VmConfig } from './types.ts';
import { readSchedule } from './scheduleValidate.ts';
import { POLICY_KINDS_ALL, policyEntry } from '../policy/catalog.ts';
import { moveLegacyKeys } from './legacyKeys.ts';
import { ENTRIES_PER_TABLE, mibToPages, pagesToMib } from '../units.ts';

export type ValidationMode = 'strict' | 'clamp';
/** Largest total of guest memory the model accepts, MiB: twice the largest host (2 TiB), so the
 * largest host can still be overcommitted 2:1. */
export const MAX_TOTAL_VM_MIB = 2 * MAX_HOST_MIB;

export type ValidationResult =
  { ok: true; scenario: Scenario; corrections: string[]; warnings: string[] } | { ok: false; errors: string[] };

interface Ctx {
  mode: ValidationMode;
  errors: string[];
  corrections: string[];
  warnings: string[];
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problem(ctx: Ctx, field: string, value: unknown, spec: ParamSpec, fixed: ParamValue | undefined): ParamValue | undefined {
  const text = `${field}: ${show(value)} is not valid (${allowedText(spec)})`;
  if (ctx.mode === 'clamp' && fixed !== undefined) {
    ctx.corrections.push(`${text}; using ${show(fixed)}`);
    return fixed;
  }
  ctx.errors.push(text);
  return undefined;
}

/** Reads one value against its spec; returns the default when absent. */
export function readValue(ctx: Ctx, field: string, raw: unknown, spec: ParamSpec): ParamValue {
  if (raw === undefined) return spec.default;
  switch (spec.kind) {
    case 'number': {
      const n = typeof raw === 'string' && ctx.mode === 'clamp' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return problem(ctx, field, raw, spec, spec.default) ?? spec.default;
      let v = spec.integer ? Math.round(n) : n;
      v = Math.min(spec.max, Math.max(spec.min, v));
      if (v !== n) return problem(ctx, field, raw, spec, v) ?? spec.default;
      return v;
    }
    case 'enum':
      if (typeof raw === 'string' && spec.options.includes(raw)) return raw;
      return problem(ctx, field, raw, spec, spec.default) ?? spec.default;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (ctx.mode === 'clamp' && (raw === 'true' || raw === '1')) return true;
      if (ctx.mode === 'clamp' && (raw === 'false' || raw === '0')) return false;
      return problem(ctx, field, raw, spec, spec.default) ?? spec.default;
    case 'string':
      if (typeof raw === 'string' && spec.pattern.test(raw)) return raw;
      return problem(ctx, field, raw, spec, spec.default) ?? spec.default;
  }
}

/** Reads every key of a table; the result is typed by the table itself (ConfigOf). */
function readTable<T extends SpecTable>(ctx: Ctx, path: string, raw: unknown, table: T, extraKeys: readonly string[] = []): ConfigOf<T> {
  const obj = isRecord(raw) ? raw : {};
  if (raw !== undefined && !isRecord(raw)) ctx.errors.push(`${path}: expected an object, got ${show(raw)}`);
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(table)) out[key] = readValue(ctx, `${path}.${key}`, obj[key], spec);
  for (const key of Object.keys(obj)) {
    if (!(key in table) && !extraKeys.includes(key)) ctx.warnings.push(`${path}.${key}: unknown key, ignored`);
  }
  // readValue returns each spec's own value type (its default, or a value the spec admits), so
  // `out` holds exactly ConfigOf<T>: this is the one place a checked object takes its type.
  return out as ConfigOf<T>;
}

function crossCheck(ctx: Ctx, field: string, value: number, limit: number, relation: string): number {
  if (value <= limit) return value;
  const text = `${field}: ${value} must be at most ${relation} (${limit})`;
  if (ctx.mode === 'clamp') {
    ctx.corrections.push(`${text}; using ${limit}`);
    return limit;
  }
  ctx.errors.push(text);
  return value;
}

const NAME_PATTERN = VM_NAME_SPEC.pattern;

function readVm(ctx: Ctx, raw: unknown, i: number, policyKind: PolicyKind): VmConfig {
  const path = `vms[${i}]`;
  const obj = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) ctx.errors.push(`${path}: expected an object, got ${show(raw)}`);
  const vmTable = policyEntry(policyKind)?.vmParams ?? {};
  const base = readTable(ctx, path, obj, VM_PARAMS, ['name', 'balloon', 'workload', ...Object.keys(vmTable)]);
  const name = typeof obj.name === 'string' && NAME_PATTERN.test(obj.name) ? obj.name : `vm${i + 1}`;
  if (obj.name !== undefined && name !== obj.name) {
    const text = `${path}.name: ${show(obj.name)} is not valid (${allowedText(VM_NAME_SPEC)})`;
    if (ctx.mode === 'clamp') ctx.corrections.push(`${text}; using "${name}"`);
    else ctx.errors.push(text);
  }
  const vm: VmConfig = {
    name,
    ...base,
    balloon: readTable(ctx, `${path}.balloon`, obj.balloon, BALLOON_PARAMS),
    workload: readTable(ctx, `${path}.workload`, obj.workload, WORKLOAD_PARAMS),
    policy: readTable(ctx, path, obj, vmTable, Object.keys(obj)),
  };
  vm.minMiB = crossCheck(ctx, `${path}.minMiB`, vm.minMiB, vm.memoryMiB, 'the VM memory');
  vm.kernelMiB = crossCheck(ctx, `${path}.kernelMiB`, vm.kernelMiB, Math.floor(vm.memoryMiB / 2), 'half the VM memory');
  vm.balloon.targetMiB = crossCheck(
    ctx,
    `${path}.balloon.targetMiB`,
    vm.balloon.targetMiB,
    vm.memoryMiB - vm.kernelMiB,
    'the VM memory less its kernel memory',
  );
  const w = vm.workload;
  if (w.kind === 'filecache')
    w.activeMiB = crossCheck(ctx, `${path}.workload.activeMiB`, w.activeMiB, w.fileMiB, 'the file data (fileMiB)');
  else w.activeMiB = crossCheck(ctx, `${path}.workload.activeMiB`, w.activeMiB, w.footprintMiB, 'the footprint');
  return vm;
}

/** Host frames every VM needs from the start: its EPT table pages and its kernel's pages. */
export function bootFramesNeeded(vm: VmConfig, eptLevels: number): number {
  const pages = mibToPages(vm.memoryMiB);
  let tables = 0;
  for (let level = 1, n = pages; level <= eptLevels; level++) {
    n = Math.max(1, Math.ceil(n / ENTRIES_PER_TABLE));
    tables += n;
  }
  return tables + mibToPages(vm.kernelMiB);
}

/** The host must at least hold every VM's EPT and booted kernel. */
function checkHostFitsVms(ctx: Ctx, host: Scenario['host'], vms: VmConfig[]): void {
  const needed = vms.reduce((s, vm) => s + bootFramesNeeded(vm, host.eptLevels), 0);
  const have = mibToPages(host.memoryMiB);
  if (needed <= have) return;
  const step = HOST_PARAMS.memoryMiB.step;
  const neededMiB = Math.ceil(pagesToMib(needed) / step) * step;
  const text = `host.memoryMiB: ${host.memoryMiB} MiB cannot hold the VMs' EPT tables and booted kernels (${neededMiB} MiB needed)`;
  if (ctx.mode === 'clamp' && neededMiB <= HOST_PARAMS.memoryMiB.max) {
    ctx.corrections.push(`${text}; using ${neededMiB}`);
    host.memoryMiB = neededMiB;
  } else ctx.errors.push(text);
}

/** Validates an untrusted scenario object, its schedule included. Never throws. */
export function validateScenario(input: unknown, mode: ValidationMode = 'strict'): ValidationResult {
  const model = validateModel(input, mode);
  if (!model.ok || !isRecord(input) || input.schedule === undefined) return model;
  const read = readSchedule(input.schedule, model.scenario, mode, validateModel);
  if (read.errors.length > 0) return { ok: false, errors: read.errors };
  return { ...model, scenario: { ...model.scenario, schedule: read.schedule }, corrections: [...model.corrections, ...read.corrections] };
}

/** Validates everything but the schedule (the result's schedule is empty). */
function validateModel(given: unknown, mode: ValidationMode): ValidationResult {
  const ctx: Ctx = { mode, errors: [], corrections: [], warnings: [] };
  if (!isRecord(given)) return { ok: false, errors: [`scenario: expected a JSON object, got ${show(given)}`] };
  const input = moveLegacyKeys(given, ctx.warnings);
  if (input.format !== SCENARIO_FORMAT && !(OLDER_FORMATS as readonly unknown[]).includes(input.format)) {
    const text = `format: ${show(input.format)} is not a known scenario format (allowed: ${[...OLDER_FORMATS, SCENARIO_FORMAT].join(', ')})`;
    if (mode === 'clamp' && input.format === undefined) ctx.corrections.push(`${text}; reading it as format ${SCENARIO_FORMAT}`);
    else return { ok: false, errors: [text] };
  }
  if (input.format === 1 && input.schedule !== undefined)
    return { ok: false, errors: ['schedule: a schedule needs "format": 2 (format 1 has none)'] };
  const top = readTable(ctx, 'scenario', input, TOP_PARAMS, ['format', 'name', 'host', 'policy', 'vms', 'schedule']);
  const host = readTable(ctx, 'host', input.host, HOST_PARAMS);
  const rawPolicy = isRecord(input.policy) ? input.policy : {};
  if (input.policy !== undefined && !isRecord(input.policy)) ctx.errors.push(`policy: expected an object, got ${show(input.policy)}`);
  let kind = (rawPolicy.kind ?? 'manual') as PolicyKind;
  if (!POLICY_KINDS_ALL.includes(kind) || !policyEntry(kind)) {
    const known = POLICY_KINDS_ALL.filter((k) => policyEntry(k));
    const text = `policy.kind: ${show(rawPolicy.kind)} is not valid (allowed: ${known.join(', ')})`;
    if (mode === 'clamp') ctx.corrections.push(`${text}; using "manual"`);
    else ctx.errors.push(text);
    kind = 'manual';
  }
  const policyParams = readTable(ctx, 'policy', rawPolicy, policyEntry(kind)!.params, ['kind']);
  const rawVms = input.vms;
  const vms: VmConfig[] = [];
  if (!Array.isArray(rawVms) || rawVms.length === 0) {
    ctx.errors.push(`vms: expected a list of 1 to ${MAX_VMS} VMs, got ${show(rawVms)}`);
  } else {
    if (rawVms.length > MAX_VMS) {
      const text = `vms: ${rawVms.length} VMs is too many (allowed 1 to ${MAX_VMS})`;
      if (mode === 'clamp') ctx.corrections.push(`${text}; keeping the first ${MAX_VMS}`);
      else ctx.errors.push(text);
    }
    rawVms.slice(0, MAX_VMS).forEach((raw, i) => vms.push(readVm(ctx, raw, i, kind)));
  }
  const seen = new Set<string>();
  vms.forEach((vm, i) => {
    if (seen.has(vm.name)) {
      const renamed = `vm${i + 1}`;
      const text = `vms[${i}].name: "${vm.name}" is used by another VM (names must be unique)`;
      if (mode === 'clamp' && !seen.has(renamed)) {
        ctx.corrections.push(`${text}; using "${renamed}"`);
        vm.name = renamed;
      } else ctx.errors.push(text);
    }
    seen.add(vm.name);
  });
  let total = vms.reduce((s, vm) => s + vm.memoryMiB, 0);
  if (total > MAX_TOTAL_VM_MIB) {
    const text = `vms: total VM memory ${total} MiB is too large (allowed up to ${MAX_TOTAL_VM_MIB} MiB)`;
    if (mode === 'clamp') {
      while (total > MAX_TOTAL_VM_MIB && vms.length > 1) total -= vms.pop()!.memoryMiB;
      ctx.corrections.push(`${text}; keeping the first ${vms.length} VMs`);
    } else ctx.errors.push(text);
  }
  checkHostFitsVms(ctx, host, vms);
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: typeof input.name === 'string' && NAME_PATTERN.test(input.name) ? input.name : 'custom',
    seed: top.seed,
    tickMs: top.tickMs,
    host,
    policy: { kind, params: policyParams },
    vms,
    schedule: [],
  };
  return { ok: true, scenario, corrections: ctx.corrections, warnings: ctx.warnings };
}
