import { sql } from 'kysely';
import type { Database } from '../db/connection.js';
import { readMigrations } from '../db/migrate.js';

export interface ReadinessCheck {
  name: 'database' | 'migrations' | 'jobs';
  ok: boolean;
  /** What is wrong, for the operator; never a secret or a person's data. */
  detail?: string;
}

/** Whether the job runner of this instance is running; undefined when this server runs no jobs (tests). */
export type JobRunnerState = () => 'running' | 'stopped' | undefined;

const DATABASE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The driver's message may quote the connection string; keep only its first line, without URLs.
  return (
    message
      .split('\n')[0]
      ?.replace(/\b\w+:\/\/\S+/g, '…')
      .slice(0, 200) ?? 'unknown'
  );
}

/**
 * Whether this instance can serve: its database answers, every migration shipped with this build
 * has been applied there, and its job runner runs. The migrations' names are read once.
 */
export function readiness(database: Database, jobs: JobRunnerState) {
  const shipped = readMigrations().map((migration) => migration.name);
  return async (): Promise<ReadinessCheck[]> => {
    const checks: ReadinessCheck[] = [];
    let applied: Set<string> | undefined;
    try {
      const rows = await withTimeout(
        sql<{ name: string }>`select name from schema_migration`.execute(database.db),
        DATABASE_TIMEOUT_MS,
      );
      applied = new Set(rows.rows.map((row) => row.name));
      checks.push({ name: 'database', ok: true });
    } catch (error) {
      checks.push({ name: 'database', ok: false, detail: `The database does not answer: ${reason(error)}.` });
    }
    if (applied) {
      const pending = shipped.filter((name) => !applied.has(name));
      checks.push(
        pending.length === 0
          ? { name: 'migrations', ok: true }
          : { name: 'migrations', ok: false, detail: `Migrations not yet applied: ${pending.join(', ')}.` },
      );
    } else {
      checks.push({ name: 'migrations', ok: false, detail: 'Unknown while the database does not answer.' });
    }
    const state = jobs();
    if (state !== undefined) {
      checks.push(
        state === 'running' ? { name: 'jobs', ok: true } : { name: 'jobs', ok: false, detail: 'The job runner has stopped.' },
      );
    }
    return checks;
  };
}
