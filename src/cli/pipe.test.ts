import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/srd.mjs', import.meta.url));

/** Writes a Security Hub export large enough that its export overflows a pipe's buffer. */
function largeExport(): string {
  const findings = Array.from({ length: 3000 }, (_, index) => ({
    SchemaVersion: '2018-10-08',
    Id: `finding-${index}`,
    ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/securityhub',
    GeneratorId: 'security-control/S3.8',
    AwsAccountId: '111122223333',
    Types: ['Software and Configuration Checks'],
    CreatedAt: '2025-05-01T00:00:00Z',
    UpdatedAt: '2025-05-02T00:00:00Z',
    Severity: { Label: 'HIGH' },
    Title: `S3 general purpose buckets should block public access ${index}`,
    Description: 'x'.repeat(400),
    Resources: [{ Type: 'AwsS3Bucket', Id: `arn:aws:s3:::bucket-${index}` }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'S3.8' },
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'srd-pipe-')), 'findings.json');
  writeFileSync(path, JSON.stringify({ Findings: findings }));
  return path;
}

describe('srd in a pipe', () => {
  it('stops quietly when the reader closes', async () => {
    const child = spawn(process.execPath, [BIN, 'export', largeExport()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
});
