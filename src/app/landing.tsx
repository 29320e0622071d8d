/** The first screen: what the dashboard does, the file pickers, the samples, and where the files go (nowhere). */
import type { ReactNode } from 'react';
import { FilePickers } from './features/ingest/file-pickers';
import { SampleButton } from './features/samples/sample-button';

export function Landing({ onFiles, children }: { onFiles: (files: File[]) => void; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
        Where do your open AWS risks sit in the Shared Responsibility Model?
      </h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        Drop findings exports anywhere on this page: AWS Security Hub (ASFF), Prowler, GuardDuty, Inspector, ScoutSuite, secret
        and IaC scanners. Every finding is mapped to its AWS service, the layer it sits on, and who owns that layer.
      </p>
      <div className="mt-8 rounded-2xl border-2 border-dashed border-slate-300 bg-white p-8 dark:border-slate-700 dark:bg-slate-900">
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">Drag files or folders here, or choose them:</p>
        <FilePickers onFiles={onFiles} />
        <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800">
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">No export at hand? Look around with realistic samples:</p>
          <SampleButton onFiles={onFiles} />
        </div>
      </div>
      <p className="mt-4 flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 fill-current">
          <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1.5 1.5 0 0 0-1.5 1.5v5A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 12 7h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z" />
        </svg>
        Your files never leave this machine: they are read inside this browser tab and nothing is uploaded.
      </p>
      {children ? <div className="mt-6 space-y-4">{children}</div> : null}
    </div>
  );
}
