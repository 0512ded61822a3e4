// A small RFC 4180 reader for import files: quoted fields with "" escapes and line breaks, CRLF, LF or CR line ends,
// a leading byte-order mark. Each record keeps the file line it starts on, so problems point at the line people see.

export interface CsvRecord {
  /** The file line the record starts on (1-based). */
  line: number;
  fields: string[];
}

export type CsvResult =
  | {
      ok: true;
      records: CsvRecord[];
      /** Records that were read but are malformed (text after a closing quote): reported with the others. */
      problems: Array<{ line: number; reason: string }>;
    }
  /** The file cannot be read any further (a quote never closed swallows the rest of it). */
  | { ok: false; line: number; reason: string };

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const problems: Array<{ line: number; reason: string }> = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const atLineEnd = () => text[i] === "\n" || text[i] === "\r";
  /** Steps over one line end (CRLF counts once). */
  const skipLineEnd = () => {
    if (text[i] === "\r" && text[i + 1] === "\n") i++;
    i++;
    line++;
  };

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = "";
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) return { ok: false, line: opened, reason: "a quoted value is never closed (a missing closing quote?)" };
          const c = text[i] as string;
          if (c === '"') {
            i++;
            if (text[i] !== '"') break;
            value += '"';
            i++;
          } else if (c === "\n" || c === "\r") {
            value += c === "\r" && text[i + 1] === "\n" ? "\r\n" : c;
            skipLineEnd();
          } else {
            value += c;
            i++;
          }
        }
        if (i < n && text[i] !== "," && !atLineEnd()) {
          problems.push({ line: start, reason: 'text follows a closing quote: a quote inside a quoted value is written twice ("")' });
          while (i < n && text[i] !== "," && !atLineEnd()) value += text[i++];
        }
      } else {
        while (i < n && text[i] !== "," && !atLineEnd()) value += text[i++];
      }
      fields.push(value);
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (i < n) skipLineEnd();
      break;
    }
    records.push({ line: start, fields });
  }
  return { ok: true, records, problems };
}
