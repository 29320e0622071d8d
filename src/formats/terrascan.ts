/**
 * Terrascan JSON output (github.com/tenable/terrascan, `terrascan scan -o json`).
 *
 * Versions read: Terrascan 1.x: `results.violations[]` (open), `results.skipped_violations[]`
 * (suppressed by a `ts:skip` comment) and, with `--show-passed`, `results.passed_rules[]` (passed, no
 * resource). Entries have `rule_name`, `rule_id` (`AC_AWS_0214`), `description`, `severity`, `category`,
 * `resource_name`, `resource_type` (Terraform or Kubernetes type), `module_name`, `file`, `line`.
 * `violations: null` is Terrascan's report with no violations.
 *
 * Ignored on purpose: `scan_summary` (counts of the same results), `plan_root`, `skip_comment` text
 * beyond the description.
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, str, type JsonObject } from './fields';
import { codeLocation, lineNumber } from './iac';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const RESULT_LISTS: readonly { key: string; status: Status }[] = [
  { key: 'violations', status: 'open' },
  { key: 'skipped_violations', status: 'suppressed' },
  { key: 'passed_rules', status: 'passed' },
];

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object' };
  const results = own(doc.value, 'results');
  if (!isObject(results)) return { match: false, reason: 'it has no results object' };
  return 'violations' in results && ('scan_summary' in results || 'skipped_violations' in results)
    ? { match: true }
    : { match: false, reason: 'results has no violations with a scan_summary' };
}

interface ViolationItem {
  status: Status;
  violation: unknown;
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind !== 'json') return;
  const results = own(doc.value, 'results');
  const items: ViolationItem[] = RESULT_LISTS.flatMap(({ key, status }) =>
    arr(own(results, key)).map((violation) => ({ status, violation })),
  );
  yield* eachRecord(items, (item, index) => {
    const { status, violation } = item as ViolationItem;
    if (!isObject(violation)) return reject(index, 'wrong_type', 'the violation is not an object');
    const ruleId = str(own(violation, 'rule_id'));
    if (ruleId === null) return reject(index, 'missing_field', 'the violation has no rule_id', 'rule_id');
    return accept(index, fromViolation(violation, ruleId, status));
  });
}

function fromViolation(violation: JsonObject, ruleId: string, status: Status): ParsedFinding {
  const file = str(own(violation, 'file'));
  const line = lineNumber(own(violation, 'line'));
  const resourceType = str(own(violation, 'resource_type'));
  const resourceName = str(own(violation, 'resource_name'));
  const address = resourceType && resourceName ? `${resourceType}.${resourceName}` : null;
  const ruleName = str(own(violation, 'rule_name'));
  const description = str(own(violation, 'description')) ?? ruleName ?? ruleId;

  return makeFinding({
    id: `terrascan:${ruleId}:${file ?? ''}:${address ?? ''}`,
    title: description,
    description: [description, address ? `Resource: ${address}${file ? ` in ${codeLocation(file, line)}` : ''}.` : null]
      .filter(Boolean)
      .join(' '),
    status,
    severity: severityFromWord(own(violation, 'severity')) ?? 'medium',
    kind: 'iac',
    checkId: ruleId,
    resourceType,
    resourceId: codeLocation(file, line),
    sourceTool: 'Terrascan',
    hints: {
      ruleKey: [ruleName, str(own(violation, 'category'))].filter(Boolean).join(' / ') || ruleId,
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(address ? { resourceIds: [address] } : {}),
    },
    raw: rawText(violation),
  });
}

export const terrascanFormat: FormatModule = {
  id: 'terrascan',
  title: 'Terrascan report (JSON)',
  versions: 'Terrascan 1.x JSON',
  ignores: 'scan summary counts, plan root',
  fileNameHint: /terrascan/i,
  detect,
  parse,
};
