#!/usr/bin/env node
// Floor of the streaming path for bench/cli-summary.ts: reads one file in 1 MiB chunks through the record
// splitter and parses every record, with no format parsing or classification. Prints the split result.
import { createReadStream } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { RecordStreamSplitter } = await import('../src/formats/record-stream.ts');
let invalid = 0;
const splitter = new RecordStreamSplitter({ onElement: () => {}, onInvalidElement: () => invalid++ });
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1024 * 1024 })) splitter.push(chunk);
process.stdout.write(`${JSON.stringify({ ...splitter.end(), invalid })}\n`);
