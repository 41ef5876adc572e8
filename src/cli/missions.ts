import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import type { Context } from '../server/context.js';
import { Problem } from '../server/http/problems.js';
import { prepareDatabase } from '../server/main.js';
import { selectMissions } from '../server/missions/lifecycle/queries.js';
import { getMission } from '../server/missions/lifecycle/service.js';
import { composeTeam } from '../server/missions/team/compose.js';
import { loadPool } from '../server/missions/team/pool.js';
import { requestFor } from '../server/missions/team/service.js';
import { stopSolver } from '../server/solver/highs.js';

export const MISSIONS_USAGE = `  missions compose <CODE> [--exclude ID,…] [--pin ID,…]
                                propose the best team for a mission (nothing is saved),
                                or say which requirement cannot be met`;

/** `crossroads missions compose CODE`: the optimiser from the command line, with its progress on standard error. */
export async function missions(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { exclude: { type: 'string' }, pin: { type: 'string' } },
    strict: true,
  });
  const code = positionals[0];
  if (action !== 'compose' || !code) throw new Problem('validation', `Usage:\n${MISSIONS_USAGE}`);
  const config = loadConfig();
  const database = await prepareDatabase(config);
  const ctx: Context = { db: database.db, actor: null, requestId: 'cli', address: 'cli', config };
  try {
    const row = (await selectMissions(ctx.db, {})).find((m) => m.code === code);
    if (!row) throw new Problem('not_found', `There is no mission ${code}.`);
    const mission = await getMission(ctx, row.id);
    const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
    const request = requestFor(mission, { excluded: list(values.exclude), pinned: list(values.pin) });
    process.stderr.write(`Loading the roster for ${mission.startsOn} to ${mission.endsOn}…\n`);
    const pool = await loadPool(ctx.db, { from: mission.startsOn, to: mission.endsOn, ignoreMission: mission.id });
    process.stderr.write(`${pool.length} experts on the roster. Solving…\n`);
    const started = performance.now();
    const result = await composeTeam(pool, request);
    process.stderr.write(`Done in ${Math.round(performance.now() - started)} ms.\n`);
    if (!result.feasible) {
      process.stdout.write(`No team meets every requirement of ${code}:\n`);
      for (const item of result.diagnosis) process.stdout.write(`  - ${item.message}\n`);
      process.exitCode = 3;
      return;
    }
    process.stdout.write(
      `Best team for ${code} among ${result.candidates} eligible experts (objective ${result.objective.total.toFixed(3)}):\n`,
    );
    for (const member of result.team) {
      process.stdout.write(`  ${member.name} (${member.expertId}): ${member.covers.join(', ') || '—'}\n`);
    }
  } finally {
    await stopSolver();
    await database.close();
  }
}
