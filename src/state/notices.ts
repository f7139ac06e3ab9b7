// Notices: visible, non-blocking messages (link corrections, restarts, unreadable links).
export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** The individual corrections or reasons, shown in a list under the text. */
  details: string[];
}

let nextId = 1;
export const makeNotice = (kind: NoticeKind, text: string, details: string[] = []): Notice => ({ id: nextId++, kind, text, details });

/** Most notices kept at once; the oldest go first. */
export const MAX_NOTICES = 5;
