import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testFinding } from '../../model/test-finding';
import { emptyAccount } from '../../ingest/account';
import type { Dataset } from '../../ingest/dataset';
import { REPORT_DATA_ELEMENT } from '../../report/html';
import { decodeReport } from '../../report/report-codec';
import { DEFAULT_REPORT_OPTIONS } from '../../report/report-data';
import { runBuildReportJob } from './build-report-job';
import type { BuildReportRequest } from './build-report-protocol';
import { buildReport, describeInputs, digestFile, fetchReportTemplate, ReportBuildError, reportFileName } from './build-report';

const TEMPLATE = `<html><head><meta charset="UTF-8"><title>t</title></head><body>${REPORT_DATA_ELEMENT}</script></body></html>`;

function dataset(): Dataset {
  const account = { ...emptyAccount('a.json', 10), format: 'asff', records: 2, findings: 2 };
  return { files: [account], findings: [testFinding({ status: 'open' }), testFinding({ status: 'passed' })] };
}

/** Creates a stand-in for the report worker that runs the job in this thread. */
function inlineWorker(): Worker {
  const worker = {
    onmessage: null as ((message: MessageEvent) => void) | null,
    onerror: null,
    terminate: vi.fn(),
    postMessage(request: BuildReportRequest) {
      queueMicrotask(() => worker.onmessage?.({ data: runBuildReportJob(request) } as MessageEvent));
    },
  };
  return worker as unknown as Worker;
}

async function payloadOf(html: Blob) {
  const text = await html.text();
  const start = text.indexOf(REPORT_DATA_ELEMENT) + REPORT_DATA_ELEMENT.length;
  return decodeReport(text.slice(start, text.indexOf('</script>', start)));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('digestFile', () => {
  it('matches node:crypto', async () => {
    const bytes = new TextEncoder().encode('{"Findings":[]}');
    expect(await digestFile(new Blob([bytes]))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('works without Web Crypto', async () => {
    vi.stubGlobal('crypto', {});
    const bytes = new TextEncoder().encode('plain http page');
    expect(await digestFile(new Blob([bytes]))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('describeInputs', () => {
  it('names, sizes and digests each file', async () => {
    const file = new File(['abc'], 'findings.json');
    expect(await describeInputs([file])).toEqual([
      { name: 'findings.json', bytes: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    ]);
  });
});

describe('fetchReportTemplate', () => {
  it('reads the template beside the app', async () => {
    const fetch = vi.fn(async () => new Response(TEMPLATE));
    vi.stubGlobal('fetch', fetch);
    expect(await fetchReportTemplate('http://localhost:4173/index.html')).toBe(TEMPLATE);
    expect(fetch).toHaveBeenCalledWith(new URL('http://localhost:4173/report/report-template.html'));
  });

  it('says how to build a missing template', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    await expect(fetchReportTemplate('http://localhost:5173/')).rejects.toThrow(/returned HTTP 404\). Build the app with "npm run build"/);
  });
});

describe('buildReport', () => {
  it('builds the report with digests and options', async () => {
    vi.stubGlobal('fetch', async () => new Response(TEMPLATE));
    const file = new File(['abc'], 'a.json');
    const options = { ...DEFAULT_REPORT_OPTIONS, title: 'From the page', includePassed: true };
    const { html, findingCount } = await buildReport({ baseUrl: 'http://localhost/', dataset: dataset(), files: [file], options }, inlineWorker);
    expect(findingCount).toBe(2);
    const content = await payloadOf(html);
    expect(content.title).toBe('From the page');
    expect(content.provenance.inputs[0].sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await html.text()).toContain('<title>From the page</title>');
  });

  it('reports a failed build', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html><head></head><body></body></html>'));
    const request = { baseUrl: 'http://localhost/', dataset: dataset(), files: [], options: DEFAULT_REPORT_OPTIONS };
    await expect(buildReport(request, inlineWorker)).rejects.toThrow(ReportBuildError);
  });
});

describe('reportFileName', () => {
  it('makes a file name from the title and date', () => {
    const date = new Date('2024-05-01T12:00:00Z');
    expect(reportFileName('Q2 review: prod & staging', date)).toBe('q2-review-prod-staging-2024-05-01.html');
    expect(reportFileName('   ', date)).toBe('report-2024-05-01.html');
  });
});
