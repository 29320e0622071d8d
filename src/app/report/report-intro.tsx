/** The top of the report: title, when and from what it was built, the author's note and what was left out. */
import type { ReportContent } from '../../report/report-codec';
import { formatCount, plural } from '../lib/format';

/** `2024-05-01T09:30:12.345Z` as `2024-05-01 09:30 UTC`: the same text for every reader, whatever their time zone. */
export function formatBuiltAt(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function ReportIntro({ content }: { content: ReportContent }) {
  const { title, note, provenance, summary } = content;
  return (
    <header className="space-y-3">
      <p className="text-sm font-medium text-sky-800 dark:text-sky-300">Shared Responsibility Dashboard report</p>
      <h1 className="text-3xl font-semibold tracking-tight break-words text-slate-900 dark:text-slate-50">{title}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Built {formatBuiltAt(provenance.builtAt)} by version {provenance.toolVersion} from {plural(summary.totals.files, 'input file')}:{' '}
        {plural(summary.totals.findings, 'finding')}, {formatCount(summary.openRisks.total)} of them open.
      </p>
      {note ? (
        <p data-testid="report-note" className="max-w-4xl rounded-lg border-l-4 border-sky-600 bg-white px-4 py-3 text-sm whitespace-pre-wrap text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          {note}
        </p>
      ) : null}
      <ul className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
        {provenance.pseudonymised ? (
          <li>
            Account ids, resource names in ARNs, EC2 ids and IP addresses are replaced by pseudonyms
            {provenance.stablePseudonyms ? ' that repeat in every report built with the same key.' : ' made with a key used for this report only.'}
          </li>
        ) : null}
        {provenance.passedOmitted > 0 ? (
          <li>{plural(provenance.passedOmitted, 'passed finding')} are counted in the totals but not listed.</li>
        ) : null}
        {!provenance.includeRaw ? <li>The source records of the findings are not included.</li> : null}
      </ul>
    </header>
  );
}
