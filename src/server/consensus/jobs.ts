import type { Worker } from '../jobs/job.js';
import { remindApproachingSilences } from './silence/reminder.js';
import { concludeDueSilences } from './silence/service.js';

/** How often every instance looks for silence procedures whose deadline has come. */
const SILENCE_POLL_MS = 1000;

/** Every instance watches the deadlines; the claim on each procedure's row keeps its reminder and its conclusion to one. */
export const consensusWorkers: Worker[] = [
  {
    name: 'consensus.silence',
    start(db, _config, log) {
      let stopped = false;
      let running: Promise<unknown> = Promise.resolve();
      const tick = () => {
        if (stopped) return;
        running = concludeDueSilences(db)
          .then(async (done) => {
            if (done.adopted + done.lapsed > 0) log.info(done, 'silence procedures concluded');
            const reminded = await remindApproachingSilences(db);
            if (reminded > 0) log.info({ reminded }, 'delegations reminded of silence deadlines');
          })
          .catch((error: unknown) => log.error({ err: error }, 'silence procedures could not be concluded'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, SILENCE_POLL_MS);
          });
      };
      let timer = setTimeout(tick, SILENCE_POLL_MS);
      return {
        async stop() {
          stopped = true;
          clearTimeout(timer);
          await running;
        },
      };
    },
  },
];
