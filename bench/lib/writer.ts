import { closeSync, openSync, writeSync } from 'node:fs';

/** Bytes gathered before one write to disk. */
const FLUSH_BYTES = 1024 * 1024;

/**
 * Appends text to a file through a small buffer, so that a generator can write millions of records with
 * bounded memory. Writes are synchronous because the generators do nothing else meanwhile.
 */
export class FileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private buffered = 0;
  /** UTF-8 bytes written to disk so far, which is the total once `close` has run. */
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const data = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, data);
    this.bytes += data.length;
    this.parts = [];
    this.buffered = 0;
  }
}
