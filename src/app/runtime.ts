// The running app's controller (the link between store and simulation client), set once at boot
// so the shell's buttons (restart, inspect) can reach it without a React context.
import type { Controller } from '../state/controller.ts';

let current: Controller | null = null;

export const setController = (c: Controller): void => void (current = c);
export const controller = (): Controller | null => current;
