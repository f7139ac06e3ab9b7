// Balloon size on screen: the balloon's AREA is proportional to the share of the VM's memory
// it holds (so a balloon holding half the VM looks half as big as a full one, not a quarter),
// with a small minimum so an empty balloon still shows as a deflated knot. Pure.
export const BALLOON_MAX_R = 46;
export const BALLOON_MIN_R = 5;

export function balloonRadius(balloonMiB: number, memoryMiB: number, maxR = BALLOON_MAX_R, minR = BALLOON_MIN_R): number {
  const share = memoryMiB > 0 ? Math.min(1, Math.max(0, balloonMiB / memoryMiB)) : 0;
  return minR + (maxR - minR) * Math.sqrt(share);
}

export type BalloonTrend = 'inflating' | 'deflating' | 'steady';

/** Which way the balloon is heading, with a dead band of `tolMiB`. */
export function balloonTrend(balloonMiB: number, targetMiB: number, tolMiB = 1): BalloonTrend {
  if (targetMiB - balloonMiB > tolMiB) return 'inflating';
  if (balloonMiB - targetMiB > tolMiB) return 'deflating';
  return 'steady';
}

/** "Balloon 512 MiB of 1536 MiB, target 1024 MiB, inflating". */
export function balloonText(name: string, balloonMiB: number, targetMiB: number, memoryMiB: number, activity?: string): string {
  const trend = balloonTrend(balloonMiB, targetMiB);
  const what = activity && activity !== 'idle' && activity !== trend ? `${trend} (${activity})` : trend;
  return `${name} balloon ${Math.round(balloonMiB)} MiB of ${memoryMiB} MiB, target ${Math.round(targetMiB)} MiB, ${what}`;
}
