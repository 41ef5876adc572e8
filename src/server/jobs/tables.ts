import type { ColumnType, Generated } from 'kysely';

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  slot_start: ColumnType<Date, Date | string, never>;
  instance: string;
  started_at: Generated<Date>;
  finished_at: ColumnType<Date | null, never, Date | string>;
  outcome: ColumnType<'succeeded' | 'failed' | null, never, 'succeeded' | 'failed'>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** The job runner's table: one row per job and time slot, claimed by the instance that runs it. */
export interface JobTables {
  job_run: JobRunTable;
}
