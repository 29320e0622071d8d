import type { Category, Layer, Owner, Severity, Status } from './vocabulary';

/** Kind of signal a finding carries, which decides the classification rules that apply. */
export type FindingKind = 'configuration' | 'vulnerability' | 'threat' | 'secret' | 'iac' | 'sensitive_data';

/**
 * Facts a format reads from a record that the classifier uses beyond ids and resource types.
 * All optional: formats fill what their source carries.
 */
export interface ClassificationHints {
  /** Producing product inside an aggregator, e.g. "GuardDuty", "Inspector", "Prowler", "Macie". */
  productName?: string;
  /** ASFF `Types[]`, OCSF `finding_info.types[]`. */
  types?: string[];
  /** Prowler `Categories` (identity-access, encryption, secrets, ...). */
  categories?: string[];
  /** The source tool's own service key (Prowler `ServiceName`, ScoutSuite service key). */
  serviceName?: string;
  /** Inspector `packageManager` values of the vulnerable packages (OS, NPM, PIP, JAR, ...). */
  packageManagers?: string[];
  /** Inspector finding type: PACKAGE_VULNERABILITY, NETWORK_REACHABILITY, CODE_VULNERABILITY. */
  inspectorType?: string;
  /** GuardDuty finding type in native form, e.g. `Recon:EC2/PortProbeUnprotectedPort`. */
  threatType?: string;
  /** GuardDuty `service.resourceRole`: TARGET or ACTOR. */
  resourceRole?: string;
  /** CWE ids, e.g. "CWE-798". */
  cwes?: string[];
  /** Deployment variant facts from resource details. */
  launchType?: string;
  lambdaPackageType?: string;
  lambdaRuntime?: string;
  dbEngine?: string;
  eksNode?: boolean;
  /** All resource types of the finding (ASFF allows up to 32 resources). */
  resourceTypes?: string[];
  /** All resource ids; ARNs feed the namespace fallback. */
  resourceIds?: string[];
  /** Text of the rule key when it is not a Prowler check id (ScoutSuite, Checkov ...). */
  ruleKey?: string;
}

/** A finding as a format reads it, before classification. */
export interface ParsedFinding {
  /** The source's own id (ASFF `Id`, Prowler `finding_info.uid`); may be a placeholder in some exports. */
  id: string;
  title: string;
  description: string;
  status: Status;
  severity: Severity;
  kind: FindingKind;
  /** Security Hub control id, e.g. `S3.1`. */
  controlId: string | null;
  /** Tool check id, e.g. Prowler's `s3_bucket_public_access`. */
  checkId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  accountId: string | null;
  region: string | null;
  /** Tool that produced the finding, kept when it arrives inside another format (Prowler inside ASFF). */
  sourceTool: string;
  remediation: string | null;
  remediationUrl: string | null;
  /** ISO 8601 timestamps as the source wrote them, or null. */
  firstSeen: string | null;
  lastUpdated: string | null;
  tags: Record<string, string>;
  cves: string[];
  standards: string[];
  hints: ClassificationHints;
  /** Bounded JSON text of the source record for the detail view. */
  raw: string;
}

/** Placement of a finding on the model, with the rule and the reason. */
export interface Classification {
  /** Catalog key of the AWS service, or null when none could be named. */
  service: string | null;
  category: Category;
  layer: Layer;
  secondaryLayer: Layer | null;
  owner: Owner;
  /** Id of the rule that produced the layer, e.g. `control:S3.1` or `keyword:encryption`. */
  rule: string;
  /** One sentence a reviewer can check. */
  reason: string;
}

/** A classified finding with its place in the input. */
export interface Finding extends ParsedFinding, Classification {
  sourceFormat: string;
  sourceFile: string;
  /** Zero-based index of the record in its file, which is how the page reads a raw record again on demand. */
  sourceRecord: number;
}
