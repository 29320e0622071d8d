import type { Summary } from '../analysis/summary';
import { CATEGORIES, CATEGORY_LABELS, OWNERS, SEVERITIES } from '../model/vocabulary';
import { textTable } from './text-table';

function formatLabel(file: Summary['files'][number]): string {
  if (file.format !== null) return file.format;
  return file.errors.some((error) => error.code === 'unrecognised_format') ? 'UNRECOGNISED' : 'UNREADABLE';
}

/** Formats the readable form of `srd summary`: files, totals, and open risks by category and owner. */
export function formatSummaryText(summary: Summary): string {
  const sections: string[] = [];

  sections.push(
    textTable(
      ['File', 'Format', 'Records', 'Findings', 'Duplicates', 'Rejected'],
      summary.files.map((file) => [file.path, formatLabel(file), file.records, file.findings, file.duplicates, file.rejected]),
    ),
  );

  const { totals, byStatus, openRisks } = summary;
  sections.push(
    [
      `Findings: ${totals.findings} from ${totals.records} records in ${totals.files} file(s)` +
        ` (${totals.duplicates} duplicates, ${totals.rejected} rejected, ${totals.unreadableFiles} unreadable files)`,
      `Status: ${Object.entries(byStatus).map(([status, count]) => `${status} ${count}`).join(', ')}`,
      `Open risks: ${openRisks.total} (${SEVERITIES.map((severity) => `${severity} ${openRisks.bySeverity[severity]}`).join(', ')})`,
    ].join('\n'),
  );

  const categoryRows = CATEGORIES.map((category) => {
    const label = CATEGORY_LABELS[category];
    return [label, openRisks.byCategory[category]];
  });
  sections.push(textTable(['Open risks by category', 'Count'], categoryRows));
  sections.push(textTable(['Open risks by owner', 'Count'], OWNERS.map((owner) => [owner, openRisks.byOwner[owner]])));

  // The formats tried for an unrecognised file go one per line, so the reasons stay readable.
  const problems = summary.files.flatMap((file) => [...file.errors.map((error) => error.message.replace(/; (?=[a-z0-9-]+ \()/g, '\n      ')), ...file.notes]);
  if (problems.length > 0) sections.push(['Problems and notes:', ...problems.map((text) => `  - ${text}`)].join('\n'));

  return `${sections.join('\n\n')}\n`;
}
