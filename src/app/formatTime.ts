// Simulated time as the time display shows it: "12.3 s", "4 min 05.0 s", "1 h 02 min 03 s".
export function formatTime(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${(s - m * 60).toFixed(1).padStart(4, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m - h * 60).padStart(2, '0')} min ${String(Math.floor(s - m * 60)).padStart(2, '0')} s`;
}
