import { createHash, type Hash } from 'node:crypto';

/**
 * A Crossroads backup is UTF-8 text, one JSON document per line (optionally gzipped):
 *
 *   {"format":"crossroads-backup","version":1,"createdAt":…,"source":…,"migrations":[…],"tables":[…]}
 *   {"table":"country"}            then one line per row: ["AT","AUT",…], each value as PostgreSQL
 *   ["AT","AUT",…]                 writes it in text form (or null), so every type round-trips exactly
 *   …                              and the file restores onto either backend
 *   {"end":{"rows":1234,"sha256":"…"}}   the digest of every byte before this line
 *
 * The header names the migrations the data fits and, per table, its columns and row count; the
 * last line proves that nothing was cut off or changed.
 */
export const BACKUP_FORMAT = 'crossroads-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: string[];
  tables: BackupTable[];
}

export type Row = Array<string | null>;

/** A backup that cannot be read or that does not fit: the message tells the operator why. */
export class BackupError extends Error {}

/** Turns the parts of a backup into its lines, keeping the running digest. */
export class BackupEncoder {
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;

  private line(value: unknown): string {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text);
    return text;
  }

  header(header: BackupHeader): string {
    return this.line(header);
  }

  table(name: string): string {
    return this.line({ table: name });
  }

  row(row: Row): string {
    this.rows++;
    return this.line(row);
  }

  end(): string {
    return `${JSON.stringify({ end: { rows: this.rows, sha256: this.hash.digest('hex') } })}\n`;
  }
}

function parse(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`Line ${number} of the backup is not valid JSON: the file is damaged.`);
  }
}

function checkHeader(value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Crossroads backup.');
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `This backup has format version ${header.version}; this version of Crossroads reads version ${BACKUP_VERSION}.`,
    );
  }
  const tablesOk =
    Array.isArray(header.tables) &&
    header.tables.every(
      (t) => typeof t?.name === 'string' && Array.isArray(t.columns) && Number.isInteger(t.rows) && t.rows >= 0,
    );
  if (!Array.isArray(header.migrations) || !tablesOk || (header.source !== 'pglite' && header.source !== 'postgres')) {
    throw new BackupError('The header of this backup is incomplete: the file is damaged.');
  }
  return header as BackupHeader;
}

export interface BackupSection {
  table: BackupTable;
  rows: AsyncIterable<Row>;
}

/**
 * Reads a whole backup once and checks it: header, sections, row counts, row widths and the
 * digest. Returns the header; nothing is written anywhere. Restores call this first, so a cut
 * or altered file is refused before the database is touched.
 */
export async function verifyBackup(lines: AsyncIterable<string>): Promise<BackupHeader> {
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let number = 0;
  let current: BackupTable | undefined;
  let seen = 0;
  let total = 0;
  let sectionIndex = 0;
  const closeSection = () => {
    if (current && seen !== current.rows) {
      throw new BackupError(`The table ${current.name} should hold ${current.rows} rows in this backup but holds ${seen}.`);
    }
  };
  for await (const line of lines) {
    number++;
    if (line === '') continue;
    const value = parse(line, number);
    if (!header) {
      header = checkHeader(value);
      hash.update(`${line}\n`);
      continue;
    }
    if (Array.isArray(value)) {
      if (!current) throw new BackupError(`Line ${number} is a row outside any table: the file is damaged.`);
      if (value.length !== current.columns.length || !value.every((v) => v === null || typeof v === 'string')) {
        throw new BackupError(`Line ${number} does not fit the columns of the table ${current.name}: the file is damaged.`);
      }
      seen++;
      total++;
      hash.update(`${line}\n`);
      continue;
    }
    const marker = value as { table?: unknown; end?: { rows?: unknown; sha256?: unknown } };
    if (typeof marker.table === 'string') {
      closeSection();
      current = header.tables[sectionIndex++];
      if (current?.name !== marker.table) {
        throw new BackupError(`The table ${marker.table} is not where the header puts it: the file is damaged.`);
      }
      seen = 0;
      hash.update(`${line}\n`);
      continue;
    }
    if (marker.end) {
      closeSection();
      if (sectionIndex !== header.tables.length) throw new BackupError('Some tables of this backup are missing.');
      if (marker.end.rows !== total || marker.end.sha256 !== hash.digest('hex')) {
        throw new BackupError('The backup does not match its own checksum: the file was changed or damaged.');
      }
      return header;
    }
    throw new BackupError(`Line ${number} of the backup is not understood: the file is damaged.`);
  }
  throw new BackupError(header ? 'The backup is cut off before its end: the file is incomplete.' : 'The file is empty.');
}

/**
 * Reads a verified backup again: its header, then one section per table in order. Each section's
 * rows must be read to the end before the next section is asked for.
 */
export async function openSections(
  lines: AsyncIterable<string>,
): Promise<{ header: BackupHeader; sections: AsyncGenerator<BackupSection> }> {
  const iterator = lines[Symbol.asyncIterator]();
  let pending: string | undefined;
  const next = async (): Promise<string | undefined> => {
    if (pending !== undefined) {
      const line = pending;
      pending = undefined;
      return line;
    }
    for (;;) {
      const result = await iterator.next();
      if (result.done) return undefined;
      if (result.value !== '') return result.value;
    }
  };
  const first = await next();
  if (first === undefined) throw new BackupError('The file is empty.');
  const header = checkHeader(parse(first, 1));
  async function* rowsOfSection(): AsyncGenerator<Row> {
    for (;;) {
      const line = await next();
      if (line === undefined) return;
      if (!line.startsWith('[')) {
        pending = line;
        return;
      }
      yield JSON.parse(line) as Row;
    }
  }
  async function* sections(): AsyncGenerator<BackupSection> {
    for (const table of header.tables) {
      const marker = await next();
      if (marker === undefined || (JSON.parse(marker) as { table?: string }).table !== table.name) {
        throw new BackupError(`The table ${table.name} is missing from the backup.`);
      }
      yield { table, rows: rowsOfSection() };
    }
  }
  return { header, sections: sections() };
}
