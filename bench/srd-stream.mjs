#!/usr/bin/env node
// `srd summary --json FILE...` through the streaming reader (src/ingest/stream.ts), for benchmarks until
// the CLI routes large files there itself. Usage: node bench/srd-stream.mjs summary --json FILE...
import { register } from 'tsx/esm/api';

register();
const { runStreamingSummary } = await import('./lib/stream-summary.ts');
process.exitCode = await runStreamingSummary(process.argv.slice(2));
