import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value of a COPY text row: null, or anything whose String() is the value. */
export type CopyValue = string | number | boolean | null;

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is null.
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** The rows of one table, in the column order given, as COPY text lines. */
export class CopyBuffer {
  private lines: string[] = [];
  constructor(readonly table: string, readonly columns: readonly string[]) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.lines.push(values.map(field).join('\t'));
  }

  get size(): number {
    return this.lines.length;
  }

  /** Streams the rows into the table with COPY FROM STDIN and empties the buffer. */
  async flush(client: pg.PoolClient | pg.Client): Promise<number> {
    const lines = this.lines;
    this.lines = [];
    if (lines.length === 0) return 0;
    const columns = this.columns.map((c) => `"${c}"`).join(', ');
    const stream = client.query(copyFrom(`COPY ${this.table} (${columns}) FROM STDIN`));
    // Chunks of a few thousand lines: one big string per table would double the memory.
    async function* chunks() {
      for (let i = 0; i < lines.length; i += 2_000) yield `${lines.slice(i, i + 2_000).join('\n')}\n`;
    }
    await pipeline(Readable.from(chunks()), stream);
    return lines.length;
  }
}
