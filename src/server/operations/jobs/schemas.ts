import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';

const DateTime = Type.String({ format: 'date-time' });

export const JobNameParams = Type.Object(
  { name: Type.String({ pattern: '^[a-z][a-z_]*\\.[a-z][a-z_]*$', minLength: 3, maxLength: 80 }) },
  { additionalProperties: false },
);

export const JobRun = Type.Object({
  startedAt: DateTime,
  finishedAt: Type.Union([DateTime, Type.Null()]),
  durationMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  outcome: StringEnum(['running', 'succeeded', 'failed'] as const),
  /** Why it failed, as the job's error said; null unless failed. */
  error: Type.Union([Type.String(), Type.Null()]),
});

export const JobView = Type.Object({
  /** Stable code, `domain.what`; the web client names it in the reader's language. */
  name: Type.String(),
  periodSeconds: Type.Integer({ minimum: 1 }),
  allowRunNow: Type.Boolean(),
  running: Type.Boolean(),
  lastRun: Type.Union([JobRun, Type.Null()]),
  /** When the runner will next run it (now or earlier: due at its next tick). */
  nextRunAt: DateTime,
  failures: Type.Object({
    /** Failed runs in the last 7 days. */
    count: Type.Integer({ minimum: 0 }),
    /** The latest of them, newest first (at most 5). */
    recent: Type.Array(Type.Object({ at: DateTime, error: Type.Union([Type.String(), Type.Null()]) })),
  }),
});
export type JobView = Static<typeof JobView>;

export const Outbox = Type.Object({
  /** Emails waiting to be sent. */
  queued: Type.Integer({ minimum: 0 }),
  /** How long the oldest waiting email has waited, in seconds; null when none waits. */
  oldestQueuedSeconds: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Emails given up on after every attempt, listed on the failed-emails page. */
  failed: Type.Integer({ minimum: 0 }),
  failedPage: Type.Literal('/notifications/failed'),
});

export const JobList = Type.Object({ jobs: Type.Array(JobView), outbox: Outbox });
export type JobList = Static<typeof JobList>;

export const RunNowResult = Type.Object({ job: JobView });
export type RunNowResult = Static<typeof RunNowResult>;
