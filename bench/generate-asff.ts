/**
 * Writes a large Security Hub export (`{"Findings":[...]}`, ASFF) and prints its tally as JSON on stdout.
 * Usage: npx tsx bench/generate-asff.ts --count 100000 --out bench/out/asff-100k.json [--seed 1] [--accounts 12]
 */
import { generateAsff } from './generators/asff';
import { readGeneratorArgs } from './lib/cli-options';
import { FileWriter } from './lib/writer';

const args = readGeneratorArgs(process.argv.slice(2), 'generate-asff.ts --count N --out FILE [--seed N] [--accounts N]');
const writer = new FileWriter(args.out);
const tally = generateAsff(args, writer);
writer.close();
tally.bytes = writer.bytes;
process.stdout.write(`${JSON.stringify(tally, null, 2)}\n`);
