import { describe, expect, it } from 'vitest';
import { testFinding } from '../../../model/test-finding';
import { emptyAccount } from '../../../ingest/account';
import type { IngestEvent, IngestRequest } from '../../../ingest/worker-protocol';
import { IngestCancelledError, IngestClient, type JobProgress } from './ingest-client';

/**
 * Stands in for the ingest worker. Like the real one it keeps the files it was given, and it posts a
 * progress event and a file-done event per file. It holds back a file named `slow.json` until `release()`.
 */
class FakeWorker {
  onmessage: ((message: MessageEvent<IngestEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly requests: IngestRequest[] = [];
  terminated = false;
  failWith: string | null = null;
  private kept: File[] = [];
  private held: (() => void) | null = null;

  postMessage(request: IngestRequest): void {
    this.requests.push(request);
    if (request.type === 'raw') {
      const texts = request.indexes.map((index) => `raw ${index}`);
      void Promise.resolve().then(() => this.emit({ type: 'raw', requestId: request.requestId, texts }));
      return;
    }
    if (request.type === 'reset') this.kept = [];
    void this.run(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  release(): void {
    this.held?.();
  }

  private async run(request: Extract<IngestRequest, { jobId: number }>): Promise<void> {
    await Promise.resolve();
    if (this.failWith) return this.emit({ type: 'failed', jobId: request.jobId, message: this.failWith });
    for (const file of request.files) {
      if (file.name === 'slow.json') await new Promise<void>((resolve) => (this.held = resolve));
      if (this.terminated) return;
      this.emit({ type: 'progress', jobId: request.jobId, file: file.name, bytesRead: file.size, totalBytes: file.size, records: 1, findings: 1 });
      this.kept.push(file);
      this.emit({ type: 'findings', jobId: request.jobId, start: this.kept.length - 1, added: [testFinding({ id: file.name })], replaced: [] });
      const account = { ...emptyAccount(file.name, file.size), format: 'asff', records: 1, findings: 1 };
      this.emit({ type: 'file-done', jobId: request.jobId, accounts: [account] });
    }
    const files = this.kept.map((file) => ({ ...emptyAccount(file.name, file.size), format: 'asff', records: 1, findings: 1 }));
    this.emit({ type: 'done', jobId: request.jobId, files });
  }

  private emit(event: IngestEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<IngestEvent>);
  }
}

/** Creates a client over fake workers. With `failFirst`, the first worker replies to every request with that failure. */
function setup(failFirst: string | null = null) {
  const workers: FakeWorker[] = [];
  const client = new IngestClient(() => {
    const worker = new FakeWorker();
    if (workers.length === 0) worker.failWith = failFirst;
    workers.push(worker);
    return worker as unknown as Worker;
  });
  const progress: JobProgress[] = [];
  return { client, workers, progress, onProgress: (next: JobProgress) => progress.push(next) };
}

const file = (name: string) => new File(['{}'], name);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('IngestClient.add', () => {
  it('returns dataset and loaded files', async () => {
    const { client, onProgress } = setup();
    const result = await client.add([file('a.json'), file('b.json')], onProgress);
    expect(result.dataset.files.map((account) => account.path)).toEqual(['a.json', 'b.json']);
    expect(result.files.map((loaded) => loaded.file.name)).toEqual(['a.json', 'b.json']);
    expect(new Set(result.files.map((loaded) => loaded.id)).size).toBe(2);
  });

  it('reports progress per file', async () => {
    const { client, progress, onProgress } = setup();
    await client.add([file('a.json'), file('b.json')], onProgress);
    expect(progress[0].files.map((entry) => entry.state)).toEqual(['waiting', 'waiting']);
    expect(progress.at(-1)?.files.map((entry) => entry.state)).toEqual(['done', 'done']);
  });

  it('merges later files', async () => {
    const { client, workers, onProgress } = setup();
    await client.add([file('a.json')], onProgress);
    const result = await client.add([file('b.json')], onProgress);
    expect(workers).toHaveLength(1);
    expect(workers[0].requests.map((request) => request.type)).toEqual(['add', 'add']);
    expect(result.files.map((loaded) => loaded.file.name)).toEqual(['a.json', 'b.json']);
  });
});

describe('IngestClient.remove', () => {
  it('resets with the other files', async () => {
    const { client, workers, onProgress } = setup();
    const first = await client.add([file('a.json'), file('b.json'), file('c.json')], onProgress);
    const result = await client.remove(first.files[1].id, onProgress);
    const reset = workers[0].requests.at(-1)!;
    expect(reset.type).toBe('reset');
    expect(reset.type === 'reset' && reset.files.map((entry) => entry.name)).toEqual(['a.json', 'c.json']);
    expect(result.files.map((loaded) => loaded.id)).toEqual([first.files[0].id, first.files[2].id]);
  });

  it('empties without the worker', async () => {
    const { client, workers, onProgress } = setup();
    const first = await client.add([file('a.json')], onProgress);
    const result = await client.remove(first.files[0].id, onProgress);
    expect(result.files).toEqual([]);
    expect(result.dataset.files).toEqual([]);
    expect(workers[0].terminated).toBe(true);
  });
});

describe('IngestClient.cancel', () => {
  it('rejects the job and keeps finished files', async () => {
    const { client, workers, onProgress } = setup();
    await client.add([file('a.json')], onProgress);
    const job = client.add([file('b.json'), file('slow.json'), file('c.json')], onProgress);
    await tick();

    client.cancel();
    await expect(job).rejects.toBeInstanceOf(IngestCancelledError);
    expect(workers[0].terminated).toBe(true);

    const restored = await client.restore(onProgress);
    expect(workers).toHaveLength(2);
    expect(workers[1].requests[0].type).toBe('reset');
    expect(restored.files.map((loaded) => loaded.file.name)).toEqual(['a.json', 'b.json']);
  });

  it('keeps unread files when a rebuild is cancelled', async () => {
    const { client, workers, onProgress } = setup();
    const slowJob = client.add([file('slow.json')], onProgress);
    await tick();
    workers[0].release();
    const first = await slowJob;
    const second = await client.add([file('c.json')], onProgress);

    // Removing c.json rebuilds from slow.json alone, which is held until released.
    const rebuild = client.remove(second.files[1].id, onProgress);
    await tick();
    client.cancel();
    await expect(rebuild).rejects.toBeInstanceOf(IngestCancelledError);

    const restore = client.restore(onProgress);
    await tick();
    workers[1].release();
    const restored = await restore;
    expect(restored.files.map((loaded) => loaded.id)).toEqual([first.files[0].id]);
  });
});

describe('IngestClient failures', () => {
  it('rejects with the worker message', async () => {
    const { client, onProgress } = setup('out of memory');
    await expect(client.add([file('a.json')], onProgress)).rejects.toThrow('Reading the files failed: out of memory');
  });

  it('accepts a new job after a failure', async () => {
    const { client, workers, onProgress } = setup('out of memory');
    await expect(client.add([file('a.json')], onProgress)).rejects.toThrow();
    expect(workers[0].terminated).toBe(true);
    const result = await client.add([file('b.json')], onProgress);
    expect(result.files.map((loaded) => loaded.file.name)).toEqual(['b.json']);
  });
});

describe('IngestClient findings', () => {
  it('collects batches', async () => {
    const { client, onProgress } = setup();
    const result = await client.add([file('a.json'), file('b.json')], onProgress);
    expect(result.dataset.findings.map((finding) => finding.id)).toEqual(['a.json', 'b.json']);
  });

  it('starts over on removal', async () => {
    const { client, onProgress } = setup();
    const first = await client.add([file('a.json'), file('b.json')], onProgress);
    const result = await client.remove(first.files[0].id, onProgress);
    expect(result.dataset.findings.map((finding) => finding.id)).toEqual(['b.json']);
  });
});

describe('IngestClient.rawRecords', () => {
  it('asks the worker by dataset index', async () => {
    const { client, workers, onProgress } = setup();
    const { dataset } = await client.add([file('a.json'), file('b.json')], onProgress);
    expect(await client.rawRecords([dataset.findings[1], dataset.findings[0]])).toEqual(['raw 1', 'raw 0']);
    expect(workers[0].requests.at(-1)).toMatchObject({ type: 'raw', indexes: [1, 0] });
  });

  it('answers foreign findings itself', async () => {
    const { client } = setup();
    expect(await client.rawRecords([testFinding({ raw: '{"a":1}' })])).toEqual(['{"a":1}']);
  });

  it('refuses findings of a rebuilt dataset', async () => {
    const { client, onProgress } = setup();
    const first = await client.add([file('a.json'), file('b.json')], onProgress);
    await client.remove(first.files[0].id, onProgress);
    await expect(client.rawRecords([first.dataset.findings[0], testFinding()])).rejects.toThrow(/read again/);
  });
});
