// Guided lessons: pure data and pure checks. A step sets up a scenario from the library (plus
// optional parameter changes), explains it in two or three sentences, asks the learner to try
// something, and checks when they have, from what the views see: the latest run summary, the
// recent events, the scenario as it stands now and the simulated time. The lesson UI
// (src/views/lessons) evaluates the check on every frame. One lesson walks the seed's story.
import type { SimEvent } from '../events.ts';
import type { RunReport } from '../report.ts';
import type { ParamChange } from '../scenario/paramPath.ts';
import type { Scenario } from '../scenario/types.ts';

export interface LessonContext {
  report: RunReport | null;
  events: readonly SimEvent[];
  scenario: Scenario;
  timeMs: number;
}

export interface LessonStep {
  title: string;
  /** A library entry id (src/sim/scenario/library.ts) and changes applied on top of it. */
  setup: { entry: string; changes?: ParamChange[] };
  /** Two or three sentences about what is on the screen. */
  explain: string;
  task: string;
  check(ctx: LessonContext): boolean;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  steps: readonly LessonStep[];
}

const vm = (ctx: LessonContext, name: string) => ctx.report?.vms.find((v) => v.name === name);

export const LESSONS: readonly Lesson[] = [
  {
    id: 'story',
    title: "The balloon's story, start to end",
    summary:
      'The host is short, the hypervisor inflates a balloon, the guest drops cache and then swaps, and the cost depends on how much and how fast the swap is.',
    steps: [
      {
        title: 'The host is short; a balloon inflates',
        setup: { entry: 'first-balloon' },
        explain:
          "Three VMs together were given more memory than this 4 GiB host has. The hypervisor asks the idle VM's balloon driver for 1 GiB: the driver allocates guest pages and the host takes their frames back.",
        task: "Press Play (Space) and watch the idle VM's balloon grow to 1 GiB.",
        check: (c) => (vm(c, 'idle')?.balloonMiB ?? 0) >= 1000,
      },
      {
        title: 'The guest pays: cache first, then swap',
        setup: { entry: 'pressure-into-guest' },
        explain:
          'A balloon moves the pressure into the guest. The guest gives up free memory and keeps its page cache small; when a program keeps growing into a ballooned guest, the guest has to swap to its own disk.',
        task: 'Run until the grower VM starts swapping (about 45 s; Run fast helps).',
        check: (c) => (vm(c, 'grower')?.guestSwapMiB ?? 0) > 0,
      },
      {
        title: 'Without a balloon: double paging',
        setup: { entry: 'double-paging' },
        explain:
          'Here no guest runs a balloon, so the host swaps pages it picks blindly. A guest short of memory then swaps out pages the host already swapped: each is read back only to be written out again.',
        task: 'Run until the double-paging counter rises above zero.',
        check: (c) => (c.report?.counters.doublePaging ?? 0) > 0,
      },
      {
        title: 'The cost depends on amount and swap speed',
        setup: { entry: 'double-paging' },
        explain:
          "The same pages move whatever the swap device is, but every swap-in stalls the guest for the device's read time. An SSD reads a page back in 0.05 to 0.1 ms, a hard disk in about 8 ms.",
        task: "Under Swap storage, choose Hard disk and run to 30 s: watch the VMs' performance fall.",
        check: (c) => c.scenario.host.swapLatencyUs >= 5000 && c.timeMs >= 30000,
      },
    ],
  },
  {
    id: 'sharing',
    title: 'Sharing identical pages',
    summary: 'How the host finds identical pages in different VMs and keeps one copy.',
    steps: [
      {
        title: 'Four identical VMs',
        setup: { entry: 'page-sharing' },
        explain:
          'Four VMs run the same program, so much of their memory has the same content. The sharing scanner hashes pages and merges identical ones into one read-only frame.',
        task: 'Run until the host saves more than 100 MiB by sharing.',
        check: (c) => (c.report?.host.sharedSavedMiB ?? 0) > 100,
      },
      {
        title: 'Only zero pages',
        setup: { entry: 'page-sharing' },
        explain:
          'Sharing any identical page lets one VM learn, by timing a write, what another VM holds. Sharing only zero pages keeps some of the saving with none of that risk.',
        task: 'Open Settings (S) and, under More host settings, set Page sharing to "zero"; run to 20 s and compare the saving.',
        check: (c) => c.scenario.host.pageSharing === 'zero' && c.timeMs >= 20000,
      },
    ],
  },
  {
    id: 'idle-tax',
    title: 'The idle memory tax',
    summary: 'Why ESX takes memory from an idle VM even when both VMs have the same shares.',
    steps: [
      {
        title: 'Idle pages cost more',
        setup: { entry: 'idle-tax' },
        explain:
          'Two VMs have the same shares, but one sits idle. ESX samples pages to estimate what each VM uses and, with a 75% tax, charges an idle page like four active ones.',
        task: "Run until the idle VM's balloon inflates and its target falls below the busy VM's, at about 105 s (play at 16x). Until then the sampler still counts the idle VM's boot, when it touched all its memory, so the busy VM is ballooned instead.",
        // Entitlement too: in the first second, before any estimate, ESX sets both VMs a target.
        check: (c) => {
          const idle = vm(c, 'idle');
          const busy = vm(c, 'busy');
          return !!idle && !!busy && idle.balloonMiB > 0 && idle.entitlementMiB < busy.entitlementMiB;
        },
      },
      {
        title: 'No tax',
        setup: { entry: 'idle-tax', changes: [{ path: 'policy.idleTaxPercent', value: 0 }] },
        explain: 'The idle tax is now 0: shares alone decide. Both VMs are entitled to the same memory whatever they do with it.',
        task: "Run to 60 s and compare the two VMs' targets in the hypervisor panel.",
        check: (c) => c.timeMs >= 60000,
      },
    ],
  },
  {
    id: 'oom',
    title: 'When the balloon takes too much',
    summary: 'An out-of-memory guest, and what deflate-on-OOM changes.',
    steps: [
      {
        title: 'The OOM killer',
        setup: { entry: 'oom-guest' },
        explain:
          "This guest has no swap and a balloon of 600 MiB out of 1 GiB. Its program grows until nothing is left, and the guest's out-of-memory killer kills it.",
        task: 'Run until the guest kills its program.',
        check: (c) => (c.report?.counters.oomKills ?? 0) > 0,
      },
      {
        title: 'Deflate on OOM',
        setup: { entry: 'oom-deflate' },
        explain:
          'With deflate-on-OOM the guest takes pages back from its own balloon instead of killing the program. The program survives; the host gets less memory back than it asked for.',
        task: 'Run until the balloon has deflated below its target with no OOM kill.',
        check: (c) =>
          c.report !== null && c.report.counters.oomKills === 0 && c.report.vms[0].balloonMiB < c.report.vms[0].balloonTargetMiB,
      },
    ],
  },
];

export const findLesson = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);
