/** Builds classified findings for tests; every field has a plain default. */
import type { Finding } from './finding';

let counter = 0;

export function testFinding(overrides: Partial<Finding> = {}): Finding {
  counter++;
  return {
    id: `finding-${counter}`,
    title: `Finding ${counter}`,
    description: '',
    status: 'open',
    severity: 'medium',
    kind: 'configuration',
    controlId: null,
    checkId: null,
    resourceType: null,
    resourceId: null,
    accountId: '111111111111',
    region: 'us-east-1',
    sourceTool: 'Security Hub',
    remediation: null,
    remediationUrl: null,
    firstSeen: null,
    lastUpdated: null,
    tags: {},
    cves: [],
    standards: [],
    hints: {},
    raw: '{}',
    service: 's3',
    category: 'abstract',
    layer: 'customer_data',
    secondaryLayer: null,
    owner: 'customer',
    rule: 'default',
    reason: 'No rule matched.',
    sourceFormat: 'asff',
    sourceFile: 'findings.json',
    sourceRecord: 0,
    ...overrides,
  };
}
