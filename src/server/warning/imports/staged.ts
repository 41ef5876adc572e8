import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { type RawBuilder, sql } from 'kysely';
import { copyFrom } from '../../db/copy.js';
import { SHEET_LIMITS } from '../../files/sheet-reader.js';
import type * as q from '../indicators/queries.js';
import {
  type Candidate,
  detectFormat,
  type Parsed,
  type PopulationColumns,
  populationColumns,
  populationMethod,
  UNHCR_UNKNOWN,
} from './formats.js';

// The UNHCR population table (140,000 rows) is loaded with COPY into a staging table and checked
// and summed there, set-based, instead of being parsed into cells and checked row by row. The
// staging path takes a file only when it is sure to read it as the general path would: a regular
// CSV (RFC 4180 quoting, one kind of line end, as many fields on every line) whose every row is
// valid in the plainest form (ISO codes, four-digit years, whole numbers). Anything else — a bad row
// above all — is left to the general path, which words the row-level report; so the report of a
// refused file is the same whichever path saw it first.

/** A CSV file the staging path may take: its bytes, its header, its columns and its number of records. */
export interface StagedFile {
  bytes: Buffer;
  header: string[];
  columns: PopulationColumns;
  records: number;
}

const inflate = promisify(gunzip);
const MAX_COLUMNS = 200;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The number of records of a CSV file, when its quoting is regular (a quote opens a field and
 * closes it, doubled inside it) and its lines end all alike; undefined otherwise.
 */
export function countRecords(bytes: Uint8Array): number | undefined {
  let records = 0;
  let inQuotes = false;
  let fieldStart = true;
  let closed = false;
  let crlf = 0;
  let lf = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (inQuotes) {
      if (b !== QUOTE) continue;
      if (bytes[i + 1] === QUOTE) i++;
      else {
        inQuotes = false;
        closed = true;
      }
    } else if (b === COMMA) {
      fieldStart = true;
      closed = false;
    } else if (b === LF) {
      records++;
      if (bytes[i - 1] === CR) crlf++;
      else lf++;
      fieldStart = true;
      closed = false;
    } else if (b === CR) {
      if (bytes[i + 1] !== LF) return undefined;
    } else if (b === QUOTE) {
      if (!fieldStart) return undefined;
      inQuotes = true;
      fieldStart = false;
    } else {
      if (closed) return undefined;
      fieldStart = false;
    }
  }
  if (inQuotes || (crlf > 0 && lf > 0)) return undefined;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== LF) records++;
  return records;
}

/**
 * The file as the staging path takes it, or undefined when the general path must read it: not a
 * UNHCR population table sent as CSV, irregular, or beyond the limits of a sheet.
 */
export async function stagedFile(
  raw: Buffer,
  options: { format?: string | undefined; sheet?: string | undefined; mapping?: unknown },
): Promise<StagedFile | undefined> {
  if (options.mapping || options.sheet === 'xlsx' || (options.format && options.format !== 'unhcr_population')) return;
  let bytes = raw;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await inflate(bytes, { maxOutputLength: SHEET_LIMITS.maxTotalBytes });
    } catch {
      return; // the general path says why
    }
  }
  const records = countRecords(bytes);
  if (records === undefined || records < 2 || records > SHEET_LIMITS.maxRows) return;
  let head: string[][];
  try {
    head = parse(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: 2,
    }) as string[][];
  } catch {
    return;
  }
  const header = head[0] ?? [];
  if (header.length < 2 || header.length > MAX_COLUMNS || head.length < 2) return;
  if (header.some((c) => /[\r\n]/.test(c)) || head.some((row) => row.every((c) => c.trim() === ''))) return;
  try {
    if (detectFormat(head) !== 'unhcr_population') return;
    return { bytes, header, columns: populationColumns(header), records };
  } catch {
    return;
  }
}

/** The file cannot be taken whole by the staging path: the general path reads it instead. */
export class NotStaged extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

const UNKNOWN = [...UNHCR_UNKNOWN];

/**
 * Whether a cell is empty or a whole number below a billion as `readNumber` reads it (digits, an
 * exponent allowed: UNHCR writes 5e+05): such numbers add up exactly in double precision whatever
 * the order, as the general path adds them.
 */
const plainCount = (cell: RawBuilder<unknown>) => sql<boolean>`(case
  when ${cell} = '' then true
  when ${cell} ~ '^[0-9]{1,9}(\.[0-9]{1,9})?([eE][-+]?[0-9]{1,2})?$'
    then ${cell}::numeric < 1000000000 and ${cell}::numeric = trunc(${cell}::numeric)
  else false end)`;

/**
 * Loads the file into a staging table of the transaction, checks every row there and sums the
 * values, as `parseObservations` does for a UNHCR population table. Throws `NotStaged` when the
 * COPY refuses the file or any row is not plainly valid; nothing is written then.
 */
export async function stagePopulation(
  trx: q.Db,
  file: StagedFile,
  countryKeys: Map<string, string>,
  source: string,
): Promise<Parsed> {
  const n = file.header.length;
  const names = Array.from({ length: n }, (_, i) => `c${i}`);
  await sql
    .raw(
      `create temp table warning_import_staging (n int generated always as identity, ${names.map((c) => `${c} text`).join(', ')}) on commit drop`,
    )
    .execute(trx);
  try {
    await copyFrom(
      trx,
      `copy warning_import_staging (${names.join(', ')}) from stdin with (format csv, encoding 'UTF8')`,
      file.bytes,
    );
  } catch {
    throw new NotStaged('the COPY refused the file');
  }
  // The planner learns the table's size, so that it joins the country lookups by hash.
  await sql`analyze warning_import_staging`.execute(trx);
  const col = (index: number) => sql.raw(`coalesce(s.c${index}, '')`);
  const { year, coa, coo, refugees, seekers } = file.columns;
  const currentYear = new Date().getUTCFullYear();
  // One row per data row: its asylum and origin countries as the lookups give them, and whether it is plainly valid.
  await sql`
    create temp table warning_import_checked on commit drop as
    with lookup as (
      select k, iso2 from unnest(${[...countryKeys.keys()]}::text[], ${[...countryKeys.values()]}::text[]) as l(k, iso2)
    ),
    cells as (
      select s.n, ${col(year)} as y, ${col(coa)} as coa, ${col(coo)} as coo, ${col(refugees)} as refugees,
             ${col(seekers)} as seekers
      from warning_import_staging s where s.n > 1
    ),
    placed as (
      select c.*, c.coa = any(${UNKNOWN}::text[]) as asylum_unknown, a.iso2 as asylum,
             case when c.coo = any(${UNKNOWN}::text[]) then null else o.iso2 end as origin
      from cells c
      left join lookup a on a.k = case when c.coa ~ '^[A-Za-z]{2,3}$' then upper(c.coa) end
      left join lookup o on o.k = case when c.coo ~ '^[A-Za-z]{2,3}$' then upper(c.coo) end
    )
    select p.*,
      (p.coo = '' or p.coo ~ '^[A-Za-z]{2,3}$')
      and (p.asylum_unknown or p.asylum is not null)
      and ((p.asylum_unknown and p.origin is null) or (
        (case when p.y ~ '^[0-9]{4}$' then p.y::int between 1900 and ${currentYear} else false end)
        and ${plainCount(sql.ref('p.refugees'))} and ${plainCount(sql.ref('p.seekers'))}
      )) as plain
    from placed p`.execute(trx);
  const { rows: tally } = await sql<{ rows: number; loaded: number; odd: number; unknown_asylum: number }>`
    select count(*)::int as rows, (select count(*)::int from warning_import_staging) as loaded,
           count(*) filter (where not plain)::int as odd, count(*) filter (where asylum_unknown)::int as unknown_asylum
    from warning_import_checked`.execute(trx);
  const counts = tally[0] as { rows: number; loaded: number; odd: number; unknown_asylum: number };
  // Every record must have reached the table: a line COPY reads otherwise (an end-of-data mark) sends the file back.
  if (counts.loaded !== file.records) throw new NotStaged('the COPY read another number of rows');
  if (counts.odd > 0) throw new NotStaged('some rows are not plainly valid');

  const { rows: sums } = await sql<{ indicator: string; country: string; period: string; value: number; row: number }>`
    select indicator, country, y || '-01-01' as period, sum(v::float8) as value, min(n) as row
    from (
      select n, 'refugees_hosted' as indicator, asylum as country, y, refugees as v from warning_import_checked where not asylum_unknown
      union all select n, 'asylum_seekers', asylum, y, seekers from warning_import_checked where not asylum_unknown
      union all select n, 'refugees_by_origin', origin, y, refugees from warning_import_checked where origin is not null
      union all select n, 'asylum_seekers_by_origin', origin, y, seekers from warning_import_checked where origin is not null
    ) v
    where v <> ''
    group by indicator, country, y
    order by min(n), indicator`.execute(trx);
  const { rows: origins } = await sql<{ code: string; rows: number }>`
    select case when coo = '' then '(empty)' else coo end as code, count(*)::int as rows
    from warning_import_checked where origin is null group by coo order by min(n)`.execute(trx);
  const { rows: skipped } = await sql<{ row: number; code: string }>`
    select n as row, coa as code from warning_import_checked where asylum_unknown order by n`.execute(trx);

  const candidates: Candidate[] = sums.map((s) => ({
    row: Number(s.row),
    indicator: s.indicator,
    country: s.country,
    period: s.period,
    value: Number(s.value),
  }));
  return {
    format: 'unhcr_population',
    source,
    method: populationMethod(
      file.header,
      file.columns,
      counts.unknown_asylum,
      origins.map((o) => [o.code, o.rows]),
    ),
    rowCount: counts.rows,
    candidates,
    rejected: [],
    skipped: skipped.map((s) => ({ row: Number(s.row), reason: `The country of asylum is unknown (${s.code}).` })),
  };
}
