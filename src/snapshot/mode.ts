// Per-cell tallies for coarse levels of detail: a cell's value is the most common code among
// its pages, ties to the lower code, so the result never depends on page order in the cell.
// Codes are below CODE_SLOTS (every cell code table has fewer than 16 codes).

export const CODE_SLOTS = 16;

export class Tally {
  private readonly counts = new Uint32Array(CODE_SLOTS);
  /** Per code: a value remembered from the first page counted with that code (the owner). */
  readonly first = new Uint8Array(CODE_SLOTS);
  /** Codes counted since the last take(), in first-seen order. */
  private readonly seen = new Uint8Array(CODE_SLOTS);
  private seenCount = 0;

  add(code: number, firstValue: number): void {
    if (this.counts[code]++ === 0) {
      this.first[code] = firstValue;
      this.seen[this.seenCount++] = code;
    }
  }

  /** The most common code since the last call (ties to the lower code); clears the counts. */
  take(): number {
    const { counts, seen } = this;
    let best = seen[0];
    let bestCount = counts[best];
    counts[best] = 0;
    for (let i = 1; i < this.seenCount; i++) {
      const c = seen[i];
      const n = counts[c];
      counts[c] = 0;
      if (n > bestCount || (n === bestCount && c < best)) {
        best = c;
        bestCount = n;
      }
    }
    this.seenCount = 0;
    return best;
  }
}
