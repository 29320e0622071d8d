/**
 * Deployment variants: a service whose category depends on how it runs gets the row of that mode from
 * the facts formats read out of resource details (`finding.hints`) and the resource tags.
 *
 * - ECS: launch type or required compatibilities FARGATE -> `ecs-fargate`, otherwise `ecs-ec2`.
 * - EKS: an EC2 instance tagged with its cluster name (or `hints.eksNode`) is a worker node -> `eks-nodes`;
 *   a cluster running on Fargate -> `eks-fargate`.
 * - Lambda: package type Image or a `provided*` runtime -> `lambda-image`.
 * - RDS: engine `custom-*` -> `rds-custom`.
 * - Batch: Fargate compute environment -> `batch-fargate`.
 *
 * Only the base row switches to a variant. A row that already names the mode (a control about Fargate
 * services) is kept.
 */
import type { ParsedFinding } from '../model/finding';

/** Tag keys that EKS and eksctl put on worker-node instances. */
const EKS_NODE_TAG_KEYS = ['eks:cluster-name', 'aws:eks:cluster-name', 'alpha.eksctl.io/cluster-name'];
const EKS_NODE_TAG_PREFIX = 'kubernetes.io/cluster/';

export interface VariantChoice {
  key: string;
  /** Resource fact that chose the variant, for the reason sentence; null when the row did not change. */
  fact: string | null;
}

export function chooseVariant(key: string, finding: ParsedFinding): VariantChoice {
  const hints = finding.hints;
  const onFargate = includesWord(hints.launchType, 'fargate');
  switch (key) {
    case 'ecs-ec2':
      return onFargate ? { key: 'ecs-fargate', fact: 'the launch type is FARGATE' } : unchanged(key);
    case 'batch-ec2':
      return onFargate ? { key: 'batch-fargate', fact: 'the compute environment is FARGATE' } : unchanged(key);
    case 'eks-control-plane':
      return onFargate ? { key: 'eks-fargate', fact: 'the cluster runs on Fargate' } : unchanged(key);
    case 'ec2': {
      const tag = eksNodeTag(finding.tags);
      if (tag) return { key: 'eks-nodes', fact: `the instance has the tag ${tag}` };
      if (hints.eksNode) return { key: 'eks-nodes', fact: 'the instance is an EKS worker node' };
      return unchanged(key);
    }
    case 'lambda': {
      if (includesWord(hints.lambdaPackageType, 'image')) {
        return { key: 'lambda-image', fact: 'the function is packaged as a container image' };
      }
      const runtime = hints.lambdaRuntime?.trim().toLowerCase() ?? '';
      if (runtime.startsWith('provided')) {
        return { key: 'lambda-image', fact: `the function uses the OS-only runtime ${runtime}` };
      }
      return unchanged(key);
    }
    case 'rds':
    case 'aurora': {
      const engine = hints.dbEngine?.trim().toLowerCase() ?? '';
      return engine.startsWith('custom-') ? { key: 'rds-custom', fact: `the engine is ${engine}` } : unchanged(key);
    }
    default:
      return unchanged(key);
  }
}

function unchanged(key: string): VariantChoice {
  return { key, fact: null };
}

function includesWord(value: string | undefined, word: string): boolean {
  return value !== undefined && value.toLowerCase().includes(word);
}

function eksNodeTag(tags: Record<string, string>): string | null {
  for (const name of Object.keys(tags)) {
    const lower = name.toLowerCase();
    if (EKS_NODE_TAG_KEYS.includes(lower) || lower.startsWith(EKS_NODE_TAG_PREFIX)) return name;
  }
  return null;
}
