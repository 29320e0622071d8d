/**
 * The table of formats, in detection order: specific formats before the generic ones they resemble
 * (Prowler's ASFF before plain ASFF would be wrong, since both are ASFF; the ASFF module keeps the
 * producing tool as `sourceTool` instead).
 */
import { accessAnalyzerFormat } from './access-analyzer';
import { asffFormat } from './asff';
import { awsConfigFormat } from './aws-config';
import { checkovFormat } from './checkov';
import { cloudsploitFormat } from './cloudsploit';
import { detectSecretsFormat } from './detect-secrets';
import { gitleaksFormat } from './gitleaks';
import { guardDutyFormat } from './guardduty';
import { inspectorClassicFormat } from './inspector-classic';
import { inspector2Format } from './inspector2';
import { kicsFormat } from './kics';
import { ocsfFormat } from './ocsf';
import { orcaFormat } from './orca';
import { powerpipeFormat } from './powerpipe';
import { prowlerComplianceFormat } from './prowler-compliance';
import { prowlerCsvFormat } from './prowler-csv';
import { prowlerOcsfFormat } from './prowler-ocsf';
import { prowlerV2Format } from './prowler-v2';
import { prowlerV3Format } from './prowler-v3';
import { sarifFormat } from './sarif';
import { scoutSuiteFormat } from './scoutsuite';
import { terrascanFormat } from './terrascan';
import { tfsecFormat } from './tfsec';
import { trufflehogFormat } from './trufflehog';
import { trustedAdvisorFormat } from './trusted-advisor';
import { wizFormat } from './wiz';
import type { FormatInput, FormatModule } from './types';

export const FORMATS: readonly FormatModule[] = [
  asffFormat,
  prowlerOcsfFormat,
  prowlerCsvFormat,
  prowlerV2Format,
  prowlerV3Format,
  prowlerComplianceFormat,
  scoutSuiteFormat,
  guardDutyFormat,
  inspector2Format,
  inspectorClassicFormat,
  accessAnalyzerFormat,
  awsConfigFormat,
  trustedAdvisorFormat,
  ocsfFormat,
  gitleaksFormat,
  trufflehogFormat,
  detectSecretsFormat,
  sarifFormat,
  checkovFormat,
  tfsecFormat,
  kicsFormat,
  terrascanFormat,
  cloudsploitFormat,
  powerpipeFormat,
  wizFormat,
  orcaFormat,
];

export type FormatDetection =
  | { ok: true; format: FormatModule }
  | { ok: false; tried: { id: string; reason: string }[] };

/** True for documents that hold no records at all (`[]`, `{}`, `null`, an empty file). */
export function isEmptyDocument(input: FormatInput): boolean {
  const { doc } = input;
  if (doc.kind === 'empty') return true;
  if (doc.kind === 'json') {
    const value = doc.value;
    if (value === null) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'object') return Object.keys(value).length === 0;
  }
  return false;
}

/** Picks the first format whose `detect` matches the content; reports why each one did not. */
export function detectFormat(input: FormatInput, formats: readonly FormatModule[] = FORMATS): FormatDetection {
  const tried: { id: string; reason: string }[] = [];
  for (const format of formats) {
    const detection = format.detect(input);
    if (detection.match) return { ok: true, format };
    tried.push({ id: format.id, reason: detection.reason });
  }
  return { ok: false, tried };
}

/** For an empty document, the format its file name suggests, if any. */
export function formatFromFileName(fileName: string, formats: readonly FormatModule[] = FORMATS): FormatModule | null {
  const base = fileName.split('/').pop() ?? fileName;
  return formats.find((format) => format.fileNameHint?.test(base)) ?? null;
}

export function findFormat(id: string, formats: readonly FormatModule[] = FORMATS): FormatModule | undefined {
  return formats.find((format) => format.id === id);
}
