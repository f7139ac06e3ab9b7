// The view part of a link: selection, page walk (walkKeys.ts), zoom, panels, theme, embed mode,
// hidden controls, speed, the lesson step (lessonKeys.ts) and the comparison (compareKeys.ts). Each key is read defensively: a bad value falls back to its
// default with a note.
//   vm=1  page=h1234 | g1.567  addr=0.1.0x7f0000001000  zoom.host=0+262144  zoom.guest:1=...
//   panels=debug,explain  theme=dark  embed=1  hide=speed,share  speed=2  lesson=story step=2  cmp=policy.kind:hyperv
import { DEFAULT_VIEW, ID_PATTERN, MAX_LIST_IDS, THEMES, type Theme, type ViewState } from './linkTypes.ts';
import type { LinkParams } from './migrations.ts';
import { MAX_SPEED, MIN_SPEED } from '../run/speed.ts';
import type { MapId } from '../snapshot/types.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { compareToKeys, isCompareKey, keysToCompare } from './compareKeys.ts';
import { isLessonKey, keysToLesson, lessonToKeys } from './lessonKeys.ts';
import { readWalkKey, walkToKeys } from './walkKeys.ts';

const show = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);

export function viewToKeys(v: ViewState): LinkParams {
  const out: LinkParams = [];
  if (v.selectedVm !== null) out.push(['vm', String(v.selectedVm)]);
  if (v.selectedPage)
    out.push(['page', v.selectedPage.space === 'host' ? `h${v.selectedPage.page}` : `g${v.selectedPage.vm}.${v.selectedPage.page}`]);
  out.push(...walkToKeys(v));
  for (const [id, z] of Object.entries(v.zoom)) if (z) out.push([`zoom.${id}`, `${z.firstPage}+${z.pageCount}`]);
  if (v.panels.length > 0) out.push(['panels', v.panels.join(',')]);
  if (v.theme !== DEFAULT_VIEW.theme) out.push(['theme', v.theme]);
  if (v.embed) out.push(['embed', '1']);
  if (v.hidden.length > 0) out.push(['hide', v.hidden.join(',')]);
  if (v.speed !== DEFAULT_VIEW.speed) out.push(['speed', String(v.speed)]);
  out.push(...lessonToKeys(v.lesson), ...compareToKeys(v.compare));
  return out;
}

export const isViewKey = (key: string): boolean =>
  isLessonKey(key) ||
  isCompareKey(key) ||
  /^(vm|page|addr|walk\.(step|caches|guest|host|write)|panels|theme|embed|hide|speed|zoom\.(host|guest:\d{1,2}))$/.test(key);

const wholeIn = (s: string, max: number): number | null => (/^\d{1,10}$/.test(s) && Number(s) <= max ? Number(s) : null);

function idList(key: string, value: string, notes: string[]): string[] {
  const ids = value.split(',').filter((x) => x !== '');
  const good = [...new Set(ids.filter((id) => ID_PATTERN.test(id)))].slice(0, MAX_LIST_IDS);
  if (good.length !== ids.length)
    notes.push(`${key}: some entries of ${show(value)} are not control names; kept ${good.join(', ') || 'none'}`);
  return good;
}

/** The view from a link's view keys; the scenario's VMs bound VM indexes and addresses. */
export function keysToView(params: LinkParams, scenario: Scenario, notes: string[]): ViewState {
  const vms = scenario.vms;
  const vmCount = vms.length;
  const view: ViewState = { ...DEFAULT_VIEW, zoom: {}, panels: [], hidden: [] };
  const bad = (key: string, value: string, allowed: string): void =>
    void notes.push(`${key}: ${show(value)} is not valid (${allowed}); ignored`);
  for (const [key, value] of params) {
    if (key === 'vm') {
      const n = wholeIn(value, vmCount - 1);
      if (n === null) bad(key, value, `a VM number 0 to ${vmCount - 1}`);
      else view.selectedVm = n;
    } else if (key === 'page') {
      const m = /^(?:h(\d{1,9})|g(\d{1,2})\.(\d{1,9}))$/.exec(value);
      if (!m || (m[2] !== undefined && Number(m[2]) >= vmCount)) bad(key, value, 'h<frame> or g<vm>.<page>');
      else
        view.selectedPage =
          m[1] !== undefined ? { space: 'host', vm: null, page: Number(m[1]) } : { space: 'guest', vm: Number(m[2]), page: Number(m[3]) };
    } else if (key === 'addr' || key.startsWith('walk.')) {
      readWalkKey(key, value, vms, view, notes);
    } else if (key.startsWith('zoom.')) {
      const m = /^(\d{1,9})\+(\d{1,9})$/.exec(value);
      const id = key.slice(5) as MapId;
      if (!m || Number(m[2]) < 1 || (id !== 'host' && Number(id.slice(6)) >= vmCount)) bad(key, value, '<first page>+<page count>');
      else view.zoom[id] = { firstPage: Number(m[1]), pageCount: Number(m[2]) };
    } else if (key === 'panels') view.panels = idList(key, value, notes);
    else if (key === 'hide') view.hidden = idList(key, value, notes);
    else if (key === 'theme') {
      if ((THEMES as readonly string[]).includes(value)) view.theme = value as Theme;
      else bad(key, value, `allowed: ${THEMES.join(', ')}`);
    } else if (key === 'embed') {
      if (value === '1' || value === '0') view.embed = value === '1';
      else bad(key, value, '1 or 0');
    } else if (key === 'speed') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) bad(key, value, `${MIN_SPEED} to ${MAX_SPEED}`);
      else {
        view.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, n));
        if (view.speed !== n) notes.push(`speed: ${show(value)} is out of range (${MIN_SPEED} to ${MAX_SPEED}); using ${view.speed}`);
      }
    }
  }
  view.lesson = keysToLesson(params, notes);
  view.compare = keysToCompare(params, scenario, notes);
  return view;
}
