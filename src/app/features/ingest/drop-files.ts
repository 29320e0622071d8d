/**
 * Files from a drop event, including the contents of dropped folders where the browser exposes them
 * (webkitGetAsEntry, supported by Chromium, Firefox and Safari). Folder entries keep their path in the
 * file name, so the per-file account shows where each file came from.
 */

/** Must run inside the drop handler: the DataTransfer items are emptied once the event returns. */
export function dropEntries(dataTransfer: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  return { entries, files: Array.from(dataTransfer.files) };
}

/** Expands folder entries into files; falls back to the plain file list when no entry could be read. */
export async function filesFromDrop(drop: { entries: FileSystemEntry[]; files: File[] }): Promise<File[]> {
  if (drop.entries.length === 0) return drop.files;
  const files: File[] = [];
  for (const entry of drop.entries) await collect(entry, files);
  return files;
}

async function collect(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    const path = entry.fullPath.replace(/^\//, '');
    into.push(path === file.name ? file : new File([file], path, { type: file.type, lastModified: file.lastModified }));
    return;
  }
  if (isDirectory(entry)) {
    for (const child of await readAll(entry.createReader())) await collect(child, into);
  }
}

/** Calls readEntries until it returns no more, because Chromium returns at most 100 entries per call. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
