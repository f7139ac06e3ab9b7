// Scenario validation: defaults, messages that name the field, value and range, cross-field
// checks, clamp mode for links, and never a throw on arbitrary input.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { PRESETS } from '../../src/sim/scenario/presets.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';

const base = { format: 1, vms: [{ name: 'a', memoryMiB: 512 }] };

describe('validateScenario', () => {
  it('fills documented defaults', () => {
    const r = validateScenario(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.tickMs).toBe(100);
    expect(r.scenario.host.memoryMiB).toBe(4096);
    expect(r.scenario.policy.kind).toBe('manual');
    expect(r.scenario.vms[0].balloon.driver).toBe('virtio');
    expect(r.scenario.vms[0].workload.kind).toBe('steady');
  });

  it('names the field, the value and the allowed range', () => {
    const r = validateScenario({ ...base, host: { memoryMiB: 99999999 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toBe('host.memoryMiB: 99999999 is not valid (allowed 64 to 1048576 MiB, whole numbers)');
  });

  it('rejects wrong types, unknown kinds and unknown formats', () => {
    const bad = (x: unknown) => validateScenario(x);
    expect(bad({ ...base, seed: 'abc' })).toMatchObject({ ok: false, errors: [expect.stringContaining('scenario.seed: "abc"')] });
    expect(bad({ ...base, policy: { kind: 'magic' } })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('policy.kind: "magic" is not valid (allowed: manual, none')],
    });
    expect(bad({ ...base, vms: [{ workload: { kind: 'mining' } }] })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('vms[0].workload.kind')],
    });
    expect(bad({ ...base, format: 3 })).toMatchObject({ ok: false, errors: [expect.stringContaining('format: 3')] });
    expect(bad([])).toMatchObject({ ok: false });
    expect(bad({ format: 1, vms: [] })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('vms: expected a list of 1 to 32 VMs')],
    });
  });

  it('rejects inconsistent sizes', () => {
    const r = validateScenario({
      format: 1,
      vms: [{ memoryMiB: 512, minMiB: 1024, balloon: { targetMiB: 600 }, workload: { activeMiB: 400, footprintMiB: 300 } }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'vms[0].minMiB: 1024 must be at most the VM memory (512)',
      'vms[0].balloon.targetMiB: 600 must be at most the VM memory less its kernel memory (464)',
      'vms[0].workload.activeMiB: 400 must be at most the footprint (300)',
    ]);
  });

  it("rejects a host too small for the VMs' EPT tables and kernels, and raises it in clamp mode", () => {
    const tiny = { format: 1, host: { memoryMiB: 64 }, vms: [{ memoryMiB: 65536, kernelMiB: 48 }] };
    expect(validateScenario(tiny)).toMatchObject({ ok: false, errors: [expect.stringContaining('host.memoryMiB: 64 MiB cannot hold')] });
    const r = validateScenario(tiny, 'clamp');
    expect(r.ok && r.scenario.host.memoryMiB).toBe(192);
  });

  it('rejects duplicate VM names and more than 32 VMs', () => {
    expect(validateScenario({ format: 1, vms: [{ name: 'x' }, { name: 'x' }] })).toMatchObject({ ok: false });
    const many = Array.from({ length: 33 }, (_, i) => ({ name: `v${i}`, memoryMiB: 128 }));
    expect(validateScenario({ format: 1, vms: many })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('33 VMs is too many')],
    });
  });

  it('in clamp mode corrects out-of-range values and lists each correction', () => {
    const r = validateScenario(
      { ...base, host: { memoryMiB: 1e9, pageSharing: '<script>' }, vms: [{ name: 'a', memoryMiB: 512, minMiB: 4096 }] },
      'clamp',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.host.memoryMiB).toBe(1048576);
    expect(r.scenario.host.pageSharing).toBe('off');
    expect(r.scenario.vms[0].minMiB).toBe(512);
    expect(r.corrections).toHaveLength(3);
    expect(r.corrections[0]).toContain('host.memoryMiB');
  });

  it('warns about unknown keys but accepts them', () => {
    const r = validateScenario({ ...base, comment: 'hello', host: { colour: 'red' } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual(['scenario.comment: unknown key, ignored', 'host.colour: unknown key, ignored']);
  });

  it('accepts every preset and round-trips it through the JSON form', () => {
    for (const p of PRESETS) {
      const r = validateScenario({ name: p.name, ...p.scenario });
      expect(r.ok, p.name).toBe(true);
      if (!r.ok) continue;
      const again = validateScenario(scenarioToJson(r.scenario));
      expect(again.ok && again.scenario).toEqual(r.scenario);
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('strict', 'clamp') as fc.Arbitrary<'strict' | 'clamp'>, (input, mode) => {
        const r = validateScenario(input, mode);
        expect(typeof r.ok).toBe('boolean');
      }),
      properties(500),
    );
    fc.assert(
      fc.property(fc.record({ host: fc.object(), vms: fc.array(fc.object(), { maxLength: 3 }), policy: fc.object() }), (partial) => {
        const r = validateScenario({ format: 1, ...partial }, 'clamp');
        if (r.ok) expect(r.scenario.vms.length).toBeGreaterThan(0);
      }),
      properties(300),
    );
  });
});
