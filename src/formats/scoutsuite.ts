/**
 * ScoutSuite reports (`scoutsuite-results/scoutsuite_results_<name>.js`, `scoutsuite_results =\n{...}`) and
 * the legacy Scout2 report (`aws_config.js`, `aws_info = {...}`); the same object saved as plain JSON is read
 * too.
 *
 * Source: reports written by ScoutSuite (github.com/nccgroup/ScoutSuite) and Scout2. Each rule result sits at
 * `services.<service>.findings.<rule>` with `description`, `path`, `display_path`, `level`, `items`,
 * `flagged_items`, `rationale`, `remediation`, `compliance`, `references`. One finding per flagged item:
 * each entry of `items` is a dotted path to the flagged object, e.g.
 * `ec2.regions.eu-west-2.vpcs.vpc-1.security_groups.sg-2.rules.ingress`. The rule's `display_path` (or
 * `path`) template marks the id segments of that path with `id`. Aligned with it, the path gives the region,
 * the resource type (the collection before the last id, `security_groups`) and the resource id (the object's
 * `arn` where it has one, else the id segment). Level danger is high, warning is medium.
 * Reports of other providers (`provider_code` gcp, azure, ...) are read; their service key is written
 * `gcp:<key>` in `hints.serviceName` so that no AWS service matches.
 * The companion `exceptions = {...}` file lists rule exceptions, not findings, so it yields one
 * `not_findings` outcome. Ignored on purpose: `last_run` summaries, `metadata`, `sg_map`/`subnet_map`, rules without
 * flagged items, and the exceptions themselves (they are not applied to the results).
 */
import type { Severity } from '../model/vocabulary';
import { arr, isObject, own, rawText, safeUrl, str, type JsonObject } from './fields';
import { severityWord } from './lookup';
import { accept, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { notFindings } from './wrappers';

/** JavaScript variables that hold a report: ScoutSuite's and legacy Scout2's. */
const REPORT_VARIABLES = ['scoutsuite_results', 'aws_info'];
const EXCEPTIONS_VARIABLE = 'exceptions';

/** Location of a flagged item in the report. */
interface ItemLocation {
  region: string | null;
  resourceType: string | null;
  resourceId: string | null;
  /** The flagged resource's object in the report, kept in the raw record. */
  resource: unknown;
}

interface RuleContext {
  provider: string;
  account: string | null;
  serviceKey: string;
  ruleKey: string;
  rule: JsonObject;
  services: JsonObject;
}

function detect(input: FormatInput): Detection {
  const { doc } = input;
  if (doc.kind === 'js') {
    if (doc.variable === EXCEPTIONS_VARIABLE && isObject(doc.value)) return { match: true };
    if (REPORT_VARIABLES.includes(doc.variable) && isObject(own(doc.value, 'services'))) return { match: true };
    return { match: false, reason: `the JavaScript variable "${doc.variable}" is not a ScoutSuite report with services` };
  }
  if (doc.kind === 'json' && isJsonReport(doc.value)) return { match: true };
  return { match: false, reason: 'it is not a ScoutSuite report (no "services" with "provider_code" or "last_run")' };
}

function isJsonReport(value: unknown): boolean {
  if (!isObject(own(value, 'services'))) return false;
  return typeof own(value, 'provider_code') === 'string' || isObject(own(value, 'last_run'));
}

function* parse(input: FormatInput): Iterable<RecordOutcome> {
  const { doc } = input;
  if (doc.kind === 'js' && doc.variable === EXCEPTIONS_VARIABLE) {
    yield notFindings('it is a ScoutSuite exceptions file, which lists rule exceptions; open scoutsuite_results_*.js');
    return;
  }
  const report = doc.kind === 'js' || doc.kind === 'json' ? doc.value : null;
  const services = own(report, 'services');
  if (!isObject(services)) return;
  const provider = (str(own(report, 'provider_code')) ?? 'aws').toLowerCase();
  const account = str(own(report, 'account_id'));

  let index = 0;
  for (const [serviceKey, service] of Object.entries(services)) {
    const rules = own(service, 'findings');
    if (!isObject(rules)) continue;
    for (const [ruleKey, rule] of Object.entries(rules)) {
      if (!isObject(rule)) continue;
      const context: RuleContext = { provider, account, serviceKey, ruleKey, rule, services };
      const items = arr(own(rule, 'items'));
      for (let position = 0; position < items.length; position++) {
        yield readItem(index++, items[position], position, context);
      }
    }
  }
}

/** Parses one item. An exception inside it rejects that item only, so the rest of the report loads. */
function readItem(index: number, item: unknown, position: number, context: RuleContext): RecordOutcome {
  try {
    return parseItem(index, item, position, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return reject(index, 'invalid_record', `it could not be read (${message})`);
  }
}

function parseItem(index: number, item: unknown, position: number, context: RuleContext): RecordOutcome {
  const { provider, account, serviceKey, ruleKey, rule } = context;
  const itemPath = typeof item === 'string' ? str(item) : null;
  if (itemPath === null) {
    const path = `services.${serviceKey}.findings.${ruleKey}.items.${position}`;
    return reject(index, 'wrong_type', 'the flagged item is not a dotted path string', path);
  }
  const location = locateItem(context.services, itemPath, str(own(rule, 'display_path')) ?? str(own(rule, 'path')));
  const references = arr(own(rule, 'references'));

  return accept(
    index,
    makeFinding({
      id: `scoutsuite:${account ?? ''}:${ruleKey}:${itemPath}`,
      title: str(own(rule, 'description')) ?? ruleKey,
      description: str(own(rule, 'rationale')) ?? '',
      status: 'open',
      severity: severityOf(own(rule, 'level')),
      kind: 'configuration',
      checkId: ruleKey,
      resourceType: location.resourceType,
      resourceId: location.resourceId,
      accountId: account,
      region: location.region,
      sourceTool: 'ScoutSuite',
      remediation: str(own(rule, 'remediation')),
      remediationUrl: references.map(safeUrl).find((url) => url !== null) ?? null,
      standards: standardsOf(own(rule, 'compliance')),
      hints: {
        serviceName: provider === 'aws' ? serviceKey : `${provider}:${serviceKey}`,
        ruleKey,
        resourceTypes: location.resourceType ? [location.resourceType] : undefined,
      },
      raw: rawText({ rule: ruleKey, item: itemPath, level: own(rule, 'level'), resource: location.resource }),
    }),
  );
}

/** Maps a rule level. ScoutSuite rulesets set each rule to danger or warning, and any other level reads as warning. */
function severityOf(level: unknown): Severity {
  return severityWord(level) ?? 'medium';
}

/** Compliance entries such as `{name: "CIS Amazon Web Services Foundations", version: "1.2.0", reference: "1.9"}`. */
function standardsOf(compliance: unknown): string[] {
  const standards: string[] = [];
  for (const entry of arr(compliance)) {
    const parts = [str(own(entry, 'name')), str(own(entry, 'version')), str(own(entry, 'reference'))];
    const text = parts.filter(Boolean).join(' ');
    if (text !== '' && !standards.includes(text)) standards.push(text);
  }
  return standards;
}

/**
 * Finds the region, resource type and resource id of a flagged item by walking its path through the report
 * next to the rule's path template (`ec2.regions.id.vpcs.id.security_groups.id`). The walk matches report
 * keys, so an id that itself contains dots (an S3 bucket name) still counts as one segment.
 */
export function locateItem(services: JsonObject, itemPath: string, template: string | null): ItemLocation {
  const walked = walkPath(services, itemPath.split('.'));
  const templateSegments = (template ?? '').split('.');
  let region: string | null = null;
  let resourceType: string | null = null;
  let resourceId: string | null = null;
  let resourceObject: unknown = undefined;

  for (let position = 1; position < Math.min(templateSegments.length, walked.length); position++) {
    if (templateSegments[position] !== 'id') continue;
    const collection = templateSegments[position - 1];
    if (collection === 'regions') region = walked[position].key;
    resourceType = collection;
    resourceId = walked[position].key;
    resourceObject = walked[position].value;
  }
  if (resourceType === null && walked.length > 1) {
    // Account-level items such as `iam.password_policy.MinimumPasswordLength` have no id segment.
    resourceType = walked[1].key;
    resourceObject = walked[1].value;
  }
  return { region, resourceType, resourceId: str(own(resourceObject, 'arn')) ?? resourceId, resource: resourceObject };
}

interface WalkedSegment {
  key: string;
  value: unknown;
}

function walkPath(root: unknown, segments: string[]): WalkedSegment[] {
  const walked: WalkedSegment[] = [];
  let current = root;
  let start = 0;
  while (start < segments.length) {
    let end = start;
    let value: unknown = undefined;
    for (; end < segments.length; end++) {
      value = childOf(current, segments.slice(start, end + 1).join('.'));
      if (value !== undefined) break;
    }
    if (value === undefined) {
      // The report does not hold the rest of the path: keep the segments as written.
      for (const key of segments.slice(start)) walked.push({ key, value: undefined });
      break;
    }
    walked.push({ key: segments.slice(start, end + 1).join('.'), value });
    current = value;
    start = end + 1;
  }
  return walked;
}

function childOf(parent: unknown, key: string): unknown {
  if (Array.isArray(parent)) {
    const position = Number(key);
    return Number.isInteger(position) && position >= 0 ? parent[position] : undefined;
  }
  return own(parent, key);
}

export const scoutSuiteFormat: FormatModule = {
  id: 'scoutsuite',
  title: 'ScoutSuite report',
  versions: 'ScoutSuite 5.x `scoutsuite_results_*.js` (any provider), Scout2 `aws_config.js`, the same object as JSON',
  ignores: 'last_run summaries, metadata, sg_map/subnet_map, rules without flagged items, exceptions files',
  fileNameHint: /^scoutsuite_(results|exceptions)_.*\.js$/i,
  detect,
  parse,
};
