import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { testFinding } from '../model/test-finding';
import { emptyAccount } from '../ingest/account';
import { ingest, type Dataset } from '../ingest/dataset';
import type { Finding } from '../model/finding';
import { describeWithFixtures, fixturesIn, readFixture } from '../test-support/fixtures';
import { storageOrder } from './finding-columns';
import { base64ToBytes, bytesToBase64, decodeReport, encodeReport, ReportDataError, REPORT_FORMAT_VERSION } from './report-codec';
import { buildReportData, DEFAULT_REPORT_OPTIONS, DEFAULT_REPORT_TITLE, prepareReportContent, type ReportOptions } from './report-data';

const INPUTS = [{ name: 'findings.json', bytes: 1234, sha256: 'ab'.repeat(32) }];
const BUILT_AT = new Date('2024-05-01T09:30:12.345Z');
const ALL: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, includePassed: true };

/** Findings with every kind of value: nulls, lists, tags, hints, odd text and each status. */
function variedDataset(): Dataset {
  const account = { ...emptyAccount('findings.json', 1234), format: 'asff', formatTitle: 'ASFF', records: 5, findings: 5 };
  const findings: Finding[] = [
    testFinding({ status: 'open', severity: 'critical', controlId: 'S3.8', resourceId: 'arn:aws:s3:::bucket-a', tags: { env: 'prod' } }),
    testFinding({ status: 'passed', checkId: 'iam_root_mfa_enabled', service: null, category: 'unmapped', accountId: null, region: null }),
    testFinding({ status: 'suppressed', title: 'Line\u2028separator, paragraph\u2029separator, emoji 🔐, quote " and </script>', cves: ['CVE-2024-1', 'CVE-2024-2'] }),
    testFinding({ status: 'resolved', secondaryLayer: 'iam', hints: { productName: 'GuardDuty', types: ['TTPs/Discovery'], eksNode: true } }),
    testFinding({ status: 'unknown', raw: JSON.stringify({ Id: 'x', Nested: { Text: 'new\nline' } }), standards: ['standards/pci-dss/v/3.2.1'] }),
  ];
  return { files: [account], findings };
}

/** Copies findings into plain objects, reading every lazily decoded raw record. */
function plain(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding }));
}

describe('report data round trip', () => {
  it('gives back the same findings', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const decoded = decodeReport(encodeReport(content));
    expect(plain(decoded.findings)).toEqual(content.findings);
  });

  it('gives back summary, files and provenance', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const { findings: _findings, ...rest } = decodeReport(encodeReport(content));
    const { findings: _expected, ...expected } = content;
    expect(rest).toEqual(expected);
  });

  it('keeps input order despite grouped storage', () => {
    const findings = [
      testFinding({ sourceFormat: 'prowler', checkId: 'b' }),
      testFinding({ sourceFormat: 'asff', controlId: 'S3.1' }),
      testFinding({ sourceFormat: 'prowler', checkId: 'a' }),
    ];
    expect(storageOrder(findings)).toEqual([1, 2, 0]);
    const content = prepareReportContent({ files: [], findings }, [], ALL, BUILT_AT);
    expect(decodeReport(encodeReport(content)).findings.map((finding) => finding.id)).toEqual(findings.map((finding) => finding.id));
  });

  it('handles an empty dataset', () => {
    const content = prepareReportContent({ files: [], findings: [] }, [], ALL, BUILT_AT);
    expect(decodeReport(encodeReport(content)).findings).toEqual([]);
  });
});

describeWithFixtures('report data round trip on fixtures', () => {
  it.each(['asff', 'guardduty', 'prowler-v4v5', 'scoutsuite', 'secrets-trufflehog'])('gives back every %s finding', async (folder) => {
    const dataset = await ingest(fixturesIn(folder).map((path) => ({ path, bytes: readFixture(path) })));
    const content = prepareReportContent(dataset, [], ALL, BUILT_AT);
    const decoded = decodeReport(encodeReport(content));
    expect(decoded.findings).toHaveLength(dataset.findings.length);
    expect(plain(decoded.findings)).toEqual(dataset.findings);
    expect(decoded.summary.totals.findings).toBe(dataset.findings.length);
  });
});

describe('prepareReportContent', () => {
  it('leaves out passed findings by default', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, DEFAULT_REPORT_OPTIONS, BUILT_AT);
    expect(content.findings.map((finding) => finding.status)).not.toContain('passed');
    expect(content.findings).toHaveLength(4);
    expect(content.provenance.passedOmitted).toBe(1);
  });

  it('counts left-out findings in the summary', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, DEFAULT_REPORT_OPTIONS, BUILT_AT);
    expect(content.summary.totals.findings).toBe(5);
    expect(content.summary.byStatus.passed).toBe(1);
  });

  it('drops raw records on request', () => {
    const dataset = variedDataset();
    const content = prepareReportContent(dataset, INPUTS, { ...ALL, includeRaw: false }, BUILT_AT);
    expect(content.findings.every((finding) => finding.raw === '')).toBe(true);
    expect(dataset.findings[4].raw).not.toBe('');
    expect(content.provenance.includeRaw).toBe(false);
  });

  it('records provenance', () => {
    const { provenance } = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    expect(provenance.toolVersion).toBe(packageJson.version);
    expect(provenance.builtAt).toBe('2024-05-01T09:30:12.345Z');
    expect(provenance.inputs).toEqual(INPUTS);
    expect(provenance.pseudonymised).toBe(false);
  });

  it('uses the default title for a blank one', () => {
    expect(prepareReportContent(variedDataset(), [], { ...ALL, title: '  ' }, BUILT_AT).title).toBe(DEFAULT_REPORT_TITLE);
    expect(prepareReportContent(variedDataset(), [], { ...ALL, note: '  Scope: prod\n' }, BUILT_AT).note).toBe('Scope: prod');
  });

  it('pseudonymises findings, files and inputs', () => {
    const dataset = variedDataset();
    dataset.findings[0].accountId = '123456789012';
    dataset.files[0].path = 'exports/123456789012.json';
    const inputs = [{ ...INPUTS[0], name: 'exports/123456789012.json' }];
    const content = prepareReportContent(dataset, inputs, { ...ALL, pseudonymise: true }, BUILT_AT);
    const decoded = decodeReport(encodeReport(content));
    const serialized = JSON.stringify({ ...decoded, findings: plain(decoded.findings) });
    expect(serialized).not.toContain('123456789012');
    expect(decoded.findings[0].accountId).toMatch(/^\d{12}$/);
    expect(decoded.files[0].path).toBe(`exports/${decoded.findings[0].accountId}.json`);
    expect(decoded.summary.files[0].path).toBe(decoded.files[0].path);
    expect(decoded.provenance.inputs[0].name).toBe(decoded.files[0].path);
  });

  it('never stores the pseudonym key', () => {
    const key = 'team-key-4f1c9e';
    const content = prepareReportContent(variedDataset(), INPUTS, { ...ALL, pseudonymise: true, pseudonymKey: key }, BUILT_AT);
    expect(content.provenance.stablePseudonyms).toBe(true);
    const payload = encodeReport(content);
    expect(new TextDecoder().decode(decompress(payload))).not.toContain(key);
  });

  it('keeps the title and note as written', () => {
    const options = { ...ALL, pseudonymise: true, title: 'Account 123456789012', note: 'Ask 10.1.2.3' };
    const content = prepareReportContent(variedDataset(), INPUTS, options, BUILT_AT);
    expect(content.title).toBe('Account 123456789012');
    expect(content.note).toBe('Ask 10.1.2.3');
  });
});

function decompress(payload: string): Uint8Array {
  return gunzipSync(base64ToBytes(payload));
}

describe('decodeReport', () => {
  it('rejects text that is not base64 gzip', () => {
    expect(() => decodeReport('not base64!')).toThrow(ReportDataError);
    expect(() => decodeReport(bytesToBase64(new TextEncoder().encode('plain')))).toThrow(/not valid base64 gzip/);
  });

  it('rejects another version', () => {
    const header = JSON.stringify({ version: REPORT_FORMAT_VERSION + 1 });
    const payload = bytesToBase64(gzipSync(new TextEncoder().encode(`${header}\n`)));
    expect(() => decodeReport(payload)).toThrow(/version 2, but this page reads version 1/);
  });

  it('rejects missing raw records', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const text = new TextDecoder().decode(decompress(encodeReport(content)));
    const truncated = text.split('\n').slice(0, 3).join('\n') + '\n';
    const payload = bytesToBase64(gzipSync(new TextEncoder().encode(truncated)));
    expect(() => decodeReport(payload)).toThrow(/contains 2 raw records for 5 findings/);
  });

  it('rejects a damaged column', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const [header, ...raws] = new TextDecoder().decode(decompress(encodeReport(content))).split('\n');
    const parsed = JSON.parse(header);
    parsed.columns.columns.title.indexes.pop();
    const payload = bytesToBase64(gzipSync(new TextEncoder().encode([JSON.stringify(parsed), ...raws].join('\n'))));
    expect(() => decodeReport(payload)).toThrow(/column "title" is missing or does not contain 5 values/);
  });
});

describe('base64', () => {
  it('round-trips every byte value across chunks', () => {
    const bytes = new Uint8Array(300_000).map((_, index) => (index * 7919) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });
});

describe('buildReportData', () => {
  it('packs the content with its title', () => {
    const data = buildReportData(variedDataset(), INPUTS, { ...ALL, title: 'Quarterly review' }, BUILT_AT);
    expect(data.title).toBe('Quarterly review');
    expect(data.findingCount).toBe(5);
    expect(data.payload).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});
