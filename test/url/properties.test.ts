// Property tests of links (fast-check): encode-then-decode is the identity on valid states, and
// any text at all decodes to a valid state (or the default with a message) without throwing.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import type { ParamSpec, SpecTable } from '../../src/sim/scenario/paramSpec.ts';
import { BALLOON_PARAMS, HOST_PARAMS, VM_PARAMS, WORKLOAD_PARAMS } from '../../src/sim/scenario/params.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { applyChanges } from '../../src/sim/scenario/paramPath.ts';
import { decodeLink, encodeLink, THEMES, type LinkState } from '../../src/url/index.ts';

const valueOf = (spec: ParamSpec): fc.Arbitrary<unknown> => {
  switch (spec.kind) {
    case 'number':
      return fc.integer({ min: spec.min, max: Math.min(spec.max, 2 ** 31) });
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.stringMatching(spec.pattern);
  }
};
const table = (t: SpecTable) => fc.record(Object.fromEntries(Object.entries(t).map(([k, s]) => [k, valueOf(s)])), { requiredKeys: [] });
const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,24}$/);

const scenarioArb = fc
  .record({
    name,
    seed: fc.integer({ min: 0, max: 4294967295 }),
    tickMs: fc.integer({ min: 10, max: 1000 }),
    host: table(HOST_PARAMS),
    policy: fc.record({ kind: fc.constantFrom('manual', 'none') }),
    vms: fc.array(
      fc.record(
        {
          name,
          ...Object.fromEntries(Object.entries(VM_PARAMS).map(([k, s]) => [k, valueOf(s)])),
          balloon: table(BALLOON_PARAMS),
          workload: table(WORKLOAD_PARAMS),
        },
        { requiredKeys: ['balloon', 'workload'] },
      ),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((json) => validateScenario({ format: 1, ...json }, 'clamp'))
  .filter((r) => r.ok)
  .map((r) => (r as Extract<typeof r, { ok: true }>).scenario);

const stateArb: fc.Arbitrary<LinkState> = scenarioArb.chain((scenario) => {
  const n = scenario.vms.length;
  const vm = fc.integer({ min: 0, max: n - 1 });
  const entry = fc
    .record({ tick: fc.integer({ min: 0, max: 5000 }), vm, value: fc.integer({ min: 0, max: 70000 }) })
    .map(({ tick, vm: i, value }) => {
      const path = `vms.${i}.balloon.targetMiB`;
      const r = applyChanges(scenario, [{ path, value }]);
      return { atS: (tick * scenario.tickMs) / 1000, set: { [path]: r.ok ? r.scenario.vms[i].balloon.targetMiB : 0 } };
    });
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,31}$/);
  return fc.record({
    scenario: fc.array(entry, { maxLength: 5 }).map((schedule) => ({ ...scenario, schedule })),
    timeMs: fc.integer({ min: 0, max: 86_400_000 }),
    view: fc.record({
      selectedVm: fc.option(vm, { nil: null }),
      compare: fc.option(fc.constant([{ path: 'policy.kind', value: 'none' }]), { nil: null }),
      selectedPage: fc.option(
        fc.oneof(
          fc.record({ space: fc.constant('host' as const), vm: fc.constant(null), page: fc.nat(1e8) }),
          fc.record({ space: fc.constant('guest' as const), vm, page: fc.nat(1e8) }),
        ),
        { nil: null },
      ),
      walkTarget: fc.option(
        fc.oneof(
          fc.record({
            space: fc.constant('guest-virtual' as const),
            vm,
            pid: fc.nat(999),
            gva: fc.bigInt({ min: 0n, max: 2n ** 47n - 1n }).map((x) => `0x${x.toString(16)}`),
          }),
          fc.record({ space: fc.constant('guest-physical' as const), vm, gpa: fc.nat(16 * 2 ** 20 - 1).map((x) => `0x${x.toString(16)}`) }),
        ),
        { nil: null },
      ),
      walkStep: fc.option(fc.integer({ min: 1, max: 35 }), { nil: null }),
      walkWhatIf: fc.record({
        tlb: fc.boolean(),
        pageWalkCache: fc.boolean(),
        nestedTlb: fc.boolean(),
        guestPageSize: fc.constantFrom('4 KiB', '2 MiB', '1 GiB'),
        hostPageSize: fc.constantFrom('4 KiB', '2 MiB', '1 GiB'),
        write: fc.boolean(),
      }),
      zoom: fc
        .option(fc.record({ firstPage: fc.nat(1e8), pageCount: fc.integer({ min: 1, max: 1e8 }) }), { nil: undefined })
        .map((z) => (z ? { host: z } : {})),
      panels: fc.uniqueArray(id, { maxLength: 4 }),
      theme: fc.constantFrom(...THEMES),
      embed: fc.boolean(),
      hidden: fc.uniqueArray(id, { maxLength: 4 }),
      speed: fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 16, 64),
      lesson: fc.option(fc.record({ id: fc.constantFrom('story', 'sharing', 'idle-tax', 'oom'), step: fc.integer({ min: 1, max: 2 }) }), {
        nil: null,
      }),
    }),
  });
});

const isValidState = (s: LinkState): boolean =>
  validateScenario(scenarioToJson(s.scenario), 'strict').ok && Number.isFinite(s.timeMs) && s.timeMs >= 0;

describe('link properties', () => {
  it('decode(encode(state)) is the state, with no corrections', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(decodeLink(encodeLink(s))).toEqual({ ok: true, state: s, corrections: [] });
      }),
      properties(150),
    );
  });

  it('any text decodes to a valid state or the default with a message, without throwing', () => {
    const keys = fc.constantFrom(
      'v',
      'seed',
      'tickMs',
      'vms',
      'host.memoryMiB',
      'vms.0.memoryMiB',
      'vms.1.balloon.targetMiB',
      'vms.0.name',
      'policy.kind',
      'in',
      't',
      'vm',
      'page',
      'addr',
      'zoom.host',
      'theme',
      'hide',
      'speed',
      'z',
      '__proto__',
    );
    const pairText = fc
      .array(fc.tuple(keys, fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer().map(String), fc.double().map(String))), {
        maxLength: 12,
      })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), pairText), (text) => {
        const d = decodeLink(text);
        expect(isValidState(d.state)).toBe(true);
        if (!d.ok) expect(d.error.length).toBeGreaterThan(10);
        else expect(Array.isArray(d.corrections)).toBe(true);
      }),
      properties(400),
    );
  });
});
