/**
 * Row shapes of the generated tables in `data/`. scripts/build-tables.ts writes those modules from the
 * reference CSV tables; the rest of the classifier reads them through these types.
 */
import type { Layer, ServiceCategory } from '../model/vocabulary';

/** One service of the catalog: a service, or one deployment mode of a service. */
export interface CatalogRow {
  /** Stable short key used in exports and filters, e.g. `ec2`, `ecs-fargate`. */
  key: string;
  name: string;
  category: ServiceCategory;
  /** ARN namespaces (`arn:aws:<namespace>:...`), most specific first. */
  arnNamespaces: readonly string[];
  /** Security Hub control id prefixes (`S3` in `S3.1`). */
  controlPrefixes: readonly string[];
  /** Prowler `ServiceName` values, e.g. `awslambda`. */
  prowlerServices: readonly string[];
  /** ASFF `Resources[].Type` names, or name prefixes ending in `*`. */
  asffTypes: readonly string[];
  /** ScoutSuite service keys (`services.<key>` in a ScoutSuite report). */
  scoutSuiteKeys: readonly string[];
  /** Reason the service has its category. */
  note: string;
}

/** One Security Hub FSBP control and the layer it sits on. */
export interface FsbpControlRow {
  /** Control id as AWS writes it, e.g. `EC2.8`, `Autoscaling.5`. */
  id: string;
  layer: Layer;
  /** AWS Config resource types the control evaluates, as listed (may include `AWS account`). */
  configTypes: readonly string[];
  title: string;
}

/** One Prowler AWS check and the layer it sits on. */
export interface ProwlerCheckRow {
  /** Prowler `CheckID`, e.g. `s3_bucket_public_access`. */
  id: string;
  /** Prowler `ServiceName`, e.g. `awslambda`. */
  serviceName: string;
  /** Prowler `ResourceType`: an ASFF type name or `Other`. */
  resourceType: string;
  /** Prowler `Categories`, e.g. `internet-exposed`, `secrets`. */
  categories: readonly string[];
  /** FSBP control ids Prowler maps the check to. */
  fsbpIds: readonly string[];
  layer: Layer;
  /** True when the layer was inherited from an FSBP control, false when a keyword rule or a review set it. */
  layerFromFsbp: boolean;
}
