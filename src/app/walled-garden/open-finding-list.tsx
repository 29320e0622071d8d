/** The first open findings of a practice: title, severity, resource and the rule row that matched. */
import type { PracticeFinding } from '../../analysis/walled-garden';
import { SEVERITY_LABELS } from '../../model/vocabulary';
import { SEVERITY_COLOURS } from '../lib/colours';

function OpenFindingItem({ entry }: { entry: PracticeFinding }) {
  const { finding, rule } = entry;
  return (
    <li className="py-2 first:pt-0 last:pb-0">
      <div className="flex items-start gap-2">
        <span
          aria-hidden="true"
          className="mt-1.5 size-2 shrink-0 rounded-full"
          style={{ backgroundColor: SEVERITY_COLOURS[finding.severity] }}
        />
        <div className="min-w-0">
          <p className="text-sm font-medium break-words text-slate-900 dark:text-slate-100">
            {finding.title}
          </p>
          <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
            {finding.resourceId ?? 'No resource named'}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {SEVERITY_LABELS[finding.severity]} · matched <code className="break-all">{rule.id}</code>: {rule.meaning}
          </p>
        </div>
      </div>
    </li>
  );
}

export function OpenFindingList({ entries, label }: { entries: readonly PracticeFinding[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 dark:divide-slate-800">
      {entries.map((entry, index) => (
        <OpenFindingItem key={`${entry.finding.id}-${index}`} entry={entry} />
      ))}
    </ul>
  );
}
