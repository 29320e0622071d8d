/**
 * The table of formats, in detection order: specific formats before the generic ones they resemble
 * (Prowler's ASFF before plain ASFF would be wrong, since both are ASFF; the ASFF module keeps the
 * producing tool as `sourceTool` instead).
 */
import type { FormatInput, FormatModule } from './types';

export const FORMATS: readonly FormatModule[] = [];

export type FormatDetection =
  | { ok: true; format: FormatModule }
  | { ok: false; tried: { id: string; reason: string }[] };

/** True for documents that hold no records at all (`[]`, `{}`, `null`, an empty file). */
export function isEmptyDocument(input: FormatInput): boolean {
  const { doc } = input;
  if (doc.kind === 'empty') return true;
  if (doc.kind === 'json') {
    const value = doc.value;
    if (value === null) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'object') return Object.keys(value).length === 0;
  }
  return false;
}

/** Picks the first format whose `detect` matches the content; reports why each one did not. */
export function detectFormat(input: FormatInput, formats: readonly FormatModule[] = FORMATS): FormatDetection {
  const tried: { id: string; reason: string }[] = [];
  for (const format of formats) {
    const detection = format.detect(input);
    if (detection.match) return { ok: true, format };
    tried.push({ id: format.id, reason: detection.reason });
  }
  return { ok: false, tried };
}

/** For an empty document, the format its file name suggests, if any. */
export function formatFromFileName(fileName: string, formats: readonly FormatModule[] = FORMATS): FormatModule | null {
  const base = fileName.split('/').pop() ?? fileName;
  return formats.find((format) => format.fileNameHint?.test(base)) ?? null;
}

export function findFormat(id: string, formats: readonly FormatModule[] = FORMATS): FormatModule | undefined {
  return formats.find((format) => format.id === id);
}
