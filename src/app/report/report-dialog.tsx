/** The options of a report download, in a modal dialog: title, note, passed findings, raw records, pseudonyms. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../report/report-data';
import { Button } from '../components/button';
import { ErrorState } from '../components/states';

export type BuildState = { status: 'idle' } | { status: 'building' } | { status: 'failed'; message: string };

const FIELD = 'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800';

function Checkbox({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        <span className="font-medium text-slate-900 dark:text-slate-100">{label}</span>
        <span className="block text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
    </label>
  );
}

export function ReportDialog({
  open,
  state,
  onSubmit,
  onClose,
}: {
  open: boolean;
  state: BuildState;
  onSubmit: (options: ReportOptions) => void;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<ReportOptions>(DEFAULT_REPORT_OPTIONS);
  const titleId = useId();
  const building = state.status === 'building';

  // showModal gives the dialog focus trapping, Escape to close and an inert page behind it.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const update = (change: Partial<ReportOptions>) => setOptions((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...options, pseudonymKey: options.pseudonymise && options.pseudonymKey ? options.pseudonymKey : null });
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={submit} className="space-y-4 p-5">
        <div>
          <h2 id={titleId} className="text-lg font-semibold">
            Download the report
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            One HTML file with the charts, the responsibility model and every finding. It opens offline in any recent browser and
            loads nothing from elsewhere.
          </p>
        </div>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">Title</span>
          <input className={FIELD} value={options.title} onChange={(event) => update({ title: event.target.value })} maxLength={200} />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">Note</span>
          <textarea
            className={FIELD}
            rows={3}
            value={options.note}
            placeholder="Scope, audience, what to look at first"
            onChange={(event) => update({ note: event.target.value })}
          />
        </label>
        <fieldset className="space-y-3">
          <legend className="sr-only">What the report contains</legend>
          <Checkbox
            label="Include passed findings"
            hint="Always counted in the totals; listing them makes the file larger."
            checked={options.includePassed}
            onChange={(includePassed) => update({ includePassed })}
          />
          <Checkbox
            label="Include source records"
            hint="The raw record of each finding, shown in its detail panel. Off by default: it shares more of the input and makes the file larger."
            checked={options.includeRaw}
            onChange={(includeRaw) => update({ includeRaw })}
          />
          <Checkbox
            label="Pseudonymise"
            hint="Replace account ids, resource names in ARNs, EC2 ids and IP addresses, the same way everywhere in the report."
            checked={options.pseudonymise}
            onChange={(pseudonymise) => update({ pseudonymise })}
          />
        </fieldset>
        {options.pseudonymise ? (
          <label className="block space-y-1 text-sm">
            <span className="font-medium">Pseudonym key (optional)</span>
            <input
              className={FIELD}
              type="password"
              autoComplete="off"
              value={options.pseudonymKey ?? ''}
              onChange={(event) => update({ pseudonymKey: event.target.value })}
            />
            <span className="block text-slate-600 dark:text-slate-400">
              Empty: a random key for this report only. With a key, the same value gets the same pseudonym in every report built with
              it. The key is not stored in the report.
            </span>
          </label>
        ) : null}
        {state.status === 'failed' ? <ErrorState title="The report was not built" message={state.message} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={building}>
            {building ? 'Building the report…' : 'Download report'}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
