/**
 * Delimited text as spreadsheets and Moodle write it (RFC 4180): fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes. A quote inside an unquoted field is kept as it is, as
 * spreadsheet programs do. The only fatal mistake is a quoted field that never ends.
 */

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvResult = { readonly ok: true; readonly rows: readonly CsvRow[] } | { readonly ok: false; readonly line: number; readonly problem: string };

export function parseDelimited(input: string, delimiter: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let atFieldStart = true;
  const endRow = (): void => {
    fields.push(field);
    // A blank line (one empty field) is no row.
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, problem: 'a quoted field starts here and never ends (a missing closing ")' };
  if (field !== '' || fields.length > 0) endRow();
  return { ok: true, rows };
}
