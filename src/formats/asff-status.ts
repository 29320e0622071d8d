/**
 * Status and severity of an ASFF finding. Workflow and record state win over the compliance result,
 * because a suppressed or archived failure is no longer an open risk.
 */
import type { Severity, Status } from '../model/vocabulary';
import { at, own, str } from './fields';
import { severityFromGuardDuty, severityFromNormalized, severityFromWord } from './normalise';
import { ownTable } from './lookup';

/** `Compliance.Status` values. INFOED is the value Prowler 3.x writes for informational checks. */
const COMPLIANCE_STATUS: Record<string, Status> = ownTable({
  PASSED: 'passed',
  FAILED: 'open',
  WARNING: 'unknown',
  NOT_AVAILABLE: 'unknown',
  INFOED: 'unknown',
});

/** `Workflow.Status` and the deprecated `WorkflowState`. Values not listed leave the decision to the later steps. */
const WORKFLOW_STATUS: Record<string, Status> = {
  SUPPRESSED: 'suppressed',
  RESOLVED: 'resolved',
};

/**
 * Returns the status. The first match wins: workflow SUPPRESSED -> suppressed; workflow RESOLVED or record ARCHIVED or
 * Inspector CLOSED -> resolved; then `Compliance.Status`; a finding without one (GuardDuty, Inspector) is open.
 */
export function asffStatus(record: unknown): Status {
  const workflow = workflowStatus(str(at(record, 'Workflow.Status')));
  const legacyWorkflow = workflowStatus(str(own(record, 'WorkflowState')));
  if (workflow === 'suppressed' || legacyWorkflow === 'suppressed') return 'suppressed';
  if (workflow === 'resolved' || legacyWorkflow === 'resolved') return 'resolved';

  if (str(own(record, 'RecordState'))?.toUpperCase() === 'ARCHIVED') return 'resolved';
  const inspectorStatus = str(own(own(record, 'ProductFields'), 'aws/inspector/FindingStatus'))?.toUpperCase();
  if (inspectorStatus === 'CLOSED') return 'resolved';
  if (inspectorStatus === 'SUPPRESSED') return 'suppressed';

  const compliance = str(at(record, 'Compliance.Status'));
  if (compliance === null) return 'open';
  return COMPLIANCE_STATUS[compliance.toUpperCase()] ?? 'unknown';
}

function workflowStatus(value: string | null): Status | undefined {
  return value ? WORKFLOW_STATUS[value.toUpperCase()] : undefined;
}

function score(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const text = str(value);
  if (text === null) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Returns the severity from `Severity.Label`, else the provider's label, else `Severity.Normalized` (0-100), else the
 * deprecated `Severity.Product` (GuardDuty's 0-10 scale for GuardDuty, 0-100 otherwise). Informational
 * when none is present.
 */
export function asffSeverity(record: unknown, isGuardDuty: boolean): Severity {
  const label =
    severityFromWord(at(record, 'Severity.Label')) ?? severityFromWord(at(record, 'FindingProviderFields.Severity.Label'));
  if (label) return label;
  const normalized = score(at(record, 'Severity.Normalized'));
  if (normalized !== null) return severityFromNormalized(normalized);
  const product = score(at(record, 'Severity.Product'));
  if (product !== null) return isGuardDuty ? severityFromGuardDuty(product) : severityFromNormalized(product);
  return 'informational';
}
