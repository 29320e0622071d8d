/**
 * SARIF 2.1.0 logs from any tool (OASIS SARIF v2.1.0: `runs[].tool.driver`, `runs[].results[]`).
 *
 * The producing tool decides the kind. Secret scanners (Gitleaks, TruffleHog, ...) give secret findings,
 * masked like their native formats. IaC scanners (tfsec, Checkov, KICS, Terrascan, Trivy, ...) give IaC
 * findings. Any other tool gives code findings, with kind `vulnerability` because application code
 * flaws sit on the same layer as vulnerable dependencies. A result whose rule id is a CVE or GHSA id is
 * a vulnerability whatever the tool.
 *
 * Read: rule id (from `ruleId`, `rule`, `ruleIndex`, or, as Gitleaks 7 writes none, the rule whose name
 * starts the message), message (text, markdown or `messageStrings` with arguments), first location
 * (uri, start line, snippet, logical location), `level` / `kind` / `suppressions` / `baselineState`,
 * `security-severity` and CWE tags from rule properties, `guid` and fingerprints for ids.
 *
 * Ignored on purpose: code flows, stacks, fixes, graphs, taxonomies, invocations and notifications;
 * `uriBaseId` (paths stay relative as the tool wrote them); locations after the first.
 */
import type { FindingKind, ParsedFinding } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, safeUrl, str, strAt, type JsonObject } from './fields';
import { addressInText, codeLocation, iacResourceType, lineNumber } from './iac';
import { maskSecret, maskValue } from './mask';
import { severityFromCvss, severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import { fingerprint, secretFinding } from './secret-finding';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

type ToolKind = 'secret' | 'iac' | 'code';

/** Lower-case fragments of `tool.driver.name`, checked in order. */
const TOOL_KINDS: readonly { fragment: string; kind: ToolKind }[] = [
  { fragment: 'gitleaks', kind: 'secret' },
  { fragment: 'trufflehog', kind: 'secret' },
  { fragment: 'detect-secrets', kind: 'secret' },
  { fragment: 'secretlint', kind: 'secret' },
  { fragment: 'ggshield', kind: 'secret' },
  { fragment: 'gitguardian', kind: 'secret' },
  { fragment: 'nosey', kind: 'secret' },
  { fragment: 'talisman', kind: 'secret' },
  { fragment: 'git-secrets', kind: 'secret' },
  { fragment: 'tfsec', kind: 'iac' },
  { fragment: 'checkov', kind: 'iac' },
  { fragment: 'kics', kind: 'iac' },
  { fragment: 'terrascan', kind: 'iac' },
  { fragment: 'tflint', kind: 'iac' },
  { fragment: 'cfn', kind: 'iac' },
  { fragment: 'trivy', kind: 'iac' },
  { fragment: 'defsec', kind: 'iac' },
  { fragment: 'regula', kind: 'iac' },
  { fragment: 'snyk iac', kind: 'iac' },
];

const LEVEL_SEVERITY: Record<string, Severity> = ownTable({
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'informational',
});

/** SARIF `result.kind`; absent means `fail` for results that have a level. */
const KIND_STATUS: Record<string, Status> = ownTable({
  fail: 'open',
  pass: 'passed',
  notApplicable: 'passed',
  review: 'unknown',
  open: 'unknown',
  informational: 'unknown',
});

interface RunContext {
  tool: string;
  toolKind: ToolKind;
  rules: JsonObject[];
}

interface ResultItem {
  run: RunContext;
  result: unknown;
}

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object' };
  if (!Array.isArray(own(doc.value, 'runs'))) return { match: false, reason: 'it has no runs array' };
  const version = str(own(doc.value, 'version')) ?? '';
  const schema = str(own(doc.value, '$schema')) ?? '';
  return version.startsWith('2.') || /sarif/i.test(schema)
    ? { match: true }
    : { match: false, reason: 'it has runs but neither a SARIF 2.x version nor a SARIF $schema' };
}

function toolKind(tool: string): ToolKind {
  const name = tool.toLowerCase();
  return TOOL_KINDS.find((entry) => name.includes(entry.fragment))?.kind ?? 'code';
}

function resultItems(doc: FormatInput['doc']): ResultItem[] {
  if (doc.kind !== 'json') return [];
  return arr(own(doc.value, 'runs')).flatMap((run): ResultItem[] => {
    const driver = at2(run, 'tool', 'driver');
    const tool = str(own(driver, 'name')) ?? 'SARIF';
    const extensionRules = arr(at2(run, 'tool', 'extensions')).flatMap((extension) => arr(own(extension, 'rules')));
    const rules = [...arr(own(driver, 'rules')), ...extensionRules].filter((rule): rule is JsonObject => isObject(rule));
    const context: RunContext = { tool, toolKind: toolKind(tool), rules };
    return arr(own(run, 'results')).map((result) => ({ run: context, result }));
  });
}

function at2(value: unknown, first: string, second: string): unknown {
  return own(own(value, first), second);
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  yield* eachRecord(resultItems(doc), (item, index) => {
    const { run, result } = item as ResultItem;
    if (!isObject(result)) return reject(index, 'wrong_type', 'the result is not an object');
    const rule = ruleOf(run, result);
    const ruleId = str(own(result, 'ruleId')) ?? strAt(result, 'rule.id') ?? str(own(rule, 'id'));
    if (ruleId === null) return reject(index, 'missing_field', 'the result names no rule', 'ruleId');
    const facts = resultFacts(run, result, rule, ruleId);
    return accept(index, run.toolKind === 'secret' ? secretResult(facts) : codeResult(facts));
  });
}

/** Finds the rule of a result by id, by index, or (Gitleaks 7) as the rule whose name starts the message. */
function ruleOf(run: RunContext, result: JsonObject): JsonObject | null {
  const id = str(own(result, 'ruleId')) ?? strAt(result, 'rule.id');
  if (id !== null) return run.rules.find((rule) => own(rule, 'id') === id) ?? null;
  const index = own(result, 'ruleIndex') ?? own(own(result, 'rule'), 'index');
  if (typeof index === 'number' && isObject(run.rules[index])) return run.rules[index];
  const message = str(own(own(result, 'message'), 'text')) ?? '';
  let best: JsonObject | null = null;
  let bestLength = 0;
  for (const rule of run.rules) {
    const name = str(own(rule, 'name')) ?? str(own(rule, 'id')) ?? '';
    if (name.length > bestLength && message.startsWith(name)) {
      best = rule;
      bestLength = name.length;
    }
  }
  return best;
}

interface ResultFacts {
  run: RunContext;
  result: JsonObject;
  rule: JsonObject | null;
  ruleId: string;
  message: string;
  file: string | null;
  line: number | null;
  snippet: string | null;
  logicalName: string | null;
  /** The severity the log states (security-severity, a severity property, or a level), if any. */
  statedSeverity: Severity | null;
  status: Status;
}

function resultFacts(run: RunContext, result: JsonObject, rule: JsonObject | null, ruleId: string): ResultFacts {
  const location = arr(own(result, 'locations'))[0];
  const physical = own(location, 'physicalLocation');
  const logical = arr(own(location, 'logicalLocations'))[0];
  return {
    run,
    result,
    rule,
    ruleId,
    message: messageText(result, rule),
    file: strAt(physical, 'artifactLocation.uri'),
    line: lineNumber(at2(physical, 'region', 'startLine')),
    snippet: typeof at2(own(physical, 'region'), 'snippet', 'text') === 'string'
      ? (at2(own(physical, 'region'), 'snippet', 'text') as string)
      : null,
    logicalName: str(own(logical, 'fullyQualifiedName')) ?? str(own(logical, 'name')),
    statedSeverity: statedSeverity(result, rule),
    status: statusOf(result),
  };
}

function messageText(result: JsonObject, rule: JsonObject | null): string {
  const message = own(result, 'message');
  const direct = str(own(message, 'text')) ?? str(own(message, 'markdown'));
  if (direct !== null) return direct;
  const id = str(own(message, 'id'));
  const template = id !== null ? strAt(own(rule, 'messageStrings'), `${id}.text`) : null;
  if (template === null) return '';
  const args = arr(own(message, 'arguments')).map((value) => str(value) ?? '');
  return template.replace(/\{(\d+)\}/g, (placeholder, n: string) => args[Number(n)] ?? placeholder);
}

function statedSeverity(result: JsonObject, rule: JsonObject | null): Severity | null {
  const score = Number(own(own(result, 'properties'), 'security-severity') ?? own(own(rule, 'properties'), 'security-severity'));
  if (Number.isFinite(score) && score > 0) return severityFromCvss(score);
  const word = severityFromWord(own(own(result, 'properties'), 'severity') ?? own(own(rule, 'properties'), 'severity'));
  if (word !== null) return word;
  const level = str(own(result, 'level')) ?? strAt(rule, 'defaultConfiguration.level');
  return level !== null ? (LEVEL_SEVERITY[level] ?? null) : null;
}

function statusOf(result: JsonObject): Status {
  const suppressions = arr(own(result, 'suppressions'));
  if (suppressions.some((suppression) => (str(own(suppression, 'status')) ?? 'accepted') === 'accepted')) return 'suppressed';
  if (own(result, 'baselineState') === 'absent') return 'resolved';
  return KIND_STATUS[str(own(result, 'kind')) ?? 'fail'] ?? 'open';
}

/** Gitleaks 7 puts the secret in `properties.offender`; Gitleaks 8 puts it in the snippet. */
function secretResult(facts: ResultFacts): ParsedFinding {
  const offender = own(own(facts.result, 'properties'), 'offender');
  const secret = typeof offender === 'string' && offender !== '' ? offender : (facts.snippet ?? '');
  const known = secret !== '' ? [secret] : [];
  return secretFinding({
    tool: facts.run.tool,
    rule: facts.ruleId,
    ruleTitle: str(own(facts.rule, 'name')),
    file: facts.file,
    line: facts.line,
    commit: strAt(facts.result, 'properties.commit'),
    secretKey: secret !== '' ? maskSecret(secret) : null,
    maskedMatch: secret !== '' ? maskSecret(secret) : null,
    severity: facts.statedSeverity,
    status: facts.status,
    maskedRecord: maskValue(facts.result, known),
  });
}

function codeResult(facts: ResultFacts): ParsedFinding {
  const { run, result, rule, ruleId } = facts;
  const isCve = /^(?:CVE|GHSA)-/i.test(ruleId);
  const kind: FindingKind = run.toolKind === 'iac' && !isCve ? 'iac' : 'vulnerability';
  const address = facts.logicalName ?? addressInText(facts.message);
  const title = str(own(own(rule, 'shortDescription'), 'text')) ?? str(own(rule, 'name')) ?? firstLine(facts.message) ?? ruleId;
  const fullDescription = str(own(own(rule, 'fullDescription'), 'text'));
  const resourceType = iacResourceType(address);

  return makeFinding({
    id: resultId(run.tool, result, ruleId, facts),
    title,
    description: [facts.message, fullDescription].filter((text) => text && text !== title).join('\n\n'),
    status: facts.status,
    severity: facts.statedSeverity ?? 'medium',
    kind,
    checkId: ruleId,
    resourceType,
    resourceId: codeLocation(facts.file, facts.line),
    sourceTool: run.tool,
    remediation: str(own(own(rule, 'help'), 'text')),
    remediationUrl: safeUrl(own(rule, 'helpUri')),
    cves: isCve ? [ruleId.toUpperCase()] : [],
    hints: {
      ruleKey: ruleId,
      cwes: cwesOf(rule),
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(address ? { resourceIds: [address] } : {}),
    },
    raw: rawText(result),
  });
}

function resultId(tool: string, result: JsonObject, ruleId: string, facts: ResultFacts): string {
  const guid = str(own(result, 'guid'));
  if (guid !== null) return guid;
  const prints = [own(result, 'fingerprints'), own(result, 'partialFingerprints')]
    .flatMap((map) => (isObject(map) ? Object.values(map) : []))
    .map((value) => str(value))
    .filter((value): value is string => value !== null);
  const parts = prints.length > 0 ? prints : [ruleId, facts.file ?? '', String(facts.line ?? ''), facts.logicalName ?? ''];
  return `${tool.toLowerCase()}:${fingerprint(parts)}`;
}

/** CWE ids from rule tags such as `external/cwe/cwe-079` or `CWE-798`. */
function cwesOf(rule: JsonObject | null): string[] {
  const cwes: string[] = [];
  for (const tag of arr(own(own(rule, 'properties'), 'tags'))) {
    const match = /cwe[-/](\d+)/i.exec(str(tag) ?? '');
    const cwe = match ? `CWE-${Number(match[1])}` : null;
    if (cwe !== null && !cwes.includes(cwe)) cwes.push(cwe);
  }
  return cwes;
}

function firstLine(text: string): string | null {
  const line = text.split('\n')[0].trim();
  if (line === '') return null;
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

export const sarifFormat: FormatModule = {
  id: 'sarif',
  title: 'SARIF 2.1.0 log (secret, IaC and code scanners)',
  versions: 'SARIF 2.1.0 from any tool (Gitleaks, tfsec, Checkov, KICS, Trivy, CodeQL, ...)',
  ignores: 'code flows, stacks, fixes, taxonomies, invocations; locations after the first',
  fileNameHint: /\.sarif$/i,
  detect,
  parse,
};
