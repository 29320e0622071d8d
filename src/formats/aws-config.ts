/**
 * AWS Config rule compliance.
 *
 * Source: AWS CLI output of the Config APIs below (`EvaluationResult` and `ComplianceByConfigRule` items), as
 * in the AWS CLI documentation examples and cloud-custodian's test data. Shapes read
 * (each also inside a cloud-custodian placebo recording, whose datetimes are `{"__class__": "datetime"}`
 * objects):
 * - `get-compliance-details-by-config-rule` / `get-compliance-details-by-resource`: `{"EvaluationResults":
 *   [...]}`, one record per evaluated resource, with
 *   `EvaluationResultIdentifier.EvaluationResultQualifier.{ConfigRuleName, ResourceType, ResourceId}`.
 * - `describe-compliance-by-config-rule`: `{"ComplianceByConfigRules": [...]}`, one record per rule and no
 *   resource.
 * Status: NON_COMPLIANT open, COMPLIANT passed, NOT_APPLICABLE and INSUFFICIENT_DATA unknown.
 * Resource types are CloudFormation names (`AWS::EC2::Volume`). Config writes no account or region into
 * these results, and no severity: every record gets medium.
 * Ignored on purpose: `ResultToken`, `EvaluationMode`, `ComplianceContributorCount` beyond the description.
 */
import type { Status } from '../model/vocabulary';
import { at, isObject, own, rawText, str } from './fields';
import { lookup, ownTable } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { jsonValues, listUnder, recordedTimestamp, recordsOf } from './wrappers';

const STATUS_BY_COMPLIANCE: Record<string, Status> = ownTable({
  NON_COMPLIANT: 'open',
  COMPLIANT: 'passed',
  NOT_APPLICABLE: 'unknown',
  INSUFFICIENT_DATA: 'unknown',
});

const QUALIFIER = 'EvaluationResultIdentifier.EvaluationResultQualifier';

/** The two response lists this module reads, by their key. */
type ConfigList = 'EvaluationResults' | 'ComplianceByConfigRules';
const LISTS: readonly ConfigList[] = ['EvaluationResults', 'ComplianceByConfigRules'];

interface ConfigRecord {
  list: ConfigList;
  value: unknown;
}

function expand(value: unknown): ConfigRecord[] {
  for (const list of LISTS) {
    const items = listUnder(value, list);
    if (items) return items.map((item) => ({ list, value: item }));
  }
  return [];
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 0) return { match: false, reason: 'it is not JSON' };
  if (values.some((value) => LISTS.some((list) => listUnder(value, list) !== null))) return { match: true };
  return { match: false, reason: 'it has no "EvaluationResults" or "ComplianceByConfigRules" list' };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  const records = recordsOf(jsonValues(input), expand);
  return eachRecord(records, (_record, index) => {
    const { list, value } = records[index];
    if (!isObject(value)) return reject(index, 'wrong_type', `the ${list} entry is not a JSON object`);
    return list === 'EvaluationResults' ? parseEvaluation(value, index) : parseRuleCompliance(value, index);
  });
}

function readStatus(value: Record<string, unknown>, path: string, index: number): Status | RecordOutcome {
  const compliance = str(at(value, path));
  if (compliance === null) return reject(index, 'missing_field', 'the compliance type is missing', path);
  const status = lookup(STATUS_BY_COMPLIANCE, compliance);
  if (status === undefined) {
    return reject(index, 'invalid_record', `compliance type "${compliance}" is not one AWS Config writes`, path);
  }
  return status;
}

function parseEvaluation(value: Record<string, unknown>, index: number): RecordOutcome {
  const rule = str(at(value, `${QUALIFIER}.ConfigRuleName`));
  if (rule === null) return reject(index, 'missing_field', 'the evaluation names no Config rule', `${QUALIFIER}.ConfigRuleName`);
  const status = readStatus(value, 'ComplianceType', index);
  if (typeof status !== 'string') return status;

  const resourceType = str(at(value, `${QUALIFIER}.ResourceType`));
  const resourceId = str(at(value, `${QUALIFIER}.ResourceId`));
  return accept(
    index,
    makeFinding({
      id: `aws-config:${rule}:${resourceType ?? ''}:${resourceId ?? ''}`,
      title: rule,
      description: str(own(value, 'Annotation')),
      status,
      severity: 'medium',
      kind: 'configuration',
      checkId: rule,
      resourceType,
      resourceId,
      sourceTool: 'AWS Config',
      firstSeen: recordedTimestamp(own(value, 'ConfigRuleInvokedTime')),
      lastUpdated: recordedTimestamp(own(value, 'ResultRecordedTime')),
      hints: {
        productName: 'Config',
        ruleKey: rule,
        resourceTypes: resourceType ? [resourceType] : undefined,
        resourceIds: resourceId ? [resourceId] : undefined,
      },
      raw: rawText(value),
    }),
  );
}

function parseRuleCompliance(value: Record<string, unknown>, index: number): RecordOutcome {
  const rule = str(own(value, 'ConfigRuleName'));
  if (rule === null) return reject(index, 'missing_field', 'the entry names no Config rule', 'ConfigRuleName');
  const status = readStatus(value, 'Compliance.ComplianceType', index);
  if (typeof status !== 'string') return status;

  return accept(
    index,
    makeFinding({
      id: `aws-config:${rule}`,
      title: rule,
      description: describeContributors(at(value, 'Compliance.ComplianceContributorCount')),
      status,
      severity: 'medium',
      kind: 'configuration',
      checkId: rule,
      sourceTool: 'AWS Config',
      hints: { productName: 'Config', ruleKey: rule },
      raw: rawText(value),
    }),
  );
}

function describeContributors(count: unknown): string {
  const capped = own(count, 'CappedCount');
  if (typeof capped !== 'number') return '';
  const amount = own(count, 'CapExceeded') === true ? `At least ${capped}` : `${capped}`;
  return `${amount} resources do not comply with the rule.`;
}

export const awsConfigFormat: FormatModule = {
  id: 'aws-config',
  title: 'AWS Config rule compliance',
  versions: 'get-compliance-details-by-config-rule / -by-resource and describe-compliance-by-config-rule output',
  ignores: 'ResultToken, EvaluationMode; no account, region or severity in the source',
  fileNameHint: /config/i,
  detect,
  parse,
};
