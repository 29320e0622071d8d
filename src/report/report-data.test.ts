import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { testFinding } from '../model/test-finding';
import { emptyAccount } from '../ingest/account';
import { ingest, type Dataset } from '../ingest/dataset';
import type { Finding } from '../model/finding';
import { describeWithFixtures, fixturesIn, readFixture } from '../test-support/fixtures';
import { decodeBinaryText, encodeBinaryText } from './binary-text';
import { storageOrder } from './finding-columns';
import {
  DAMAGED_RAW_RECORD,
  decodeReport,
  decodeReportAsync,
  encodeReport,
  inflateWithStreams,
  ReportDataError,
  REPORT_FORMAT_VERSION,
} from './report-codec';
import { buildReportData, DEFAULT_REPORT_OPTIONS, DEFAULT_REPORT_TITLE, prepareReportContent, type ReportOptions } from './report-data';

const INPUTS = [{ name: 'findings.json', bytes: 1234, sha256: 'ab'.repeat(32) }];
const BUILT_AT = new Date('2024-05-01T09:30:12.345Z');
const ALL: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, includePassed: true, includeRaw: true };

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

  it('gives back the same findings when unpacked with streams', async () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const decoded = await decodeReportAsync(encodeReport(content), inflateWithStreams);
    expect(plain(decoded.findings)).toEqual(content.findings);
  });

  it('gives back raw records that repeat field values', () => {
    const finding = testFinding({
      id: 'arn:aws:securityhub:us-east-1:123456789012:finding/1',
      accountId: '123456789012',
      resourceId: 'arn:aws:s3:::bucket-\u0001-"quoted"',
      hints: { resourceIds: ['arn:aws:s3:::bucket-\u0001-"quoted"'], productName: 'Security Hub' },
    });
    finding.raw = JSON.stringify({ Id: finding.id, AwsAccountId: '123456789012', Resources: [{ Id: finding.resourceId }], Note: 'a\nb' }, null, 2);
    const content = prepareReportContent({ files: [], findings: [finding] }, [], ALL, BUILT_AT);
    const [decoded] = decodeReport(encodeReport(content)).findings;
    expect(decoded.raw).toBe(finding.raw);
    expect(decoded.hints).toEqual(finding.hints);
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

  it('leaves out raw records by default', () => {
    const dataset = variedDataset();
    const content = prepareReportContent(dataset, INPUTS, DEFAULT_REPORT_OPTIONS, BUILT_AT);
    expect(content.findings.every((finding) => finding.raw === '')).toBe(true);
    expect(dataset.findings[4].raw).not.toBe('');
    expect(content.provenance.includeRaw).toBe(false);
  });

  it('keeps raw records on request', () => {
    const dataset = variedDataset();
    const content = prepareReportContent(dataset, INPUTS, { ...DEFAULT_REPORT_OPTIONS, includeRaw: true }, BUILT_AT);
    expect(content.findings.map((finding) => finding.raw)).toEqual(dataset.findings.filter((f) => f.status !== 'passed').map((f) => f.raw));
    expect(content.provenance.includeRaw).toBe(true);
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
    const { header, blocks } = unpack(encodeReport(content));
    expect(JSON.stringify(header)).not.toContain(key);
    expect(new TextDecoder().decode(inflateSync(blocks))).not.toContain(key);
  });

  it('keeps the title and note as written', () => {
    const options = { ...ALL, pseudonymise: true, title: 'Account 123456789012', note: 'Ask 10.1.2.3' };
    const content = prepareReportContent(variedDataset(), INPUTS, options, BUILT_AT);
    expect(content.title).toBe('Account 123456789012');
    expect(content.note).toBe('Ask 10.1.2.3');
  });
});

/** The parts of the header document that tests change. */
interface TestHeader {
  columns: { columns: Record<string, { codes: number[] }> };
  raw: { rows: number[] };
}

/** Reads `VERSION:BYTES:HEADER_BYTES:HEADER_TEXT_BYTES:` from the start of a payload. */
function prefixOf(payload: string) {
  const match = /^(\d+):(\d+):(\d+):(\d+):/.exec(payload);
  if (!match) throw new Error(`no prefix in ${payload.slice(0, 40)}`);
  const [version, total, headerBytes, headerTextBytes] = match.slice(1).map(Number);
  return { text: match[0], version, total, headerBytes, headerTextBytes };
}

/** Splits a payload into its header document and the bytes of its raw record blocks. */
function unpack(payload: string): { header: TestHeader; blocks: Uint8Array } {
  const prefix = prefixOf(payload);
  expect(prefix.version).toBe(REPORT_FORMAT_VERSION);
  const bytes = decodeBinaryText(payload, prefix.total, prefix.text.length);
  const headerText = inflateSync(bytes.subarray(0, prefix.headerBytes));
  expect(headerText.length).toBe(prefix.headerTextBytes);
  return { header: JSON.parse(new TextDecoder().decode(headerText)) as TestHeader, blocks: bytes.subarray(prefix.headerBytes) };
}

/** Packs a header document and block bytes as encodeReport does, for tests that damage one part. */
function pack(header: unknown, blocks: Uint8Array = new Uint8Array(0), version = REPORT_FORMAT_VERSION): string {
  const headerText = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = deflateSync(headerText);
  const bytes = new Uint8Array(headerBytes.length + blocks.length);
  bytes.set(headerBytes);
  bytes.set(blocks, headerBytes.length);
  return `${version}:${bytes.length}:${headerBytes.length}:${headerText.length}:${encodeBinaryText(bytes)};`;
}

function packedReport() {
  return unpack(encodeReport(prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT)));
}

describe('decodeReport', () => {
  it('rejects text without version and sizes', () => {
    expect(() => decodeReport('not a report!')).toThrow(ReportDataError);
    expect(() => decodeReport('not a report!')).toThrow(/does not start with its version and sizes/);
  });

  it('names the base64 form of version 1', () => {
    expect(() => decodeReport(Buffer.from('plain').toString('base64'))).toThrow(/base64, the form of version 1/);
  });

  it('rejects another version', () => {
    const { header, blocks } = packedReport();
    expect(() => decodeReport(pack(header, blocks, REPORT_FORMAT_VERSION + 1))).toThrow(
      `has version ${REPORT_FORMAT_VERSION + 1}, but this page reads version ${REPORT_FORMAT_VERSION}`,
    );
  });

  it('rejects an impossible byte count', () => {
    expect(() => decodeReport(`${REPORT_FORMAT_VERSION}:999999999999:10:10:abc;`)).toThrow(/claims 999999999999 bytes in \d+ characters/);
  });

  it('rejects a truncated payload', () => {
    const payload = encodeReport(prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT));
    expect(() => decodeReport(payload.slice(0, payload.length - 40))).toThrow(/damaged: the text ends after/);
  });

  it('rejects a line break added to the data', () => {
    const payload = encodeReport(prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT));
    const at = prefixOf(payload).text.length + 10;
    expect(() => decodeReport(`${payload.slice(0, at)}\r\n${payload.slice(at)}`)).toThrow(/U\+000D, which this encoding never writes/);
  });

  it('accepts whitespace around the data', () => {
    const content = prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT);
    const decoded = decodeReport(`\n  ${encodeReport(content)}\n  `);
    expect(plain(decoded.findings)).toEqual(content.findings);
  });

  it('rejects a damaged header', () => {
    const payload = encodeReport(prepareReportContent(variedDataset(), INPUTS, ALL, BUILT_AT));
    const prefix = prefixOf(payload);
    const bytes = decodeBinaryText(payload, prefix.total, prefix.text.length);
    bytes.fill(0xff, 0, 8);
    expect(() => decodeReport(`${prefix.text}${encodeBinaryText(bytes)};`)).toThrow(/header could not be inflated/);
  });

  it('rejects a damaged column', () => {
    const { header, blocks } = packedReport();
    header.columns.columns.title.codes.pop();
    expect(() => decodeReport(pack(header, blocks))).toThrow(/column "title" is missing or does not contain 5 values/);
  });

  it('rejects a code that refers ahead', () => {
    const { header, blocks } = packedReport();
    header.columns.columns.title.codes[0] = 3;
    expect(() => decodeReport(pack(header, blocks))).toThrow(/column "title" refers to string 2 at row 0/);
  });

  it('rejects a raw record index that does not fit', () => {
    const { header, blocks } = packedReport();
    header.raw.rows[0] -= 2;
    expect(() => decodeReport(pack(header, blocks))).toThrow(/raw record blocks contain 3 records for 5 findings/);
    expect(() => decodeReport(pack(packedReport().header, blocks.subarray(1)))).toThrow(/but \d+ follow the header/);
  });

  it('shows a damaged raw record block as a message', () => {
    const { header, blocks } = packedReport();
    const damaged = blocks.slice();
    damaged.fill(0xff, 0, Math.min(8, damaged.length));
    const decoded = decodeReport(pack(header, damaged));
    expect(decoded.findings).toHaveLength(5);
    expect(decoded.findings[0].raw).toContain(DAMAGED_RAW_RECORD);
    expect(decoded.findings[0].severity).toBe('critical');
  });
});

describe('report size', () => {
  it('stores unique values once', () => {
    const findings = Array.from({ length: 200 }, (_, index) =>
      testFinding({
        id: `arn:aws:securityhub:us-east-1:123456789012:finding/${index.toString(16).padStart(8, '0')}`,
        resourceId: `arn:aws:s3:::bucket-${index}`,
        raw: JSON.stringify({ Id: `arn:aws:securityhub:us-east-1:123456789012:finding/${index.toString(16).padStart(8, '0')}`, Resource: `arn:aws:s3:::bucket-${index}` }),
      }),
    );
    const { header, blocks } = unpack(encodeReport(prepareReportContent({ files: [], findings }, [], ALL, BUILT_AT)));
    expect(header.columns.columns.id.codes.every((code) => code === 0)).toBe(true);
    expect(new TextDecoder().decode(inflateSync(blocks))).not.toContain('arn:aws:s3:::bucket-');
  });
});

describe('buildReportData', () => {
  it('packs the content with its title', () => {
    const data = buildReportData(variedDataset(), INPUTS, { ...ALL, title: 'Quarterly review' }, BUILT_AT);
    expect(data.title).toBe('Quarterly review');
    expect(data.findingCount).toBe(5);
    expect(data.payload).toMatch(new RegExp(`^${REPORT_FORMAT_VERSION}:\\d+:\\d+:\\d+:[^\\n\\r<\\u0000]+;$`));
  });
});
