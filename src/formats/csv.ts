/**
 * RFC 4180 CSV reading with delimiter detection. Handles quoted fields with embedded delimiters, quotes and
 * newlines, and both CRLF and LF line endings.
 */

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Picks the delimiter that splits the header line into the most columns, outside quotes. */
export function detectDelimiter(text: string): string {
  const headerEnd = findLineEnd(text, 0);
  const header = text.slice(0, headerEnd);
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = countOutsideQuotes(header, delimiter);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

function findLineEnd(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if ((char === '\n' || char === '\r') && !quoted) return i;
  }
  return text.length;
}

/** One parsed row with the 1-based line number it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Splits CSV text into rows of cells. Blank lines are skipped. */
export function parseCsv(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let rowHasContent = false;

  const endRow = () => {
    if (rowHasContent || cells.length > 0 || cell !== '') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
    }
    cells = [];
    cell = '';
    rowHasContent = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') {
      // A quote opens a quoted cell only at the start of the cell; elsewhere it is a literal character.
      quoted = true;
      rowHasContent = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      rowHasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
      rowHasContent = true;
    }
  }
  endRow();
  return rows;
}
