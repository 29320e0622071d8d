/** The headline numbers: findings, open risks and the status split, each a link into the table. */
import type { Filters } from '../../../analysis/filters';
import type { SummaryCounts } from '../../../analysis/summary';
import { STATUSES, STATUS_LABELS } from '../../../model/vocabulary';
import { formatCount, plural } from '../../lib/format';

function Tile({
  label,
  value,
  testId,
  hint,
  onClick,
  emphasis = false,
}: {
  label: string;
  value: number;
  testId?: string;
  hint: string;
  onClick: () => void;
  emphasis?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={`${label}: ${formatCount(value)}. ${hint}`}
      className={`rounded-xl border p-4 text-left shadow-sm transition-colors hover:border-sky-500 ${
        emphasis
          ? 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/60'
          : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'
      }`}
    >
      <span className="block text-sm text-slate-600 dark:text-slate-400">{label}</span>
      {/* The test hooks' text is the bare integer, without digit grouping. */}
      <span data-testid={testId} className="mt-1 block text-3xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">
        {value}
      </span>
    </button>
  );
}

export function Totals({ summary, onShowFindings }: { summary: SummaryCounts; onShowFindings: (filters: Partial<Filters>) => void }) {
  const { totals, byStatus, openRisks } = summary;
  return (
    <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile label="Findings" value={totals.findings} testId="findings-total" hint="Show all findings" onClick={() => onShowFindings({})} />
      <Tile
        label="Open risks"
        value={openRisks.total}
        testId="open-risks-total"
        hint="Show the open findings"
        emphasis
        onClick={() => onShowFindings({ status: ['open'] })}
      />
      <div className="col-span-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          From {plural(totals.files, 'file')}: {plural(totals.records, 'record')}, {plural(totals.duplicates, 'duplicate')},{' '}
          {plural(totals.rejected, 'rejected record')}
        </p>
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Findings by status">
          {STATUSES.map((status) => (
            <li key={status}>
              <button
                type="button"
                onClick={() => onShowFindings({ status: [status] })}
                className="rounded-full border border-slate-300 px-2.5 py-0.5 text-sm hover:border-sky-500 dark:border-slate-700"
                aria-label={`${STATUS_LABELS[status]}: ${formatCount(byStatus[status])}. Show these findings`}
              >
                {STATUS_LABELS[status]} <span className="font-semibold tabular-nums">{formatCount(byStatus[status])}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
