/**
 * Makes the whole window a drop target for findings exports. While files are dragged over the page an
 * overlay shows where they go, and a drop hands them to `onFiles`.
 */
import { useEffect, useRef, useState } from 'react';
import { dropEntries, filesFromDrop } from './drop-files';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function WindowDropZone({ onFiles, onError }: { onFiles: (files: File[]) => void; onError: (message: string) => void }) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      filesFromDrop(dropEntries(event.dataTransfer))
        .then(onFiles)
        .catch((error: unknown) => onError(`The dropped files could not be read: ${error instanceof Error ? error.message : String(error)}`));
    };

    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles, onError]);

  if (!dragging) return null;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-900/40 p-8 backdrop-blur-sm"
    >
      <div className="rounded-2xl border-4 border-dashed border-white bg-sky-950/80 px-10 py-8 text-center text-white">
        <p className="text-2xl font-semibold">Drop findings exports to read them</p>
        <p className="mt-2 text-sm text-sky-100">Files and folders are read in this browser and never uploaded.</p>
      </div>
    </div>
  );
}
