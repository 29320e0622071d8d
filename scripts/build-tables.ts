/**
 * Writes the generated data modules of the responsibility classifier (src/responsibility/data/) from the
 * three reference CSV tables: the service catalog, the FSBP control-to-layer table and the Prowler
 * check-to-layer table. The modules are committed, so the app never reads the CSV files at run time.
 *
 * Usage: npx tsx scripts/build-tables.ts [REFERENCE_DIR]
 * REFERENCE_DIR defaults to $SRD_SHARED_DIR/reference, else ../shared/reference beside the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsv } from '../src/formats/csv';
import { LAYERS, SERVICE_CATEGORIES, type Layer, type ServiceCategory } from '../src/model/vocabulary';
import type { CatalogRow, FsbpControlRow, ProwlerCheckRow } from '../src/responsibility/table-rows';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = 'src/responsibility/data';

export const SOURCE_FILES = {
  catalog: 'service_catalog.csv',
  fsbp: 'fsbp_controls_layers.csv',
  prowler: 'prowler_aws_checks_layers.csv',
} as const;

/**
 * Catalog key of every row of the service catalog, by the row's `service` cell. Keys are a public
 * contract (exports and filters use them), so a new row needs a new entry here, and a key never changes.
 */
const SERVICE_KEYS: Record<string, string> = {
  'Amazon EC2 (instances, AMIs, key pairs)': 'ec2',
  'Amazon EBS (volumes, snapshots)': 'ebs',
  'Amazon EC2 Auto Scaling': 'autoscaling',
  'Amazon VPC (VPCs, subnets, SGs, NACLs, route tables, endpoints, peering, flow logs)': 'vpc',
  'AWS Site-to-Site VPN / Client VPN': 'vpn',
  'AWS Transit Gateway': 'transit-gateway',
  'AWS Direct Connect': 'directconnect',
  'AWS Outposts': 'outposts',
  'Amazon Lightsail': 'lightsail',
  'Amazon WorkSpaces': 'workspaces',
  'Amazon AppStream 2.0': 'appstream',
  'Amazon EC2 Image Builder': 'imagebuilder',
  'AWS Systems Manager': 'ssm',
  'AWS Lambda': 'lambda',
  'Amazon ECS - EC2 launch type / ECS Anywhere': 'ecs-ec2',
  'Amazon ECS - Fargate / ECS Managed Instances': 'ecs-fargate',
  'AWS Fargate (with ECS or EKS)': 'fargate',
  'Amazon EKS - control plane': 'eks-control-plane',
  'Amazon EKS - self-managed / managed node groups': 'eks-nodes',
  'Amazon EKS - Fargate pods / EKS Auto Mode': 'eks-fargate',
  'Amazon ECR (private/public registries)': 'ecr',
  'AWS Elastic Beanstalk': 'elasticbeanstalk',
  'AWS Batch': 'batch-ec2',
  'AWS App Runner': 'apprunner',
  'Amazon EMR (on EC2)': 'emr',
  'Amazon EMR Serverless / EMR on EKS': 'emr-serverless',
  'AWS Elastic VMware Service / VMware Cloud on AWS': 'evs',
  'AWS ParallelCluster / PCS': 'parallelcluster',
  'Amazon S3': 's3',
  'Amazon S3 Glacier (vaults)': 'glacier',
  'Amazon S3 Tables / S3 Vectors / S3 Express directory buckets': 's3-tables',
  'Amazon EFS': 'efs',
  'Amazon FSx (Windows, Lustre, ONTAP, OpenZFS)': 'fsx',
  'AWS Backup': 'backup',
  'AWS Storage Gateway': 'storagegateway',
  'AWS DataSync': 'datasync',
  'AWS Transfer Family': 'transfer',
  'AWS Snow Family': 'snow',
  'AWS Elastic Disaster Recovery / Application Migration Service': 'drs',
  'Amazon RDS (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, Db2)': 'rds',
  'Amazon Aurora (provisioned, Serverless v2, Limitless)': 'aurora',
  'Amazon RDS Custom': 'rds-custom',
  'Amazon DocumentDB': 'documentdb',
  'Amazon Neptune': 'neptune',
  'Amazon DynamoDB': 'dynamodb',
  'Amazon DynamoDB Accelerator (DAX)': 'dax',
  'Amazon ElastiCache (Redis OSS, Valkey, Memcached; incl. Serverless)': 'elasticache',
  'Amazon MemoryDB': 'memorydb',
  'Amazon Keyspaces': 'keyspaces',
  'Amazon Timestream': 'timestream',
  'Amazon QLDB': 'qldb',
  'Amazon Redshift (provisioned)': 'redshift',
  'Amazon Redshift Serverless': 'redshift-serverless',
  'Amazon OpenSearch Service (managed domains; legacy Elasticsearch)': 'opensearch',
  'Amazon OpenSearch Serverless': 'opensearch-serverless',
  'Amazon Athena': 'athena',
  'AWS Glue (ETL, Data Catalog, crawlers)': 'glue',
  'AWS Lake Formation': 'lakeformation',
  'AWS Database Migration Service': 'dms',
  'Amazon Kinesis Data Streams': 'kinesis',
  'Amazon Data Firehose': 'firehose',
  'Amazon Managed Service for Apache Flink': 'flink',
  'Amazon Kinesis Video Streams': 'kinesis-video',
  'Amazon MSK (provisioned)': 'msk',
  'Amazon MSK Serverless / MSK Connect': 'msk-serverless',
  'Amazon MQ (ActiveMQ, RabbitMQ)': 'mq',
  'Amazon SQS': 'sqs',
  'Amazon SNS': 'sns',
  'Amazon SES': 'ses',
  'Amazon EventBridge (buses, rules, Pipes, Scheduler, Schemas)': 'eventbridge',
  'AWS Step Functions': 'stepfunctions',
  'Amazon SWF': 'swf',
  'AWS AppSync': 'appsync',
  'Amazon API Gateway (REST, HTTP, WebSocket)': 'apigateway',
  'Amazon MWAA (managed Airflow)': 'mwaa',
  'Amazon AppFlow': 'appflow',
  'AWS AppConfig': 'appconfig',
  'Amazon QuickSight': 'quicksight',
  'AWS Data Exchange / Clean Rooms / DataZone / Entity Resolution': 'data-exchange',
  'Elastic Load Balancing (ALB, NLB, GWLB, CLB)': 'elb',
  'Amazon CloudFront': 'cloudfront',
  'Amazon Route 53 (DNS, Resolver, domains)': 'route53',
  'AWS Global Accelerator': 'globalaccelerator',
  'AWS Network Firewall': 'network-firewall',
  'AWS WAF (Classic, Regional, v2)': 'waf',
  'AWS Shield / Shield Advanced': 'shield',
  'AWS Firewall Manager': 'fms',
  'Amazon VPC Lattice / AWS Cloud Map': 'vpc-lattice',
  'AWS PrivateLink / VPC endpoints': 'privatelink',
  'AWS IAM (users, groups, roles, policies)': 'iam',
  'AWS STS': 'sts',
  'AWS IAM Identity Center (SSO) / Identity Store': 'identity-center',
  'AWS Organizations / SCPs': 'organizations',
  'AWS account settings (contacts, root user)': 'account',
  'Amazon Cognito (user pools, identity pools)': 'cognito',
  'AWS Directory Service (Managed Microsoft AD, AD Connector)': 'directory-service',
  'AWS KMS': 'kms',
  'AWS CloudHSM': 'cloudhsm',
  'AWS Secrets Manager': 'secretsmanager',
  'AWS Certificate Manager': 'acm',
  'AWS Private CA': 'acm-pca',
  'IAM Access Analyzer': 'access-analyzer',
  'IAM Roles Anywhere': 'rolesanywhere',
  'Amazon Verified Permissions': 'verifiedpermissions',
  'Amazon GuardDuty': 'guardduty',
  'AWS Security Hub': 'securityhub',
  'Amazon Inspector': 'inspector',
  'Amazon Macie': 'macie',
  'Amazon Detective': 'detective',
  'Amazon Security Lake': 'securitylake',
  'AWS Audit Manager / AWS Artifact': 'auditmanager',
  'AWS CloudTrail': 'cloudtrail',
  'Amazon CloudWatch (metrics, alarms, Logs, Synthetics, RUM)': 'cloudwatch',
  'AWS Config': 'config',
  'AWS X-Ray': 'xray',
  'AWS Trusted Advisor / AWS Health': 'trustedadvisor',
  'AWS Control Tower / Service Catalog': 'servicecatalog',
  'AWS Resource Access Manager / Resource Explorer': 'ram',
  'Amazon Data Lifecycle Manager / Recycle Bin': 'dlm',
  'AWS CloudFormation': 'cloudformation',
  'AWS CodeBuild': 'codebuild',
  'AWS CodeCommit / CodePipeline / CodeDeploy / CodeArtifact / CodeConnections': 'developer-tools',
  'AWS Amplify': 'amplify',
  'AWS Proton / AWS Cloud9 / CloudShell': 'cloud9',
  'Amazon Managed Grafana / Managed Prometheus': 'managed-grafana',
  'AWS Well-Architected Tool': 'wellarchitected',
  'Amazon SageMaker AI (notebooks, Studio, training, endpoints)': 'sagemaker',
  'Amazon Bedrock (models, agents, knowledge bases, guardrails)': 'bedrock',
  'Amazon Bedrock AgentCore': 'bedrock-agentcore',
  'Amazon Q Business / Q Developer': 'amazon-q',
  'Amazon Comprehend / Rekognition / Textract / Transcribe / Translate / Polly / Lex / Kendra / Personalize / Forecast':
    'ai-services',
  'Amazon Connect': 'connect',
  'Amazon WorkMail / Wickr / Chime SDK': 'workmail',
  'Amazon WorkSpaces Web / Secure Browser / Thin Client': 'workspaces-web',
  'AWS IoT Core / Device Management / Device Defender': 'iot',
  'AWS IoT Greengrass': 'greengrass',
  'AWS IoT SiteWise / IoT Events / IoT TwinMaker / IoT Wireless / FleetWise': 'iot-industrial',
  'AWS Elemental Media services (MediaConvert, MediaLive, MediaPackage, MediaStore, MediaTailor, MediaConnect)':
    'media-services',
  'Amazon IVS': 'ivs',
  'Amazon GameLift (managed EC2 fleets)': 'gamelift',
  'Amazon Location Service': 'location',
  'AWS HealthLake / HealthOmics / Health Imaging': 'healthlake',
  'Amazon Pinpoint / End User Messaging': 'pinpoint',
  'AWS Ground Station / Braket': 'groundstation',
  'AWS Mainframe Modernization': 'mainframe-modernization',
  'AWS Deadline Cloud': 'deadline',
  'AWS Device Farm': 'devicefarm',
  'Amazon Fraud Detector': 'frauddetector',
  'AWS Billing / Cost Explorer / Budgets': 'billing',
};

/** A generated module: its path relative to the repository root and its full text. */
export interface GeneratedModule {
  path: string;
  content: string;
  rows: number;
}

type CsvRecord = Record<string, string> & { line: string };

/** Reads a CSV table with a header row into records keyed by column name. */
function readTable(text: string, fileName: string, columns: readonly string[]): CsvRecord[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), ',');
  if (!header) throw new Error(`${fileName} is empty; expected a header row with ${columns.join(', ')}`);
  for (const column of columns) {
    if (!header.cells.includes(column)) {
      throw new Error(`${fileName} has no column "${column}"; found ${header.cells.join(', ')}`);
    }
  }
  return rows.map((row) => {
    if (row.cells.length !== header.cells.length) {
      const counts = `${row.cells.length} cells, header has ${header.cells.length}`;
      throw new Error(`${fileName} line ${row.line}: ${counts}`);
    }
    const record: CsvRecord = { line: String(row.line) };
    header.cells.forEach((column, index) => (record[column] = row.cells[index].trim()));
    return record;
  });
}

function expectLayer(value: string, where: string): Layer {
  if ((LAYERS as readonly string[]).includes(value)) return value as Layer;
  throw new Error(`${where}: layer "${value}" is not one of ${LAYERS.join(', ')}`);
}

function expectCategory(value: string, where: string): ServiceCategory {
  if ((SERVICE_CATEGORIES as readonly string[]).includes(value)) return value as ServiceCategory;
  throw new Error(`${where}: category "${value}" is not one of ${SERVICE_CATEGORIES.join(', ')}`);
}

/** Splits a "a / b" cell into its names; `-` and empty cells give no names. */
function splitNames(cell: string): string[] {
  return cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/[/;+]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '-');
}

/**
 * Reads the ARN namespaces of a catalog cell: the names outside brackets, then the first word of each
 * clause inside them ("rds (docdb-elastic for elastic clusters)" gives rds and docdb-elastic).
 */
export function parseNamespaces(cell: string): string[] {
  const names = splitNames(cell).map((part) => part.split(/\s+/)[0]);
  for (const [, inner] of cell.matchAll(/\(([^)]*)\)/g)) {
    for (const clause of inner.split(';')) {
      const word = clause.trim().split(/\s+/)[0];
      if (/^[a-z0-9-]+$/.test(word)) names.push(word);
    }
  }
  return [...new Set(names)];
}

/**
 * Reads ASFF type names from a catalog cell. `Other` is dropped, and a comparison such as
 * "AwsRdsDbCluster-like" is not a type the service emits.
 */
export function parseAsffTypes(cell: string): string[] {
  const names: string[] = [];
  for (const match of cell.matchAll(/\bAws[A-Za-z0-9]+\*?(-like)?/g)) {
    if (!match[1]) names.push(match[0]);
  }
  return [...new Set(names)];
}

export function parseCatalog(text: string): CatalogRow[] {
  const columns = [
    'service',
    'category',
    'arn_namespace',
    'securityhub_control_prefix',
    'prowler_service_name',
    'asff_resource_types',
    'scoutsuite_service_key',
    'note',
  ];
  const records = readTable(text, SOURCE_FILES.catalog, columns);
  const seen = new Set<string>();
  const rows = records.map((record): CatalogRow => {
    const where = `${SOURCE_FILES.catalog} line ${record.line}`;
    const key = SERVICE_KEYS[record.service];
    if (!key) throw new Error(`${where}: service "${record.service}" has no key; add it to SERVICE_KEYS`);
    if (seen.has(key)) throw new Error(`${where}: key "${key}" is used twice`);
    seen.add(key);
    return {
      key,
      name: record.service,
      category: expectCategory(record.category, where),
      arnNamespaces: parseNamespaces(record.arn_namespace),
      controlPrefixes: splitNames(record.securityhub_control_prefix),
      prowlerServices: splitNames(record.prowler_service_name),
      asffTypes: parseAsffTypes(record.asff_resource_types),
      scoutSuiteKeys: splitNames(record.scoutsuite_service_key),
      note: record.note,
    };
  });
  const unused = Object.keys(SERVICE_KEYS).filter((name) => !records.some((record) => record.service === name));
  if (unused.length > 0) throw new Error(`SERVICE_KEYS names rows the catalog no longer has: ${unused.join('; ')}`);
  return rows;
}

export function parseFsbpControls(text: string): FsbpControlRow[] {
  const columns = ['control_id', 'layer', 'config_resource_type', 'title'];
  return readTable(text, SOURCE_FILES.fsbp, columns).map((record) => ({
    id: record.control_id,
    layer: expectLayer(record.layer, `${SOURCE_FILES.fsbp} line ${record.line}`),
    configTypes: record.config_resource_type
      .split(',')
      .map((type) => type.trim())
      .filter(Boolean),
    title: record.title,
  }));
}

export function parseProwlerChecks(text: string): ProwlerCheckRow[] {
  const columns = ['check_id', 'service_name', 'resource_type', 'categories', 'fsbp_ids', 'layer', 'layer_source'];
  return readTable(text, SOURCE_FILES.prowler, columns).map((record) => {
    const where = `${SOURCE_FILES.prowler} line ${record.line}`;
    if (record.layer_source !== 'fsbp' && record.layer_source !== 'rule') {
      throw new Error(`${where}: layer_source "${record.layer_source}" is neither fsbp nor rule`);
    }
    return {
      id: record.check_id,
      serviceName: record.service_name,
      resourceType: record.resource_type,
      categories: record.categories.split(';').filter(Boolean),
      fsbpIds: record.fsbp_ids.split(';').filter(Boolean),
      layer: expectLayer(record.layer, where),
      layerFromFsbp: record.layer_source === 'fsbp',
    };
  });
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function renderValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`;
  throw new Error(`cannot render ${typeof value} in a generated table`);
}

function renderModule<Row extends object>(
  typeName: string,
  constName: string,
  source: string,
  rows: readonly Row[],
): string {
  const lines = rows.map((row) => {
    const fields = Object.entries(row).map(([name, value]) => `${name}: ${renderValue(value)}`);
    return `  { ${fields.join(', ')} },`;
  });
  return [
    `// Generated by scripts/build-tables.ts from ${source}. Do not edit by hand: edit the reference table`,
    '// and run `npx tsx scripts/build-tables.ts`.',
    `import type { ${typeName} } from '../table-rows';`,
    '',
    `export const ${constName}: readonly ${typeName}[] = [`,
    ...lines,
    '];',
    '',
  ].join('\n');
}

/** Reads the three reference tables from `referenceDir` and returns the modules to write. */
export function buildTables(referenceDir: string): GeneratedModule[] {
  const read = (file: string) => readFileSync(join(referenceDir, file), 'utf8');
  const catalog = parseCatalog(read(SOURCE_FILES.catalog));
  const controls = parseFsbpControls(read(SOURCE_FILES.fsbp));
  const checks = parseProwlerChecks(read(SOURCE_FILES.prowler));
  return [
    {
      path: `${DATA_DIR}/service-catalog.ts`,
      content: renderModule('CatalogRow', 'CATALOG_ROWS', 'the service catalog', catalog),
      rows: catalog.length,
    },
    {
      path: `${DATA_DIR}/fsbp-controls.ts`,
      content: renderModule('FsbpControlRow', 'FSBP_CONTROLS', 'the FSBP control-to-layer table', controls),
      rows: controls.length,
    },
    {
      path: `${DATA_DIR}/prowler-checks.ts`,
      content: renderModule('ProwlerCheckRow', 'PROWLER_CHECKS', 'the Prowler check-to-layer table', checks),
      rows: checks.length,
    },
  ];
}

export function defaultReferenceDir(): string {
  const shared = process.env.SRD_SHARED_DIR ?? resolve(REPOSITORY_ROOT, '..', 'shared');
  return join(shared, 'reference');
}

function main(): void {
  const referenceDir = resolve(process.argv[2] ?? defaultReferenceDir());
  for (const module of buildTables(referenceDir)) {
    const target = join(REPOSITORY_ROOT, module.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, module.content);
    console.log(`wrote ${module.path} (${module.rows} rows)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main();
}
