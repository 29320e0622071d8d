#!/usr/bin/env node
// Lists the functions with the most self time in a V8 CPU profile (from `node --cpu-prof`), or with the
// most total time (self and callees) with --total. Usage: node bench/profile-top.mjs [--total] FILE.cpuprofile [ROWS]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const inclusive = args[0] === '--total';
const [file, rowsText = '25'] = inclusive ? args.slice(1) : args;
if (!file) {
  process.stderr.write('usage: node bench/profile-top.mjs [--total] FILE.cpuprofile [ROWS]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

function keyOf(node) {
  const { callFrame } = node;
  const where = callFrame.url ? ` ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}` : '';
  return `${callFrame.functionName || '(anonymous)'}${where}`;
}

/** Returns the keys of a sample's stack, each once, so that recursion is not counted twice. */
function stackKeys(nodeId) {
  const keys = new Set();
  for (let id = nodeId; id !== undefined; id = parents.get(id)) keys.add(keyOf(nodes.get(id)));
  return keys;
}

// Each sample names the node that was running, and timeDeltas[i] is the time in microseconds before sample i.
const selfMicros = new Map();
let totalMicros = 0;
profile.samples.forEach((nodeId, index) => {
  const micros = profile.timeDeltas[index] ?? 0;
  const keys = inclusive ? stackKeys(nodeId) : [keyOf(nodes.get(nodeId))];
  for (const key of keys) selfMicros.set(key, (selfMicros.get(key) ?? 0) + micros);
  totalMicros += micros;
});

const rows = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsText));
for (const [key, micros] of rows) {
  process.stdout.write(`${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / totalMicros).toFixed(1).padStart(5)} %  ${key}\n`);
}
process.stdout.write(`${(totalMicros / 1000).toFixed(0).padStart(8)} ms total\n`);
