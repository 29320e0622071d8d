import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

export interface GeneratorArgs {
  count: number;
  out: string;
  seed: number;
  accounts: number;
}

/** Reads `--count N --out FILE [--seed N] [--accounts N]` and creates the output folder. */
export function readGeneratorArgs(argv: string[], usage: string): GeneratorArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      accounts: { type: 'string', default: '12' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const accounts = Number(values.accounts);
  if (!values.out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !Number.isInteger(accounts) || accounts < 1) {
    throw new Error(`invalid arguments ${argv.join(' ')}. Usage: ${usage}`);
  }
  mkdirSync(dirname(values.out), { recursive: true });
  return { count, out: values.out, seed, accounts };
}
