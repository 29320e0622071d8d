/**
 * The six walled-garden practices: what each one requires of the account, why it keeps secrets private, and
 * which tool or control would check it when no loaded finding matches it.
 */
import { PRACTICE_IDS, PRACTICE_RULES, type PracticeId, type PracticeRule } from './walled-garden-rules';

export interface Practice {
  id: PracticeId;
  title: string;
  /** One sentence on the attack the practice prevents. */
  rationale: string;
  /** Shown when no finding matches: which tool or control would check the practice. */
  checkedBy: string;
  rules: readonly PracticeRule[];
}

type PracticeText = Omit<Practice, 'id' | 'rules'>;

const PRACTICE_TEXT: Record<PracticeId, PracticeText> = {
  'build-pipeline': {
    title: 'Every change goes through a build pipeline with security checks',
    rationale:
      'A change made by hand skips the pipeline and its checks, so a hard-coded key or a public bucket ' +
      'reaches production without review.',
    checkedBy:
      'Run Security Hub with FSBP (CodeBuild.1, CodeBuild.2), Prowler’s codebuild_project_* checks, or an ' +
      'IaC scanner (Checkov, tfsec, KICS) in the pipeline, and load its report.',
  },
  'least-privilege': {
    title: 'Least-privilege IAM',
    rationale:
      'A stolen credential can do only what its policies allow, and a "*:*" policy turns one leaked key ' +
      'into control of the whole account.',
    checkedBy:
      'Run Security Hub with FSBP (IAM.1, IAM.2, IAM.21), Prowler’s iam_*_no_administrative_privileges ' +
      'checks, or export IAM Access Analyzer findings.',
  },
  'roles-not-keys': {
    title: 'IAM roles for services instead of long-lived access keys',
    rationale:
      'Access keys stay valid until someone rotates them and leak through laptops, logs and repositories, ' +
      'while role credentials expire within hours.',
    checkedBy:
      'Run Security Hub with FSBP (IAM.3, IAM.4, IAM.8) or Prowler’s iam_rotate_access_key_90_days, ' +
      'iam_user_accesskey_unused and ec2_instance_profile_attached checks.',
  },
  'instance-metadata': {
    title: 'IMDSv2 on every instance',
    rationale:
      'With IMDSv1 a single SSRF bug lets an attacker read the instance role’s credentials from ' +
      '169.254.169.254, because IMDSv1 answers plain GET requests without a session token.',
    checkedBy:
      'Run Security Hub with FSBP (EC2.8, EC2.170, AutoScaling.3), Prowler’s ec2_instance_imdsv2_enabled ' +
      'check, or Checkov (CKV_AWS_79) on the infrastructure code.',
  },
  'private-s3': {
    title: 'S3 buckets private, served through CloudFront',
    rationale:
      'Anyone who finds a public bucket can read its objects, but CloudFront with origin access control ' +
      'serves the same content while the bucket itself stays private.',
    checkedBy:
      'Run Security Hub with FSBP (S3.1, S3.8, CloudFront.13) or Prowler’s s3_* checks, or enable GuardDuty, ' +
      'which reports buckets made public.',
  },
  'secrets-out-of-code': {
    title: 'No secrets in code',
    rationale:
      'Keys pushed to a public git repository are found and abused within minutes, and they stay in the ' +
      'history after the commit that added them is reverted.',
    checkedBy:
      'Run a secret scanner (Gitleaks, TruffleHog, detect-secrets) over the repositories and their history, ' +
      'or Prowler’s *_no_secrets_* checks.',
  },
};

/** The practices in display order. */
export const PRACTICES: readonly Practice[] = PRACTICE_IDS.map((id) => ({
  id,
  ...PRACTICE_TEXT[id],
  rules: PRACTICE_RULES[id],
}));

export function isPracticeId(value: unknown): value is PracticeId {
  return typeof value === 'string' && (PRACTICE_IDS as readonly string[]).includes(value);
}
