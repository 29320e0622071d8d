/**
 * Component overrides of the owner matrix. A finding about customer content (code, dependencies,
 * image contents, task definitions) is the customer's even on a service whose layer AWS runs, so these
 * rules come before the matrix. The first rule that applies decides.
 */
import type { ParsedFinding } from '../model/finding';
import type { Category, Owner } from '../model/vocabulary';
import type { LayerDecision } from './layer-decision';
import { ownerFor } from './owner-matrix';

export interface OwnerDecision {
  owner: Owner;
  /** Clause giving the reason the owner differs from the matrix; null when the matrix decided. */
  override: string | null;
}

interface OwnerContext {
  finding: ParsedFinding;
  service: string | null;
  layer: LayerDecision;
}

interface OwnerRule {
  id: string;
  applies(context: OwnerContext): boolean;
  owner: Owner;
  rationale: string;
}

/** Rows that run customer-built container images. */
const IMAGE_SERVICES = new Set(['ecr', 'ecs-ec2', 'ecs-fargate', 'fargate', 'eks-fargate', 'batch-fargate']);
const FARGATE_ECS_SERVICES = new Set(['ecs-fargate', 'fargate']);
/** Rules about the Fargate platform version, the one ECS setting AWS patches. */
const PLATFORM_VERSION_RULES = new Set(['control:ECS.10', 'prowler:ecs_service_fargate_latest_platform_version']);
const PLATFORM_VERSION_TITLE = /platform version/i;
const VULNERABILITY_RULE = /^(inspector|vulnerability|type):/;

export const OWNER_RULES: readonly OwnerRule[] = [
  {
    id: 'threat',
    applies: ({ finding }) => finding.kind === 'threat',
    owner: 'customer',
    rationale: 'a threat finding reports a compromise of something the customer runs or configures',
  },
  {
    id: 'application-code',
    applies: ({ layer }) => layer.layer === 'platform_app' && VULNERABILITY_RULE.test(layer.rule),
    owner: 'customer',
    rationale: "application code and dependencies are the customer's on every service",
  },
  {
    id: 'lambda-image-os',
    applies: ({ service, layer }) => service === 'lambda-image' && layer.layer === 'os',
    owner: 'shared',
    rationale: 'Lambda publishes patched base images, but the customer must rebuild and redeploy the function',
  },
  {
    id: 'image-os',
    applies: ({ service, layer }) => service !== null && IMAGE_SERVICES.has(service) && layer.layer === 'os',
    owner: 'customer',
    rationale: 'the customer builds the image userland even where AWS patches the host',
  },
  {
    id: 'lambda-image-runtime',
    applies: ({ service, layer }) => service === 'lambda-image' && layer.layer === 'platform_app',
    owner: 'customer',
    rationale: 'a container-image or custom-runtime function carries a runtime the customer builds',
  },
  {
    id: 'ecs-task-settings',
    applies: ({ finding, service, layer }) =>
      service !== null &&
      FARGATE_ECS_SERVICES.has(service) &&
      !PLATFORM_VERSION_RULES.has(layer.rule) &&
      !PLATFORM_VERSION_TITLE.test(finding.title),
    owner: 'customer',
    rationale: "task definitions and service settings are the customer's on Fargate too",
  },
];

export function chooseOwner(context: OwnerContext, category: Category): OwnerDecision {
  const matrixOwner = ownerFor(context.layer.layer, category);
  for (const rule of OWNER_RULES) {
    if (!rule.applies(context)) continue;
    return { owner: rule.owner, override: rule.owner === matrixOwner ? null : rule.rationale };
  }
  return { owner: matrixOwner, override: null };
}
