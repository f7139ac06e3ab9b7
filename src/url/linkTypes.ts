// What a link holds: the run (scenario with its schedule, simulated time) and the view (selection,
// page walk, zoom, panels, theme, embed mode, hidden controls, speed, lesson step, comparison). Every field has a safe default, so
// a decoded link is always a complete, valid state.
import type { Scenario } from '../sim/scenario/types.ts';
import type { MapId } from '../snapshot/types.ts';
import { DEFAULT_WALK_WHAT_IF } from '../sim/walk/walkTarget.ts';
import type { ParamChange } from '../sim/scenario/paramPath.ts';
import type { LessonRef } from './lessonKeys.ts';
import type { WalkView } from './walkKeys.ts';

export const THEMES = ['light', 'dark', 'projector', 'colorblind'] as const;
export type Theme = (typeof THEMES)[number];

export type SelectedPage = { space: 'host'; vm: null; page: number } | { space: 'guest'; vm: number; page: number };

/** The pages a map view shows (its zoom); the cells follow the screen, so they are not kept. */
export interface ZoomWindow {
  firstPage: number;
  pageCount: number;
}

/** The selection, the page walk (target, step, what-if settings), zoom and preferences. */
export interface ViewState extends WalkView {
  selectedVm: number | null;
  selectedPage: SelectedPage | null;
  zoom: Partial<Record<MapId, ZoomWindow>>;
  panels: string[];
  theme: Theme;
  embed: boolean;
  hidden: string[];
  speed: number;
  /** The open lesson and its step (lessonKeys.ts), or null. */
  lesson: LessonRef | null;
  /** The changes that make the compared second run (compareKeys.ts), or null: no comparison. */
  compare: ParamChange[] | null;
}

export interface LinkState {
  /** The scenario, its schedule holding the live changes recorded while playing. */
  scenario: Scenario;
  timeMs: number;
  view: ViewState;
}

export const DEFAULT_VIEW: ViewState = {
  selectedVm: null,
  selectedPage: null,
  walkTarget: null,
  walkStep: null,
  walkWhatIf: DEFAULT_WALK_WHAT_IF,
  zoom: {},
  panels: [],
  theme: 'light',
  embed: false,
  hidden: [],
  speed: 1,
  lesson: null,
  compare: null,
};

/** Ids of panels and controls in links: short lowercase words. */
export const ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
export const MAX_LIST_IDS = 24;
/** Longest simulated time a link may ask for, ms (24 h, as the CLI). */
export const MAX_LINK_TIME_MS = 86_400_000;
