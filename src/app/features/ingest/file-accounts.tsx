/**
 * The per-file accounts of every record: format detected, findings, duplicates, rejected records with
 * their messages, and notes. Each file can be removed again.
 */
import type { FileAccount } from '../../../ingest/account';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/states';
import { formatBytes, formatCount, plural } from '../../lib/format';
import type { LoadedFile } from './ingest-client';
import { ProblemItems } from '../../components/problem-items';

function AccountProblems({ account }: { account: FileAccount }) {
  if (account.errors.length === 0 && account.notes.length === 0) return null;
  const hidden = account.rejected - account.errors.filter((error) => error.record !== undefined).length;
  return (
    <details className="mt-2 text-sm" open={account.format === null}>
      <summary className="text-slate-700 dark:text-slate-300">
        {account.errors.length > 0 ? plural(account.errors.length, 'problem') : ''}
        {account.errors.length > 0 && account.notes.length > 0 ? ', ' : ''}
        {account.notes.length > 0 ? plural(account.notes.length, 'note') : ''}
      </summary>
      <ul className="mt-2 space-y-1">
        <ProblemItems account={account} />
        {hidden > 0 ? (
          <li className="text-slate-600 dark:text-slate-400">
            {plural(hidden, 'more rejected record')} not listed; the counts above include them.
          </li>
        ) : null}
      </ul>
    </details>
  );
}

function Count({ label, value, tone = 'plain' }: { label: string; value: number; tone?: 'plain' | 'warn' }) {
  const colour = tone === 'warn' && value > 0 ? 'text-red-800 dark:text-red-300' : 'text-slate-900 dark:text-slate-100';
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`font-semibold tabular-nums ${colour}`}>{formatCount(value)}</dd>
    </div>
  );
}

function AccountRow({ account }: { account: FileAccount }) {
  const format = account.formatTitle ?? (account.format === null ? 'Not recognised' : account.format);
  return (
    <div className="py-3" data-testid="file-account">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="min-w-0 break-all font-mono text-sm text-slate-900 dark:text-slate-100">{account.path}</p>
        <p className={`text-sm ${account.format === null ? 'font-semibold text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}`}>
          {format} · {formatBytes(account.bytes)}
        </p>
      </div>
      <dl className="mt-2 grid grid-cols-4 gap-2 sm:max-w-lg">
        <Count label="Records" value={account.records} />
        <Count label="Findings" value={account.findings} />
        <Count label="Duplicates" value={account.duplicates} />
        <Count label="Rejected" value={account.rejected} tone="warn" />
      </dl>
      <AccountProblems account={account} />
    </div>
  );
}

export function FileAccounts({ files, onRemove, busy }: { files: LoadedFile[]; onRemove: (fileId: number) => void; busy: boolean }) {
  if (files.length === 0) {
    return <EmptyState title="No files read yet">Drop findings exports on the page or choose them above.</EmptyState>;
  }
  return (
    <ul aria-label="Files read" className="divide-y divide-slate-200 dark:divide-slate-800">
      {files.map((loaded) => (
        <li key={loaded.id} className="py-2">
          <div className="flex items-start justify-between gap-4">
            <div className="min-w-0 flex-1 divide-y divide-slate-100 dark:divide-slate-800">
              {loaded.accounts.map((account, index) => (
                <AccountRow key={`${index}-${account.path}`} account={account} />
              ))}
            </div>
            <Button
              variant="quiet"
              className="mt-2 shrink-0"
              disabled={busy}
              onClick={() => onRemove(loaded.id)}
              aria-label={`Remove ${loaded.file.webkitRelativePath || loaded.file.name}`}
            >
              Remove
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
