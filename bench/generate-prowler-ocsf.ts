/**
 * Writes a large Prowler JSON-OCSF export (a top-level array) and prints its tally as JSON on stdout.
 * Usage: npx tsx bench/generate-prowler-ocsf.ts --count 1000000 --out bench/out/prowler-1m.ocsf.json [--seed 1] [--accounts 12]
 */
import { generateProwlerOcsf } from './generators/prowler-ocsf';
import { readGeneratorArgs } from './lib/cli-options';
import { FileWriter } from './lib/writer';

const args = readGeneratorArgs(process.argv.slice(2), 'generate-prowler-ocsf.ts --count N --out FILE [--seed N] [--accounts N]');
const writer = new FileWriter(args.out);
const tally = generateProwlerOcsf(args, writer);
writer.close();
tally.bytes = writer.bytes;
process.stdout.write(`${JSON.stringify(tally, null, 2)}\n`);
