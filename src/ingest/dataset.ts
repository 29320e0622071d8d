/**
 * Builds one dataset from any number of input files: reads each file, detects its format, parses every
 * record, classifies the findings, drops duplicates across all files, and keeps a per-file account.
 */
import type { Finding, ParsedFinding } from '../model/finding';
import { describeProblem, type Problem } from '../model/problem';
import { readInputs, type ReadEntry } from '../formats/read';
import { detectFormat, formatFromFileName, isEmptyDocument, FORMATS } from '../formats/registry';
import type { FormatModule, RecordOutcome, RecordProblem } from '../formats/types';
import { classify } from '../responsibility/classify';
import { emptyAccount, type FileAccount, type FileError } from './account';
import { findingIdentity, isNewer } from './identity';
import { sanitiseFinding } from './sanitise';

export interface Dataset {
  files: FileAccount[];
  findings: Finding[];
}

export interface IngestProgress {
  file: string;
  records: number;
  findings: number;
}

/**
 * Findings accepted since the last `takeChanges`: new ones appended from dataset index `start`, and newer
 * versions of earlier ones by their index.
 */
export interface FindingChanges {
  start: number;
  added: Finding[];
  replaced: [index: number, finding: Finding][];
}

export interface BuilderOptions {
  /**
   * False when the caller takes every finding with `takeChanges` and keeps them itself, as the page's worker
   * does. The builder then keeps only what deduplication needs. Default true.
   */
  retain?: boolean;
}

/** Maximum problems listed per file; the counts still cover every record. */
export const MAX_ERRORS_PER_FILE = 200;

export class DatasetBuilder {
  private readonly findings: Finding[] = [];
  private readonly byIdentity = new Map<string, number>();
  /** `lastUpdated` of the finding at each dataset index, which decides between duplicates. */
  private readonly updated: (string | null)[] = [];
  private readonly files: FileAccount[] = [];
  private readonly retain: boolean;
  private changes: FindingChanges = { start: 0, added: [], replaced: [] };

  /** `formats` is the detection table; tests pass a small one. */
  constructor(
    readonly formats: readonly FormatModule[] = FORMATS,
    options: BuilderOptions = {},
  ) {
    this.retain = options.retain ?? true;
  }

  /** Number of findings so far, after deduplication. */
  get size(): number {
    return this.updated.length;
  }

  /** Dataset index from which findings are new since the last `takeChanges`. */
  get pendingStart(): number {
    return this.changes.start;
  }

  /** Returns the findings accepted since the last call and starts a new set of changes (unretained builders only). */
  takeChanges(): FindingChanges {
    const changes = this.changes;
    this.changes = { start: this.updated.length, added: [], replaced: [] };
    return changes;
  }

  /** Reads one file and returns the accounts of its entries (one per zip entry, else one). */
  async addFile(path: string, bytes: Uint8Array, onProgress?: (progress: IngestProgress) => void): Promise<FileAccount[]> {
    const accounts: FileAccount[] = [];
    for (const result of await readInputs(path, bytes)) {
      const account = result.ok
        ? this.addEntry(result.entry, onProgress)
        : this.failedEntry(result.problem, result.byteLength);
      this.files.push(account);
      accounts.push(account);
    }
    return accounts;
  }

  /** Records a file that could not be read from disk at all. */
  addUnreadable(path: string, reason: string): FileAccount {
    return this.addFailedFile({ code: 'read_failed', file: path, detail: reason }, 0);
  }

  /** Records a file that failed as a whole, keeping the problem's own code (unrecognised, truncated, ...). */
  addFailedFile(problem: Problem, bytes: number): FileAccount {
    const account = this.failedEntry(problem, bytes);
    this.files.push(account);
    return account;
  }

  build(): Dataset {
    return { files: [...this.files], findings: [...this.findings] };
  }

  private failedEntry(problem: Problem, bytes: number): FileAccount {
    const account = emptyAccount(problem.file, bytes);
    if (problem.code === 'empty_file') {
      account.format = 'empty';
      account.formatTitle = 'Empty file';
      account.notes.push(describeProblem(problem));
      return account;
    }
    account.errors.push(toFileError(problem));
    return account;
  }

  private addEntry(entry: ReadEntry, onProgress?: (progress: IngestProgress) => void): FileAccount {
    const { input } = entry;
    const account = emptyAccount(input.fileName, entry.byteLength);

    let format: FormatModule | null = null;
    const detection = detectFormat(input, this.formats);
    if (detection.ok) {
      format = detection.format;
    } else if (isEmptyDocument(input)) {
      format = formatFromFileName(input.fileName, this.formats);
      if (!format) {
        account.format = 'empty';
        account.formatTitle = 'Empty document';
        account.notes.push(`${input.fileName}: the document holds no records (${describeEmpty(input.doc)}).`);
        return account;
      }
    } else {
      const tried = detection.tried.map((attempt) => `${attempt.id} (${attempt.reason})`).join('; ');
      account.errors.push(
        toFileError({ code: 'unrecognised_format', file: input.fileName, detail: `tried ${tried}` }),
      );
      return account;
    }

    account.format = format.id;
    account.formatTitle = format.title;
    for (const problem of entry.problems) account.errors.push(toFileError(problem));

    for (const bad of entry.badLines) {
      account.records++;
      this.reject(account, { code: 'invalid_record', record: bad.line - 1, detail: bad.detail });
    }

    let index = 0;
    for (const outcome of format.parse(input)) {
      this.addOutcome(account, format, outcome);
      if (onProgress && ++index % 1000 === 0) {
        onProgress({ file: input.fileName, records: account.records, findings: account.findings });
      }
    }
    onProgress?.({ file: input.fileName, records: account.records, findings: account.findings });
    return account;
  }

  /**
   * Starts the account of a file whose records arrive in batches (the streaming reader for inputs too
   * large for one string). The caller feeds each outcome to `addOutcome`.
   */
  beginFile(path: string, bytes: number, format: FormatModule): FileAccount {
    const account = emptyAccount(path, bytes);
    account.format = format.id;
    account.formatTitle = format.title;
    this.files.push(account);
    return account;
  }

  /** Counts one record outcome into the account: a finding, a duplicate, a rejection or a note. */
  addOutcome(account: FileAccount, format: FormatModule, outcome: RecordOutcome): void {
    account.records++;
    if (outcome.ok) {
      this.accept(account, format, outcome.finding, outcome.record);
      return;
    }
    if (outcome.problem.code === 'not_findings') {
      // A document-level explanation, not a record: it does not count as one.
      account.records--;
      account.notes.push(describeProblem({ ...outcome.problem, file: account.path, record: undefined }));
      return;
    }
    this.reject(account, outcome.problem);
  }

  /** Records a file-level problem found while streaming (for example the file ends early). */
  addFileProblem(account: FileAccount, problem: Problem): void {
    account.errors.push(toFileError(problem));
  }

  private reject(account: FileAccount, problem: RecordProblem): void {
    account.rejected++;
    if (account.errors.length < MAX_ERRORS_PER_FILE) {
      account.errors.push(toFileError({ ...problem, file: account.path }));
    }
  }

  private accept(account: FileAccount, format: FormatModule, parsed: ParsedFinding, record: number): void {
    const clean = sanitiseFinding(parsed);
    const identity = findingIdentity(clean);
    const existing = this.byIdentity.get(identity);
    if (existing !== undefined) {
      account.duplicates++;
      if (isNewer(clean.lastUpdated, this.updated[existing])) {
        this.updated[existing] = clean.lastUpdated;
        this.store(existing, toFinding(clean, format.id, account.path, record));
      }
      return;
    }
    account.findings++;
    const index = this.updated.length;
    this.byIdentity.set(identity, index);
    this.updated.push(clean.lastUpdated);
    this.store(index, toFinding(clean, format.id, account.path, record));
  }

  /** Puts the finding at dataset `index`, which is either the next index or one being replaced. */
  private store(index: number, finding: Finding): void {
    if (this.retain) {
      this.findings[index] = finding;
      return;
    }
    const { changes } = this;
    if (index >= changes.start) changes.added[index - changes.start] = finding;
    else changes.replaced.push([index, finding]);
  }
}

/** Completes a parsed finding in place (no copy: this runs once per record on inputs of 100k+ records). */
function toFinding(parsed: ParsedFinding, sourceFormat: string, sourceFile: string, sourceRecord: number): Finding {
  return Object.assign(parsed, classify(parsed), { sourceFormat, sourceFile, sourceRecord });
}

function toFileError(problem: Problem): FileError {
  return { code: problem.code, record: problem.record, path: problem.path, message: describeProblem(problem) };
}

function describeEmpty(doc: ReadEntry['input']['doc']): string {
  if (doc.kind === 'empty') return 'only white space';
  if (doc.kind === 'json') return `the JSON value ${JSON.stringify(doc.value)}`;
  return doc.kind;
}

/** Convenience for one-shot use: ingest a list of named byte arrays. */
export async function ingest(files: readonly { path: string; bytes: Uint8Array }[]): Promise<Dataset> {
  const builder = new DatasetBuilder();
  for (const file of files) await builder.addFile(file.path, file.bytes);
  return builder.build();
}
