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

/** The temporary table the staging path leaves its values in, for `applyStagedObservations` to write. */
export const STAGED_VALUES = 'warning_import_values';

/** What the staging path found: a parse whose values wait in `STAGED_VALUES` rather than in memory. */
export type StagedParse = Omit<Parsed, 'candidates'> & { values: number };

/**
 * A count cell as the staging path reads it: null when empty, the number when it is a whole number
 * below a billion as `readNumber` reads it (digits, an exponent allowed: UNHCR writes 5e+05), and
 * NaN otherwise. Such numbers add up exactly in double precision whatever the order, as the general
 * path adds them. Plain digits are told without a regular expression, which costs several times more.
 */
const count = (cell: RawBuilder<unknown>) => sql<number | null>`(case
  when ${cell} = '' then null
  when length(${cell}) <= 9 and translate(${cell}, '0123456789', '') = '' then ${cell}::float8
  when ${cell} ~ '^[0-9]{1,9}(\\.[0-9]{1,9})?([eE][-+]?[0-9]{1,2})?$'
    and ${cell}::numeric < 1000000000 and ${cell}::numeric = trunc(${cell}::numeric) then ${cell}::float8
  else 'NaN'::float8 end)`;

interface Tally {
  rows: number;
  odd: number;
  unknown_asylum: number;
  stored: number;
  origins: Array<[string, number]> | null;
  skipped: Array<[number, string]> | null;
}

/**
 * Loads the file into a staging table of the transaction, checks every row there and sums the
 * values into `STAGED_VALUES`, as `parseObservations` does for a UNHCR population table: one scan
 * of the staging table, in one statement. Throws `NotStaged` when the COPY refuses the file or any
 * row is not plainly valid; nothing is written then.
 */
export async function stagePopulation(
  trx: q.Db,
  file: StagedFile,
  countryKeys: Map<string, string>,
  source: string,
): Promise<StagedParse> {
  // The statements below read a whole table once each: compiling them (PostgreSQL's JIT, which
  // the size of the table calls for) costs more than it saves.
  await sql`set local jit = off`.execute(trx);
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
  await sql
    .raw(
      `create temp table ${STAGED_VALUES} (indicator_id int2 not null, country_iso2 char(2) not null, period date not null, value float8 not null, row int not null) on commit drop`,
    )
    .execute(trx);
  // Codes only, looked up as they are written in ASCII (so that upper() is toUpperCase()): a cell
  // that is a name, or has spaces about it, is no code; its row is not plain and the general path reads it.
  const codes = Object.fromEntries([...countryKeys].filter(([k]) => /^[A-Z]{2,3}$/.test(k)));
  const col = (index: number) => sql.raw(`coalesce(s.c${index}, '')`);
  const { year, coa, coo, refugees, seekers } = file.columns;
  const currentYear = new Date().getUTCFullYear();
  // The rows are scanned once for what each row alone tells (its year, its numbers), and summed by
  // the code as written; the codes, a few hundred, are then looked up once each, and the sums of the
  // codes of one country added up. A row is not plain when its codes are unknown, or when its year
  // or numbers are not and it is counted somewhere: one such row sends the file to the general path,
  // so the sums need not leave it out.
  const { rows } = await sql<Tally>`
    with cells as materialized (
      select c.n, c.coa, c.coo, c.coa = any(${UNKNOWN}::text[]) as asylum_unknown,
        case when length(c.y) = 4 and translate(c.y, '0123456789', '') = ''
             then case when c.y::int between 1900 and ${currentYear} then c.y::int end end as year,
        ${count(sql.ref('c.refugees'))} as refugees, ${count(sql.ref('c.seekers'))} as seekers
      from (
        select s.n, ${col(year)} as y, ${col(coa)} as coa, ${col(coo)} as coo, ${col(refugees)} as refugees,
               ${col(seekers)} as seekers
        from warning_import_staging s where s.n > 1
      ) c
    ),
    pairs as materialized (
      select coa, coo, bool_or(asylum_unknown) as asylum_unknown, count(*) as rows, min(n) as first,
        count(*) filter (where year is null or refugees = 'NaN' or seekers = 'NaN') as bad,
        array_agg(n) filter (where asylum_unknown) as unknown_rows
      from cells group by coa, coo
    ),
    asylum_codes as (
      select coa, case when octet_length(coa) = length(coa) then ${JSON.stringify(codes)}::jsonb ->> upper(coa) end as asylum
      from (select distinct coa from pairs where not asylum_unknown) d
    ),
    origin_codes as (
      select coo,
        case when coo <> all(${UNKNOWN}::text[]) and octet_length(coo) = length(coo)
             then ${JSON.stringify(codes)}::jsonb ->> upper(coo) end as origin
      from (select distinct coo from pairs) d
    ),
    checked as (
      select p.*, o.origin,
        case when not ((p.asylum_unknown or a.asylum is not null)
                       and (o.origin is not null or p.coo = '' or p.coo ~ '^[A-Za-z]{2,3}$')) then p.rows
             when p.asylum_unknown and o.origin is null then 0
             else p.bad end as odd
      from pairs p join origin_codes o on o.coo = p.coo left join asylum_codes a on a.coa = p.coa
    ),
    -- Summed twice over the rows, by country of asylum and by country of origin; each figure's row
    -- is the first row with a value for it, as the general path reports it.
    asylum_sums as (
      select coa, year, sum(refugees) as refugees, min(n) filter (where refugees is not null) as refugees_row,
             sum(seekers) as seekers, min(n) filter (where seekers is not null) as seekers_row
      from cells where not asylum_unknown and year is not null group by coa, year
    ),
    origin_sums as (
      select coo, year, sum(refugees) as refugees, min(n) filter (where refugees is not null) as refugees_row,
             sum(seekers) as seekers, min(n) filter (where seekers is not null) as seekers_row
      from cells where year is not null group by coo, year
    ),
    by_asylum as (
      select a.asylum as country, s.year, sum(s.refugees) as refugees, min(s.refugees_row) as refugees_row,
             sum(s.seekers) as seekers, min(s.seekers_row) as seekers_row
      from asylum_sums s join asylum_codes a on a.coa = s.coa where a.asylum is not null group by a.asylum, s.year
    ),
    by_origin as (
      select o.origin as country, s.year, sum(s.refugees) as refugees, min(s.refugees_row) as refugees_row,
             sum(s.seekers) as seekers, min(s.seekers_row) as seekers_row
      from origin_sums s join origin_codes o on o.coo = s.coo where o.origin is not null group by o.origin, s.year
    ),
    summed as (
      select 'refugees_hosted' as indicator, country, year, refugees as value, refugees_row as row from by_asylum
      union all select 'asylum_seekers', country, year, seekers, seekers_row from by_asylum
      union all select 'refugees_by_origin', country, year, refugees, refugees_row from by_origin
      union all select 'asylum_seekers_by_origin', country, year, seekers, seekers_row from by_origin
    ),
    stored as (
      insert into ${sql.table(STAGED_VALUES)} (indicator_id, country_iso2, period, value, row)
      select i.id, v.country, make_date(v.year, 1, 1), v.value, v.row
      from summed v join warning_indicator i on i.code = v.indicator
      where v.row is not null
      returning 1
    )
    select (select coalesce(sum(rows), 0)::int from pairs) as rows, (select coalesce(sum(odd), 0)::int from checked) as odd,
      (select count(*)::int from pairs, unnest(unknown_rows) n) as unknown_asylum,
      (select json_agg(json_build_array(n, coa) order by n) from pairs, unnest(unknown_rows) n) as skipped,
      (select count(*)::int from stored) as stored,
      (select json_agg(json_build_array(code, rows) order by first) from (
        select case when coo = '' then '(empty)' else coo end as code, sum(rows)::int as rows, min(first) as first
        from checked where origin is null group by coo) o) as origins`.execute(trx);
  const tally = rows[0] as Tally;
  // Every record must have reached the table, the header and each row: a line COPY reads otherwise
  // (an end-of-data mark) sends the file back.
  if (tally.rows + 1 !== file.records) throw new NotStaged('the COPY read another number of rows');
  if (tally.odd > 0) throw new NotStaged('some rows are not plainly valid');
  return {
    format: 'unhcr_population',
    source,
    method: populationMethod(file.header, file.columns, tally.unknown_asylum, tally.origins ?? []),
    rowCount: tally.rows,
    values: tally.stored,
    rejected: [],
    skipped: (tally.skipped ?? []).map(([row, code]) => ({
      row: Number(row),
      reason: `The country of asylum is unknown (${code}).`,
    })),
  };
}

/** The values the staging path found, as the general path lists them (for comparing the two). */
export async function stagedCandidates(trx: q.Db): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    select i.code as indicator, v.country_iso2 as country, to_char(v.period, 'YYYY-MM-DD') as period, v.value, v.row
    from ${sql.table(STAGED_VALUES)} v join warning_indicator i on i.id = v.indicator_id
    order by v.row, i.code`.execute(trx);
  return rows.map((r) => ({ ...r, value: Number(r.value), row: Number(r.row) }));
}
