// A small RFC 4180 reader: comma separated, double-quoted fields with "" for a quote, quoted
// fields may span lines, CRLF or LF, a leading BOM is dropped. Each record remembers the physical
// line it starts on, because that is the number a spreadsheet user looks for.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export function readCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let broken = false;
    for (;;) {
      if (src[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) {
          problems.push({ line: quoteLine, message: `Line ${quoteLine}: a quoted field is never closed; add the missing " before the end of the file.` });
          broken = true;
          break;
        }
        if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          problems.push({ line, message: `Line ${line}: text follows a closing quote; put the whole field in quotes and write a quote inside it as "".` });
          broken = true;
        }
      }
      while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        if (src[i] === '"' && !broken) {
          problems.push({ line, message: `Line ${line}: a quote appears inside an unquoted field; quote the whole field and write the quote as "".` });
          broken = true;
        }
        field += src[i];
        i++;
      }
      fields.push(field);
      field = '';
      if (i < n && src[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // End of record: skip to the next line whatever stopped us.
    while (i < n && src[i] !== '\n') i++;
    if (i < n) {
      i++;
      line++;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!broken && !blank) records.push({ line: startLine, fields });
  }
  return { records, problems };
}
