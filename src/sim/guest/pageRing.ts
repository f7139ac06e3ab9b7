// A first-in first-out queue of page words with a time each, in a growable ring of typed arrays
// (the working set's pending references). It holds only what observers did recently: it doubles
// when full, and goes back to its initial size when it empties, so a burst leaves no lasting heap.
const INITIAL_CAPACITY = 1024;

export class PageRing {
  private words = new Int32Array(INITIAL_CAPACITY);
  private times = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  size = 0;

  push(word: number, timeMs: number): void {
    if (this.size === this.words.length) this.grow();
    const i = (this.head + this.size) % this.words.length;
    this.words[i] = word;
    this.times[i] = timeMs;
    this.size++;
  }

  /** Time of the oldest entry (the queue must not be empty). */
  headTime(): number {
    return this.times[this.head];
  }

  /** Removes and returns the oldest word (the queue must not be empty). */
  shift(): number {
    const word = this.words[this.head];
    this.head = (this.head + 1) % this.words.length;
    this.size--;
    if (this.size === 0 && this.words.length > INITIAL_CAPACITY) {
      this.words = new Int32Array(INITIAL_CAPACITY);
      this.times = new Float64Array(INITIAL_CAPACITY);
      this.head = 0;
    }
    return word;
  }

  get heapBytes(): number {
    return this.words.byteLength + this.times.byteLength;
  }

  private grow(): void {
    const n = this.words.length;
    const words = new Int32Array(2 * n);
    const times = new Float64Array(2 * n);
    for (let k = 0; k < this.size; k++) {
      words[k] = this.words[(this.head + k) % n];
      times[k] = this.times[(this.head + k) % n];
    }
    this.words = words;
    this.times = times;
    this.head = 0;
  }
}
