/**
 * One walled-garden practice: title, why it matters, status, counts, and either the open findings that
 * put it at risk or the tool that would check it.
 */
import type { PracticeId, PracticeResult } from '../../analysis/walled-garden';
import { assertNever } from '../../model/vocabulary';
import { Button } from '../components/button';
import { formatCount, plural } from '../lib/format';
import { OpenFindingList } from './open-finding-list';
import { PRACTICE_STATUS_STYLES, StatusBadge } from './practice-status';

/** Maximum open findings listed on a card. The findings table lists all of them. */
export const OPEN_FINDINGS_PER_CARD = 3;

function Counts({ open, passed }: { open: number; passed: number }) {
  return (
    <dl className="flex gap-6 text-sm">
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Open</dt>
        <dd className="text-xl font-semibold tabular-nums">{formatCount(open)}</dd>
      </div>
      <div>
        <dt className="text-slate-600 dark:text-slate-400">Passed</dt>
        <dd className="text-xl font-semibold tabular-nums">{formatCount(passed)}</dd>
      </div>
    </dl>
  );
}

function AtRisk({ result, onShowFindings }: { result: PracticeResult; onShowFindings: (id: PracticeId) => void }) {
  const { practice, open, openFindings } = result;
  const listed = openFindings.slice(0, OPEN_FINDINGS_PER_CARD);
  const label = open === 1 ? 'Show it in the table' : `Show all ${formatCount(open)} in the table`;
  return (
    <div className="space-y-3">
      <OpenFindingList entries={listed} label={`Open findings for ${practice.title}`} />
      <Button variant="secondary" onClick={() => onShowFindings(practice.id)} aria-label={`${label}: open findings for ${practice.title}`}>
        {label}
      </Button>
    </div>
  );
}

function Body({ result, onShowFindings }: { result: PracticeResult; onShowFindings: (id: PracticeId) => void }) {
  switch (result.status) {
    case 'at_risk':
      return <AtRisk result={result} onShowFindings={onShowFindings} />;
    case 'ok':
      return (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No open finding: {plural(result.passed, 'matching check')} passed.
        </p>
      );
    case 'no_evidence':
      return (
        <div className="text-sm text-slate-700 dark:text-slate-300">
          <p className="font-medium">No loaded finding checks this practice.</p>
          <p className="mt-1">{result.practice.checkedBy}</p>
        </div>
      );
    default:
      return assertNever(result.status);
  }
}

export function PracticeCard({
  result,
  onShowFindings,
}: {
  result: PracticeResult;
  onShowFindings: (practiceId: PracticeId) => void;
}) {
  const { practice, status, unsettled } = result;
  const headingId = `walled-garden-${practice.id}-title`;
  return (
    <section
      data-testid={`practice-${practice.id}`}
      data-status={status}
      aria-labelledby={headingId}
      className={`flex min-w-0 flex-col gap-3 rounded-xl border border-l-4 border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${PRACTICE_STATUS_STYLES[status].accent}`}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900 dark:text-slate-50">
          {practice.title}
        </h3>
        <StatusBadge status={status} />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{practice.rationale}</p>
      <Counts open={result.open} passed={result.passed} />
      <Body result={result} onShowFindings={onShowFindings} />
      {unsettled > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Not counted: {plural(unsettled, 'matching finding')} with status suppressed, resolved or unknown.
        </p>
      ) : null}
    </section>
  );
}
