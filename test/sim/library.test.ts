// The scenario library: every entry loads and validates strictly (no warnings), runs its check
// time through the run engine (its schedule applied) with the invariants holding, shows what its
// "what to look for" claims (its check), its link opens the same scenario with no corrections,
// and the walk entry's link walks a ballooned page to an EPT violation.
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { buildReport } from '../../src/sim/report.ts';
import { LIBRARY, libraryJson } from '../../src/sim/scenario/library.ts';
import { scenarioToJson } from '../../src/sim/scenario/serialize.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { TimelineRun } from '../../src/run/TimelineRun.ts';
import { DEFAULT_WALK_WHAT_IF, exploreWalk, resolvePick } from '../../src/sim/walk/index.ts';
import { decodeLink, encodeLink } from '../../src/url/codec.ts';
import { DEFAULT_VIEW } from '../../src/url/linkTypes.ts';

describe('scenario library', () => {
  it('has at least 12 entries with unique ids, each with a goal and what to look for', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LIBRARY.map((e) => e.id)).size).toBe(LIBRARY.length);
    for (const e of LIBRARY) expect(e.goal.length > 80 && e.lookFor.length > 20, e.id).toBe(true);
  });

  for (const entry of LIBRARY) {
    it(`${entry.id}: validates, runs with invariants and shows what it claims`, () => {
      const r = validateScenario(libraryJson(entry), 'strict');
      if (!r.ok) expect.fail(r.errors.join('\n'));
      expect(r.warnings).toEqual([]);
      // The run engine applies the scenario's schedule, as the app and the CLI do.
      const run = new TimelineRun(r.scenario);
      const sim = run.sim;
      for (let t = 0; t < entry.checkSeconds; t += 10) {
        run.run(10);
        const violations = checkInvariants(sim);
        if (violations.length > 0) expect.fail(`after ${sim.timeMs} ms: ${violations.join('; ')}`);
      }
      expect(entry.check(buildReport(sim), sim.events.entries), entry.lookFor).toBe(true);
      // The walk its link opens is the one it names: a ballooned page, its EPT walk ending in a
      // violation because the balloon holds it.
      if (entry.walkTarget) {
        const { walk } = exploreWalk(sim, resolvePick(sim, entry.walkTarget), DEFAULT_WALK_WHAT_IF);
        expect(walk.outcome).toMatchObject({ kind: 'ept-violation', cause: 'ballooned', accessTo: 'data' });
      }
      const view = { ...DEFAULT_VIEW, walkTarget: entry.walkTarget ?? null };
      const d = decodeLink(encodeLink({ scenario: r.scenario, timeMs: 0, view }));
      expect(d.ok && d.corrections).toEqual([]);
      expect(scenarioToJson(d.state.scenario)).toEqual(scenarioToJson(r.scenario));
      expect(d.state.view.walkTarget).toEqual(view.walkTarget);
    }, 60_000);
  }
});
