/**
 * The raw records of a dataset, kept apart from the findings so the page does not hold hundreds of
 * megabytes of record text it rarely shows. A finding's raw record is either its masked text (small files,
 * gzip input) or a byte range of a plain file, which is read again, parsed and masked when asked for.
 */
import { maskSecretsInText } from '../formats/mask';
import { rawCapture, rawText } from '../formats/fields';

/** Bytes read at once when many ranges of one file are requested. */
const WINDOW_BYTES = 16 * 1024 * 1024;

const NO_FILE = -1;

/** Shown instead of a record whose bytes no longer parse: the file was changed after it was read. */
export const CHANGED_FILE = '(The raw record could not be read again: the file changed after it was loaded. Load it again to see it.)';

export class RawStore {
  private readonly blobs: Blob[] = [];
  /** Per dataset index: the blob slot of a byte range, or NO_FILE when the text is kept. */
  private readonly slots: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts = new Map<number, string>();

  /** Registers a file whose byte ranges will be kept, and returns its slot. */
  addBlob(blob: Blob): number {
    this.blobs.push(blob);
    return this.blobs.length - 1;
  }

  /** Keeps the raw text of the finding at dataset `index` (already masked). */
  setText(index: number, text: string): void {
    this.slots[index] = NO_FILE;
    this.starts[index] = 0;
    this.ends[index] = 0;
    if (text === '') this.texts.delete(index);
    else this.texts.set(index, text);
  }

  /** Keeps where the raw record of the finding at dataset `index` sits in the file in `slot`. */
  setRange(index: number, slot: number, start: number, end: number): void {
    this.slots[index] = slot;
    this.starts[index] = start;
    this.ends[index] = end;
    this.texts.delete(index);
  }

  /** Returns the masked raw text of one finding, or '' when none was kept. */
  async read(index: number): Promise<string> {
    return (await this.readMany([index]))[0];
  }

  /**
   * Returns the masked raw texts of many findings, in the requested order. Ranges of one file are read in
   * windows of up to 16 MiB in file order, so a request for every finding of a large file reads it once.
   */
  async readMany(indexes: readonly number[]): Promise<string[]> {
    const result = indexes.map((index) => this.texts.get(index) ?? '');
    const ranged = indexes.map((index, position) => ({ index, position })).filter(({ index }) => (this.slots[index] ?? NO_FILE) !== NO_FILE);
    ranged.sort((a, b) => this.slots[a.index] - this.slots[b.index] || this.starts[a.index] - this.starts[b.index]);

    const decoder = new TextDecoder();
    let next = 0;
    while (next < ranged.length) {
      // One window: consecutive ranges of the same file that fit in WINDOW_BYTES (or one larger range).
      const first = ranged[next].index;
      const slot = this.slots[first];
      const windowStart = this.starts[first];
      let last = next;
      while (
        last + 1 < ranged.length &&
        this.slots[ranged[last + 1].index] === slot &&
        this.ends[ranged[last + 1].index] - windowStart <= WINDOW_BYTES
      ) {
        last++;
      }
      // Records do not overlap, so the last one in file order ends the window.
      const windowEnd = this.ends[ranged[last].index];
      const bytes = await readBytes(this.blobs[slot], windowStart, windowEnd);
      for (let k = next; k <= last; k++) {
        const { index, position } = ranged[k];
        const text = decoder.decode(bytes.subarray(this.starts[index] - windowStart, this.ends[index] - windowStart));
        result[position] = maskedRecordText(text);
      }
      next = last + 1;
    }
    return result;
  }
}

/** Reads a slice of a file. The error for a file that is gone or changed names the file and the next step. */
async function readBytes(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.slice(start, end).arrayBuffer());
  } catch (error) {
    const name = blob instanceof File ? `"${blob.name}"` : 'the file';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} could not be read again (${reason}). It may have been moved or changed since it was loaded: load it again.`);
  }
}

/** Parses the bytes of one record and returns its bounded, masked text, as formats write it at read time. */
function maskedRecordText(text: string): string {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return CHANGED_FILE;
  }
  const enabled = rawCapture.enabled;
  rawCapture.enabled = true;
  try {
    return maskSecretsInText(rawText(record));
  } finally {
    rawCapture.enabled = enabled;
  }
}
