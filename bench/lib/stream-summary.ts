/**
 * The summary document of `srd summary --json`, built with the streaming reader for every file. It is used
 * by bench/srd-stream.mjs, and the output has the same shape as the CLI's.
 */
import { createReadStream, statSync } from 'node:fs';
import { summarize } from '../../src/analysis/summary';
import { DatasetBuilder } from '../../src/ingest/dataset';
import { addJsonStream } from '../../src/ingest/stream';

/** Runs `summary --json FILE...`. Returns 3 when a file is unreadable, as the CLI does, and 2 on bad usage. */
export async function runStreamingSummary(argv: string[]): Promise<number> {
  const [command, flag, ...files] = argv;
  if (command !== 'summary' || flag !== '--json' || files.length === 0) {
    process.stderr.write('usage: node bench/srd-stream.mjs summary --json FILE...\n');
    return 2;
  }
  const builder = new DatasetBuilder();
  for (const path of files) {
    // Progress on stderr every 100,000 records shows how far a run got if it runs out of memory.
    let reported = 0;
    await addJsonStream(builder, path, createReadStream(path, { highWaterMark: 1024 * 1024 }), statSync(path).size, (progress) => {
      if (progress.records - reported < 100_000) return;
      reported = progress.records;
      process.stderr.write(`srd-stream: ${path}: ${progress.records} records, ${Math.round(progress.bytesRead / 2 ** 20)} MiB read\n`);
    });
  }
  const dataset = builder.build();
  process.stdout.write(`${JSON.stringify(summarize(dataset), null, 2)}\n`);
  return dataset.files.some((file) => file.format === null) ? 3 : 0;
}
