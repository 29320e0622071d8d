/**
 * Prowler's JSON-OCSF output (`prowler <provider> -M json-ocsf`, the `*.ocsf.json` file): an array of OCSF
 * Detection Finding (class_uid 2004) objects with `metadata.product.name` "Prowler".
 * Source: prowler/lib/outputs/ocsf/ocsf.py in prowler-cloud/prowler, and the OCSF Detection Finding class.
 * Versions read: Prowler 4.x and 5.x (OCSF 1.4.0, numeric `created_time` and `time`), the earlier layout of
 * Prowler 3.x and 4.2 (OCSF 1.2.0, text times, `unmapped.categories` as one string), and every provider
 * (AWS, Azure, GCP, Kubernetes ...). Also JSON Lines and a single object.
 * Ignored on purpose (kept in `raw`): resources after the first except their types and ids,
 * `resources[].data`, `risk_details`, `unmapped.depends_on`, `related_to`, `notes` and `additional_urls`, and
 * the OCSF activity and type fields. OCSF findings of other products (Security Hub v2, Security Lake) are
 * left to their own modules.
 */
import type { Severity } from '../model/vocabulary';
import { describeValueType, nonEmpty, withoutUndefined } from './parse-helpers';
import { arr, at, isObject, own, rawText, safeUrl, str, strings } from './fields';
import { fsbpControlId, prowlerSeverity, prowlerStatus, prowlerTime, serviceHint, splitList, tagsFromPairs } from './prowler-common';
import { accept, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, InputDocument, RecordOutcome } from './types';

const DETECTION_FINDING_CLASS = 2004;

/** OCSF `status_id` 3 is Suppressed, the status Prowler gives muted results. */
const OCSF_STATUS_SUPPRESSED = 3;

/** OCSF `severity_id`, used when the `severity` caption is missing: 6 is Fatal. */
const SEVERITY_IDS: Record<number, Severity> = {
  1: 'informational',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'critical',
  6: 'critical',
};

interface OcsfRecord {
  record: unknown;
  index: number;
  line: number | null;
}

function recordsOf(doc: InputDocument): OcsfRecord[] | null {
  if (doc.kind === 'jsonl') return doc.values.map((record, position) => ({ record, index: doc.lines[position] - 1, line: doc.lines[position] }));
  if (doc.kind !== 'json') return null;
  const values = Array.isArray(doc.value) ? doc.value : [doc.value];
  return values.map((record, index) => ({ record, index, line: null }));
}

function detectProwlerOcsf(input: FormatInput): Detection {
  const records = recordsOf(input.doc);
  if (!records) return { match: false, reason: `the input is ${input.doc.kind}, not JSON or JSON Lines` };
  const first = records.find((entry) => isObject(entry.record))?.record;
  if (first === undefined) return { match: false, reason: 'no record is a JSON object' };
  const classUid = Number(own(first, 'class_uid'));
  if (classUid !== DETECTION_FINDING_CLASS) {
    return { match: false, reason: `the first record has class_uid ${String(own(first, 'class_uid'))}, expected ${DETECTION_FINDING_CLASS} (Detection Finding)` };
  }
  const product = str(at(first, 'metadata.product.name'));
  if (product?.toLowerCase() !== 'prowler') {
    return { match: false, reason: `metadata.product.name is ${product === null ? 'missing' : `"${product}"`}, not Prowler` };
  }
  return { match: true };
}

/**
 * Returns the provider from `cloud.provider`, else `unmapped.provider`, or null when unknown. Prowler writes
 * no `cloud` object for Kubernetes, whose records carry the "container" profile or a namespaced resource.
 */
function providerOf(record: unknown, resource: unknown): string | null {
  const named = str(at(record, 'cloud.provider')) ?? str(at(record, 'unmapped.provider'));
  if (named !== null) return named.toLowerCase();
  const profiles = strings(at(record, 'metadata.profiles'));
  if (own(record, 'cloud') === undefined && (profiles.includes('container') || own(resource, 'namespace') !== undefined)) {
    return 'kubernetes';
  }
  return null;
}

/** `unmapped.compliance`: framework -> requirement ids (a list, or one string in older outputs). */
function complianceOf(record: unknown): Map<string, string[]> {
  const compliance = new Map<string, string[]>();
  const value = at(record, 'unmapped.compliance');
  if (!isObject(value)) return compliance;
  for (const [framework, ids] of Object.entries(value)) {
    compliance.set(framework, Array.isArray(ids) ? strings(ids) : splitList(str(ids)).flatMap((id) => id.split(',').map((part) => part.trim())));
  }
  return compliance;
}

/**
 * `resources[].labels`: Prowler 4.x and later write each tag as `key: value` (tag keys may contain colons, as
 * in `aws:cloudformation:stack-name`); older outputs wrote `key=value`.
 */
function tagsFromLabels(labels: unknown): Record<string, string> {
  return tagsFromPairs(strings(labels), [': ', '=']);
}

function categoriesOf(record: unknown): string[] {
  const value = at(record, 'unmapped.categories');
  if (Array.isArray(value)) return strings(value);
  return splitList(str(value)).flatMap((item) => item.split(',').map((part) => part.trim()));
}

function severityOf(record: unknown): Severity {
  const severityId = Number(own(record, 'severity_id'));
  if (str(own(record, 'severity')) === null && SEVERITY_IDS[severityId]) return SEVERITY_IDS[severityId];
  return prowlerSeverity(own(record, 'severity'));
}

/**
 * Muted results have the OCSF status "Suppressed". The caption wins over `status_id`, because a Prowler 4.2.1
 * sample has status_id 3 (Suppressed) beside the status "New" on results that are not muted.
 */
function isMuted(record: unknown): boolean {
  if (at(record, 'unmapped.muted') === true) return true;
  const status = str(own(record, 'status'));
  if (status !== null) return status.toLowerCase() === 'suppressed';
  return Number(own(record, 'status_id')) === OCSF_STATUS_SUPPRESSED;
}

function descriptionOf(record: unknown): string {
  const parts = strings([own(record, 'status_detail') ?? own(record, 'message'), at(record, 'finding_info.desc')]);
  return parts.join('\n\n');
}

function parseRecord({ record, index, line }: OcsfRecord): RecordOutcome {
  const where = line !== null ? `on line ${line}, ` : '';
  if (!isObject(record)) return reject(index, 'wrong_type', `${where}the record is ${describeValueType(record)}, expected an OCSF finding object`);
  const id = str(at(record, 'finding_info.uid'));
  if (id === null) return reject(index, 'missing_field', `${where}the finding has no finding_info.uid, which identifies it`, 'finding_info.uid');

  const resources = arr(own(record, 'resources'));
  const resource = resources[0];
  const provider = providerOf(record, resource);
  const compliance = complianceOf(record);
  const checkId = str(at(record, 'metadata.event_code')) ?? str(at(record, 'finding_info.analytic.uid'));
  const references = arr(at(record, 'remediation.references'));
  const firstSeen =
    prowlerTime(at(record, 'finding_info.created_time')) ?? prowlerTime(at(record, 'finding_info.created_time_dt')) ?? prowlerTime(own(record, 'event_time'));

  return accept(
    index,
    makeFinding({
      id,
      title: str(at(record, 'finding_info.title')) ?? checkId ?? id,
      description: descriptionOf(record),
      status: prowlerStatus(str(own(record, 'status_code')), isMuted(record)),
      severity: severityOf(record),
      kind: 'configuration',
      controlId: fsbpControlId(compliance),
      checkId,
      resourceType: str(own(resource, 'type')),
      resourceId: str(own(resource, 'uid')) ?? str(own(resource, 'name')),
      accountId: str(at(record, 'cloud.account.uid')),
      region: str(own(resource, 'region')) ?? str(at(record, 'cloud.region')),
      sourceTool: 'Prowler',
      remediation: str(at(record, 'remediation.desc')),
      remediationUrl: references.map(safeUrl).find((url) => url !== null) ?? safeUrl(at(record, 'unmapped.related_url')),
      firstSeen,
      lastUpdated: prowlerTime(own(record, 'time')) ?? prowlerTime(own(record, 'time_dt')) ?? prowlerTime(own(record, 'event_time')) ?? firstSeen,
      tags: tagsFromLabels(own(resource, 'labels')),
      standards: [...compliance.keys()],
      hints: withoutUndefined({
        productName: 'Prowler',
        types: nonEmpty(strings(at(record, 'finding_info.types'))),
        categories: nonEmpty(categoriesOf(record)),
        serviceName: serviceHint(provider, str(at(resource, 'group.name'))),
        resourceTypes: nonEmpty(strings(resources.map((item) => own(item, 'type')))),
        resourceIds: nonEmpty(strings(resources.map((item) => own(item, 'uid') ?? own(item, 'name')))),
      }),
      raw: rawText(record),
    }),
  );
}

function* parseProwlerOcsf(input: FormatInput): Iterable<RecordOutcome> {
  for (const entry of recordsOf(input.doc) ?? []) {
    try {
      yield parseRecord(entry);
    } catch (error) {
      // An unexpected error rejects this record only, so the rest of the file still loads.
      const message = error instanceof Error ? error.message : String(error);
      yield reject(entry.index, 'invalid_record', `it could not be read (${message})`);
    }
  }
}

export const prowlerOcsfFormat: FormatModule = {
  id: 'prowler-ocsf',
  title: 'Prowler results (JSON-OCSF)',
  versions: 'Prowler 3.x to 5.x json-ocsf output: OCSF 1.2.0 and 1.4.0 Detection Findings, any provider; arrays, JSON Lines, single objects',
  ignores: 'resource details and metadata, risk details, depends_on, related_to, notes and additional URLs (kept in the raw record)',
  fileNameHint: /\.ocsf\.json$/i,
  detect: detectProwlerOcsf,
  parse: parseProwlerOcsf,
};
