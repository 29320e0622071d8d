/** The two file pickers: files (several at once) and, where the browser allows, a whole folder. */
import type { ChangeEvent, InputHTMLAttributes } from 'react';

/** Folder picking: React's input props lack `webkitdirectory`, although Chromium, Firefox and Safari support it. */
const FOLDER_ATTRIBUTES = { webkitdirectory: '', directory: '' } as InputHTMLAttributes<HTMLInputElement>;

const PICKER_CLASS =
  'relative inline-flex cursor-pointer items-center justify-center rounded-md px-4 py-2 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600';

export function FilePickers({ onFiles, disabled = false }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const take = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Clearing the value lets the same file be picked again after a removal.
    event.target.value = '';
    onFiles(files);
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className={`${PICKER_CLASS} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500`}>
        Choose files
        <input
          type="file"
          multiple
          data-testid="file-input"
          className="sr-only"
          disabled={disabled}
          onChange={take}
        />
      </label>
      <label
        className={`${PICKER_CLASS} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`}
      >
        Choose a folder
        <input type="file" multiple className="sr-only" disabled={disabled} onChange={take} {...FOLDER_ATTRIBUTES} />
      </label>
    </div>
  );
}
