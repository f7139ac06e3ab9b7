// The detail panels a student opens on demand below the first screen, in the order they are
// shown. Their ids are the link's `panels=` entries and the commands' targets.

export interface DetailPanelInfo {
  id: string;
  label: string;
  hotkey: string;
}

export const DETAIL_PANELS: readonly DetailPanelInfo[] = [
  { id: 'settings', label: 'Settings', hotkey: 's' },
  { id: 'targets', label: 'Targets', hotkey: 't' },
  { id: 'charts', label: 'Charts', hotkey: 'c' },
  { id: 'walk', label: 'Page walk', hotkey: 'w' },
];

/** The DOM id of a detail panel's region (the disclosure buttons' aria-controls). */
export const panelDomId = (id: string): string => `panel-${id}`;
