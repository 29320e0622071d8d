import { expect, it } from 'vitest';
import { DatasetBuilder, type Dataset } from '../ingest/dataset';
import { describeWithFixtures, expectedRecords, readFixture } from '../test-support/fixtures';
import { evaluateWalledGarden, type PracticeId, type PracticeResult } from './walled-garden';

/** Reads one fixture through the real pipeline and checks that its format was recognised. */
async function load(path: string): Promise<Dataset> {
  const builder = new DatasetBuilder();
  const [account] = await builder.addFile(path, readFixture(path));
  expect(account.format, `${path} was not recognised: ${account.errors[0]?.message}`).not.toBeNull();
  expect(account.records).toBe(expectedRecords(path));
  return builder.build();
}

function resultOf(dataset: Dataset, id: PracticeId): PracticeResult {
  const result = evaluateWalledGarden(dataset.findings).find((entry) => entry.practice.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

describeWithFixtures('walled garden on real exports', () => {
  it('gitleaks report puts secrets at risk', async () => {
    const dataset = await load('secrets-gitleaks/dd-gitleaks8_many.json');
    const result = resultOf(dataset, 'secrets-out-of-code');
    expect(result.status).toBe('at_risk');
    // Every leaked secret in the report is an open secret finding.
    expect(result.open).toBe(dataset.findings.length);
    expect(result.openFindings.every((entry) => entry.rule.id === 'kind:secret')).toBe(true);
  });

  it('CIS 1.2.0 finding without consolidated id', async () => {
    const dataset = await load('asff/asr-bare-finding-cis-1.4-nodetails.json');
    const result = resultOf(dataset, 'roles-not-keys');
    expect(result.status).toBe('at_risk');
    expect(result.openFindings.map((entry) => entry.rule.id)).toEqual(['cis:1.2.0/1.4']);
  });

  it('GuardDuty IAM recon leaves S3 unchecked', async () => {
    const dataset = await load('guardduty/awscli-doc-get-findings.json');
    expect(dataset.findings).toHaveLength(1);
    const result = resultOf(dataset, 'private-s3');
    expect(result.status).toBe('no_evidence');
    expect(result.open + result.passed + result.unsettled).toBe(0);
  });

  // Prowler 3.3.0 ASFF output. The counts below were made by hand from the checks in the file.
  it('Prowler ASFF gives each status', async () => {
    const dataset = await load('asff/dd-asff-prowler-output.asff.json');
    const counts = (id: PracticeId) => {
      const { status, open, passed } = resultOf(dataset, id);
      return { status, open, passed };
    };

    // accessanalyzer_enabled and accessanalyzer_enabled_without_findings fail in 16 regions each. Four IAM
    // policy checks pass once each, and each analyzer check passes in one region.
    expect(counts('least-privilege')).toEqual({ status: 'at_risk', open: 32, passed: 6 });

    // The file reports user "dams" twice for each iam_disable_{30,45,90}_days_credentials check, PASSED
    // then FAILED with the same id and time. Ingest keeps the first, so 7 open instead of 10.
    expect(counts('roles-not-keys')).toEqual({ status: 'at_risk', open: 7, passed: 6 });

    // s3_account_level_public_access_blocks and one bucket-level block fail, and the other S3 checks pass.
    expect(counts('private-s3')).toEqual({ status: 'at_risk', open: 2, passed: 5 });

    // Only Prowler's three *_no_secrets_* checks on Lambda and CloudWatch Logs, all passed.
    expect(counts('secrets-out-of-code')).toEqual({ status: 'ok', open: 0, passed: 3 });

    // The scan ran no IMDS, CodeBuild, ECR or IaC check.
    expect(counts('instance-metadata')).toEqual({ status: 'no_evidence', open: 0, passed: 0 });
    expect(counts('build-pipeline')).toEqual({ status: 'no_evidence', open: 0, passed: 0 });
  });
});
