/**
 * Writes the sample exports the dashboard opens with "Explore the sample exports": a Security Hub ASFF
 * export (controls, GuardDuty, Inspector) and a Prowler OCSF scan of the same fictional estate, plus
 * `index.json` listing them. The output is deterministic: the same seed gives the same bytes.
 *
 *   npx tsx scripts/generate-samples.ts [OUTPUT_DIR]     (default: public/samples)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlFinding, guardDutyFinding, inspectorReachability, inspectorVulnerability, type AsffContext } from './samples/asff';
import { CHECKS, CONTROLS, THREATS, VULNERABILITIES } from './samples/catalog';
import { buildEstate, type Resource, type ResourceKind } from './samples/estate';
import { prowlerFinding } from './samples/prowler';
import { Random } from './samples/random';

const SEED = 20_250_602;
/** The moment the exports claim to have been taken; fixed so that the output never changes. */
const EXPORT_TIME = new Date('2025-06-02T08:00:00Z');

export interface SampleFile {
  file: string;
  title: string;
  description: string;
}

type Json = Record<string, unknown>;

function securityHubExport(estate: Map<ResourceKind, Resource[]>, random: Random): Json[] {
  const context: AsffContext = { random, now: EXPORT_TIME };
  const findings: Json[] = [];
  const resources = (kind: ResourceKind) => estate.get(kind) ?? [];

  for (const control of CONTROLS) {
    for (const resource of resources(control.kind)) findings.push(controlFinding(control, resource, context));
  }

  for (const threat of THREATS) {
    for (const resource of resources(threat.kind)) {
      if (random.chance(0.18)) findings.push(guardDutyFinding(threat, resource, context));
    }
  }

  for (const kind of ['ec2-instance', 'ecr-image', 'lambda-function'] as const) {
    for (const resource of resources(kind)) {
      for (const vulnerability of VULNERABILITIES) {
        if (!fitsResource(vulnerability.packageManager, kind) || !random.chance(0.35)) continue;
        findings.push(inspectorVulnerability(vulnerability, resource, context));
      }
      if (kind === 'ec2-instance' && random.chance(0.2)) findings.push(inspectorReachability(resource, context));
    }
  }

  return [...findings, ...olderCopies(findings, random)];
}

/** OS packages are scanned on instances and images, language packages in images and functions. */
function fitsResource(packageManager: string, kind: ResourceKind): boolean {
  if (packageManager === 'OS') return kind !== 'lambda-function';
  return kind !== 'ec2-instance';
}

/**
 * Security Hub exports taken page by page can repeat a finding that changed between pages. Three older
 * copies make the dashboard's duplicate count visible.
 */
function olderCopies(findings: Json[], random: Random): Json[] {
  return [0, 1, 2].map(() => {
    const original = random.pick(findings);
    return { ...original, UpdatedAt: '2025-01-15T10:00:00.000Z', LastObservedAt: '2025-01-15T10:00:00.000Z' };
  });
}

function prowlerScan(estate: Map<ResourceKind, Resource[]>, random: Random): Json[] {
  const findings: Json[] = [];
  for (const check of CHECKS) {
    for (const resource of estate.get(check.kind) ?? []) findings.push(prowlerFinding(check, resource, random, EXPORT_TIME));
  }
  return findings;
}

export function generateSamples(outputDir: string): SampleFile[] {
  const random = new Random(SEED);
  const estate = buildEstate(random);
  const files: { sample: SampleFile; content: unknown }[] = [
    {
      sample: {
        file: 'security-hub-findings.asff.json',
        title: 'AWS Security Hub export (ASFF)',
        description: 'Security Hub controls, GuardDuty threats and Inspector vulnerabilities across three accounts.',
      },
      content: { Findings: securityHubExport(estate, random) },
    },
    {
      sample: {
        file: 'prowler-scan.ocsf.json',
        title: 'Prowler scan (OCSF JSON)',
        description: 'A Prowler v5 scan of the same accounts: passed, failed, manual and muted checks.',
      },
      content: prowlerScan(estate, random),
    },
  ];

  mkdirSync(outputDir, { recursive: true });
  for (const { sample, content } of files) {
    writeFileSync(join(outputDir, sample.file), `${JSON.stringify(content, null, 1)}\n`);
  }
  const index = files.map((entry) => entry.sample);
  writeFileSync(join(outputDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outputDir = resolve(process.argv[2] ?? join(repositoryRoot, 'public', 'samples'));
  for (const sample of generateSamples(outputDir)) console.log(`wrote ${join(outputDir, sample.file)}`);
}
