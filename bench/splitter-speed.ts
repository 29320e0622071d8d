/**
 * Measures the record splitter in memory, without disk reads or ingest: MB/s of splitting one file into
 * parsed records, against JSON.parse of the whole decoded text when the file fits in one string. Rates
 * are given per wall second and per CPU second of the process, and the second is steadier on a busy machine.
 * Usage: npx tsx bench/splitter-speed.ts [--rounds 3] [--chunk-kib 1024] FILE
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RecordStreamSplitter } from '../src/formats/record-stream';
import { describeMachine } from './lib/machine';

/** V8's maximum string length is 2^29 - 24 characters, so larger files cannot be decoded into one string. */
const MAX_STRING_BYTES = 2 ** 29 - 24;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, 'chunk-kib': { type: 'string', default: '1024' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: splitter-speed.ts [--rounds N] [--chunk-kib N] FILE');
const rounds = Number(values.rounds);
const chunkBytes = Number(values['chunk-kib']) * 1024;
const bytes = new Uint8Array(readFileSync(file));
const megabytes = statSync(file).size / 1e6;

function splitOnce(): number {
  let records = 0;
  const splitter = new RecordStreamSplitter({ onElement: () => records++, onInvalidElement: () => records++ });
  for (let at = 0; at < bytes.length; at += chunkBytes) splitter.push(bytes.subarray(at, at + chunkBytes));
  splitter.end();
  return records;
}

function parseOnce(): number {
  const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  return Array.isArray(value) ? value.length : Object.keys(value as object).length;
}

function time(run: () => number): { seconds: number; cpuSeconds: number; count: number } {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const count = run();
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, count };
}

interface Result {
  seconds: number[];
  cpuSeconds: number[];
  megabytesPerSecond: number;
  megabytesPerCpuSecond: number;
  count: number;
}

const results: Record<string, Result> = {};
const variants: [string, () => number][] = [['split', splitOnce]];
if (bytes.length <= MAX_STRING_BYTES) variants.push(['JSON.parse', parseOnce]);
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of variants) {
    const { seconds, cpuSeconds, count } = time(run);
    const entry = (results[name] ??= { seconds: [], cpuSeconds: [], megabytesPerSecond: 0, megabytesPerCpuSecond: 0, count });
    entry.seconds.push(Math.round(seconds * 1000) / 1000);
    entry.cpuSeconds.push(Math.round(cpuSeconds * 1000) / 1000);
  }
}
for (const entry of Object.values(results)) {
  entry.megabytesPerSecond = Math.round(megabytes / Math.min(...entry.seconds));
  entry.megabytesPerCpuSecond = Math.round(megabytes / Math.min(...entry.cpuSeconds));
}
process.stdout.write(`${JSON.stringify({ file, megabytes: Math.round(megabytes), chunkKiB: chunkBytes / 1024, machine: describeMachine(), results }, null, 2)}\n`);
