/** One progress bar per file of the running job (bytes read, then findings parsed), with a cancel button. */
import { Button } from '../../components/button';
import { formatBytes, formatCount } from '../../lib/format';
import type { FileProgress, JobProgress } from './ingest-client';

const STATE_LABEL: Record<FileProgress['state'], string> = {
  waiting: 'Waiting',
  reading: 'Reading',
  done: 'Done',
};

function FileProgressRow({ file }: { file: FileProgress }) {
  const label = `${file.name}: ${STATE_LABEL[file.state].toLowerCase()}, ${formatBytes(file.bytesRead)} of ${formatBytes(file.size)} read, ${formatCount(file.findings)} findings`;
  return (
    <li className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1">
      <span className="truncate font-mono text-xs text-slate-800 dark:text-slate-200" title={file.name}>
        {file.name}
      </span>
      <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {STATE_LABEL[file.state]} · {formatBytes(file.bytesRead)} / {formatBytes(file.size)} · {formatCount(file.records)} records ·{' '}
        {formatCount(file.findings)} findings
      </span>
      <progress
        className="col-span-2 h-2 w-full overflow-hidden rounded-full accent-sky-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-600 dark:[&::-webkit-progress-bar]:bg-slate-700"
        max={Math.max(file.size, 1)}
        value={file.state === 'done' ? Math.max(file.size, 1) : file.bytesRead}
        aria-label={label}
      />
    </li>
  );
}

export function IngestProgress({ progress, onCancel }: { progress: JobProgress; onCancel: () => void }) {
  const done = progress.files.filter((file) => file.state === 'done').length;
  return (
    <section
      aria-label="Reading files"
      className="rounded-xl border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/50"
    >
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-sm font-semibold text-sky-950 dark:text-sky-100" role="status">
          Reading files in this browser: {done} of {progress.files.length} done
        </h2>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <ul className="space-y-3">
        {progress.files.map((file, index) => (
          <FileProgressRow key={`${index}-${file.name}`} file={file} />
        ))}
      </ul>
    </section>
  );
}
