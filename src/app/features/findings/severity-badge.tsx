import { SEVERITY_LABELS, type Severity } from '../../../model/vocabulary';

const BADGE: Record<Severity, string> = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-600 text-white',
  medium: 'bg-yellow-300 text-yellow-950',
  low: 'bg-sky-200 text-sky-950',
  informational: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE[severity]}`}>{SEVERITY_LABELS[severity]}</span>;
}
