/**
 * Provenance of the report's data: the input files with their SHA-256 digests, the account of every record of
 * every file, and the options the report was built with.
 */
import type { FileAccount } from '../../ingest/account';
import type { ReportContent } from '../../report/report-codec';
import { Panel } from '../components/panel';
import { formatBytes, formatCount, plural } from '../lib/format';
import { formatBuiltAt } from './report-intro';
import { ProblemItems } from '../components/problem-items';

function pseudonymsLabel(provenance: ReportContent['provenance']): string {
  if (!provenance.pseudonymised) return 'No';
  return provenance.stablePseudonyms ? 'Yes, from a fixed key' : 'Yes, from a key used for this report only';
}

function Options({ content }: { content: ReportContent }) {
  const { provenance } = content;
  const rows: [string, string][] = [
    ['Built', formatBuiltAt(provenance.builtAt)],
    ['Tool version', provenance.toolVersion],
    ['Passed findings', provenance.includePassed ? 'Included' : `Left out (${formatCount(provenance.passedOmitted)}), counted in the totals`],
    ['Source records', provenance.includeRaw ? 'Included' : 'Left out'],
    ['Pseudonyms', pseudonymsLabel(provenance)],
  ];
  return (
    <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="text-slate-900 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Inputs({ content }: { content: ReportContent }) {
  const { inputs } = content.provenance;
  if (inputs.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">The report does not list its input files.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">File</th>
            <th scope="col" className="py-1 pr-3 text-right">Size</th>
            <th scope="col" className="py-1">SHA-256</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {inputs.map((input, index) => (
            <tr key={index}>
              <td className="py-1 pr-3 break-all">{input.name}</td>
              <td className="py-1 pr-3 text-right whitespace-nowrap tabular-nums">{formatBytes(input.bytes)}</td>
              <td className="py-1 font-mono text-xs break-all">{input.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountProblems({ account }: { account: FileAccount }) {
  if (account.errors.length === 0 && account.notes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-xs">
      <ProblemItems account={account} />
    </ul>
  );
}

function Accounts({ files }: { files: readonly FileAccount[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">File</th>
            <th scope="col" className="py-1 pr-3">Format</th>
            {['Records', 'Findings', 'Duplicates', 'Rejected'].map((label) => (
              <th key={label} scope="col" className="py-1 pr-3 text-right">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {files.map((account, index) => (
            <tr key={index} className="align-top">
              <td className="py-1.5 pr-3 break-all">
                {account.path}
                <AccountProblems account={account} />
              </td>
              <td className={`py-1.5 pr-3 ${account.format === null ? 'font-semibold text-red-800 dark:text-red-300' : ''}`}>
                {account.formatTitle ?? (account.format === null ? 'Not recognised' : account.format)}
              </td>
              {[account.records, account.findings, account.duplicates, account.rejected].map((count, column) => (
                <td key={column} className="py-1.5 pr-3 text-right tabular-nums">
                  {formatCount(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProvenanceView({ content }: { content: ReportContent }) {
  const { files, provenance } = content;
  return (
    <div className="grid gap-4 xl:grid-cols-2 print:grid-cols-1">
      <Panel title="This report" description="How the report was built">
        <Options content={content} />
      </Panel>
      <Panel title="Input files" description={`${plural(provenance.inputs.length, 'file')}; compare the digests with sha256sum to check a copy`}>
        <Inputs content={content} />
      </Panel>
      <Panel
        title="What became of every record"
        description="Per file and archive entry: findings, duplicates of earlier findings, and rejected records with the reason"
        className="xl:col-span-2 print:col-span-1"
      >
        <Accounts files={files} />
      </Panel>
    </div>
  );
}
