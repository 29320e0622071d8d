/**
 * The walled-garden view: how well the account keeps its secrets private, as one card per practice.
 * `onShowFindings` opens the findings table on the findings that match a practice.
 */
import { useMemo } from 'react';
import {
  PRACTICE_STATUSES,
  evaluateWalledGarden,
  withSummaryCounts,
  type PracticeId,
  type PracticeResult,
  type PracticeStatus,
  type WalledGardenSummary,
} from '../../analysis/walled-garden';
import type { Finding } from '../../model/finding';
import { zeroCounts } from '../../model/vocabulary';
import { EmptyState } from '../components/states';
import { PracticeCard } from './practice-card';
import { PRACTICE_STATUS_STYLES } from './practice-status';

function StatusTally({ results }: { results: readonly PracticeResult[] }) {
  const counts = zeroCounts<PracticeStatus>(PRACTICE_STATUSES);
  for (const result of results) counts[result.status]++;
  return (
    <ul aria-label="Practices by status" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
      {PRACTICE_STATUSES.map((status) => (
        <li key={status}>
          <span className="font-semibold tabular-nums">{counts[status]}</span> {PRACTICE_STATUS_STYLES[status].tallyLabel}
        </li>
      ))}
    </ul>
  );
}

export function WalledGardenView({
  findings,
  counts,
  onShowFindings,
}: {
  findings: readonly Finding[];
  /** Counts over every finding read, for a report that leaves passed findings out of `findings`. */
  counts?: WalledGardenSummary;
  onShowFindings: (practiceId: PracticeId) => void;
}) {
  const results = useMemo(() => {
    const evaluated = evaluateWalledGarden(findings);
    return counts ? withSummaryCounts(evaluated, counts) : evaluated;
  }, [findings, counts]);

  return (
    <section aria-labelledby="walled-garden-title" className="space-y-4">
      <header className="space-y-2">
        <h2 id="walled-garden-title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
          Walled garden: keeping secrets private
        </h2>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Keys leak through git repositories, through SSRF against the instance metadata service and through public
          buckets. Each card is one defence, judged from the loaded findings: at risk when a matching finding is open,
          OK when matching checks only passed, no evidence when no loaded finding checks it.
        </p>
        <StatusTally results={results} />
      </header>
      {findings.length === 0 ? (
        <EmptyState title="No findings loaded">
          Load a findings export to judge the practices; until then none has evidence.
        </EmptyState>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3">
        {results.map((result) => (
          <PracticeCard key={result.practice.id} result={result} onShowFindings={onShowFindings} />
        ))}
      </div>
    </section>
  );
}
