// A file the CLI writes line by line while a run goes (series rows, event lines), buffered so
// a long run neither holds every line in memory nor makes a system call per line.
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_CHARS = 1 << 16;

export class LineSink {
  private readonly fd: number;
  private buffer: string[] = [];
  private chars = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    this.buffer.push(text, '\n');
    this.chars += text.length + 1;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.chars = 0;
  }
}
