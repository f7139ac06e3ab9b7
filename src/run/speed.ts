// Playback speed: simulated ms per wall ms. The pacer runs at it and links carry it, so its
// range is one pair of constants here; clampSpeed keeps any request inside it.
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

/** A requested speed within [MIN_SPEED, MAX_SPEED]; anything not a finite number is 1x. */
export const clampSpeed = (speed: number): number => (Number.isFinite(speed) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) : 1);
