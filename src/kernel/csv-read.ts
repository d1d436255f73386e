import Papa from 'papaparse';

/** The text of an uploaded file without its byte-order mark, or null when it is not UTF-8. */
export function decodeUtf8(bytes: Buffer): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return text.includes('\uFFFD') ? null : text;
}

export interface CsvLine {
  cells: string[];
  /** The line of the file the row begins on (1 = the first line). */
  line: number;
}

export interface CsvRead {
  /** Every non-empty row, the header first. */
  rows: CsvLine[];
  /** What the reader could not make sense of, by row index in `rows` and line. */
  errors: Array<{ index: number; line: number; message: string }>;
}

/**
 * Reads comma-separated rows, each with the line it begins on, so an import can say "line 7"
 * and be right also after cells that span lines (an armoured key, a note with line breaks).
 */
export function readCsvLines(decoded: string): CsvRead {
  const text = decoded.replace(/\r\n?/g, '\n');
  const read: CsvRead = { rows: [], errors: [] };
  let previous = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result) => {
      let start = previous;
      while (text[start] === '\n') start++;
      const line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
      previous = result.meta.cursor;
      read.rows.push({ cells: result.data, line });
      for (const error of result.errors)
        read.errors.push({ index: read.rows.length - 1, line, message: error.message });
    },
  });
  return read;
}
