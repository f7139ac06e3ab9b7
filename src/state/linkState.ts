// The store as a link, and a link into the store: the URL is a projection of the run (start
// scenario with its schedule, simulated time) and the view (selection, page walk, zoom, panels, theme, embed,
// hidden controls, speed, lesson step, comparison). Applying a link sets the view and loads the run in the worker.
import type { LinkState } from '../url/linkTypes.ts';
import { useSimStore, type SimStore } from './store.ts';

export function linkStateOf(s: SimStore): LinkState {
  return {
    scenario: s.scenario,
    timeMs: s.timeMs,
    view: {
      selectedVm: s.selectedVm,
      selectedPage: s.selectedPage,
      walkTarget: s.walkTarget,
      walkStep: s.walkStep,
      walkWhatIf: s.walkWhatIf,
      zoom: s.zoom,
      panels: s.panels,
      theme: s.theme,
      embed: s.embed,
      hidden: s.hidden,
      speed: s.speed,
      lesson: s.lesson,
      compare: s.compare,
    },
  };
}

export function applyLinkState(link: LinkState): void {
  const store = useSimStore.getState();
  const v = link.view;
  useSimStore.setState({
    selectedVm: v.selectedVm,
    zoom: v.zoom,
    panels: v.panels,
    theme: v.theme,
    embed: v.embed,
    hidden: v.hidden,
    lesson: v.lesson,
    compare: v.compare,
    lessonsOpen: v.lesson !== null || store.lessonsOpen,
  });
  store.loadScenario(link.scenario, link.timeMs);
  useSimStore.setState({ selectedPage: v.selectedPage, walkTarget: v.walkTarget, walkStep: v.walkStep, walkWhatIf: v.walkWhatIf });
  store.setSpeed(v.speed);
}
