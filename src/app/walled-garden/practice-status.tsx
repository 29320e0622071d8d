/** Labels and colours of the three practice statuses. The badge shows a word and a symbol, never colour alone. */
import type { PracticeStatus } from '../../analysis/walled-garden';

interface StatusStyle {
  label: string;
  /** The status in the sentence "3 at risk, 1 OK, 2 without evidence". */
  tallyLabel: string;
  /** A symbol beside the label, hidden from screen readers because the label states the same. */
  symbol: string;
  badge: string;
  /** Left border of the card. */
  accent: string;
}

export const PRACTICE_STATUS_STYLES: Record<PracticeStatus, StatusStyle> = {
  at_risk: {
    label: 'At risk',
    tallyLabel: 'at risk',
    symbol: '!',
    badge: 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200',
    accent: 'border-l-red-600 dark:border-l-red-500',
  },
  ok: {
    label: 'OK',
    tallyLabel: 'OK',
    symbol: '✓',
    badge: 'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
    accent: 'border-l-emerald-600 dark:border-l-emerald-500',
  },
  no_evidence: {
    label: 'No evidence',
    tallyLabel: 'without evidence',
    symbol: '?',
    badge: 'border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
    accent: 'border-l-slate-400 dark:border-l-slate-500',
  },
};

export function StatusBadge({ status }: { status: PracticeStatus }) {
  const style = PRACTICE_STATUS_STYLES[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${style.badge}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {style.label}
    </span>
  );
}
