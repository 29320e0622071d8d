/** The errors and notes of one file's account as list items: errors in red, notes in grey. */
import type { FileAccount } from '../../ingest/account';

export function ProblemItems({ account }: { account: FileAccount }) {
  return (
    <>
      {account.errors.map((error, index) => (
        <li key={`error-${index}`} className="rounded bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-100">
          {error.message}
        </li>
      ))}
      {account.notes.map((note, index) => (
        <li key={`note-${index}`} className="rounded bg-slate-100 px-2 py-1 text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {note}
        </li>
      ))}
    </>
  );
}
