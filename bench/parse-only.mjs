#!/usr/bin/env node
// Baseline for bench/cli-summary.ts: reads one JSON file into a string and runs JSON.parse, nothing else.
// Prints the number of records (top-level array items, or the items under Findings/findings).
import { readFileSync } from 'node:fs';

const value = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const records = Array.isArray(value) ? value : (value.Findings ?? value.findings ?? []);
process.stdout.write(`${JSON.stringify({ records: records.length })}\n`);
