// Team optimiser figures: solve time (median and worst over 20 missions) for rosters of 1,000 and
// 10,000 experts (and 50,000 with BENCH_ROSTER_SIZES=1000,10000,50000) with 60 competences and 40
// languages, after one untimed solve that starts the solver; each size's median as a ratio to the
// median of the size before it in the same run; and, on the same missions, how often a greedy
// heuristic misses a feasible team, finds a worse one, or finds a better one (which would mean the
// optimiser is wrong: it must be 0). BENCH_ROSTER_MISSIONS changes the number of missions;
// BENCH_DIST another build to measure.
import { dist, figure, figureSeries, loadAverage, QUICK, sized } from './lib.mjs';

// From the build BENCH_DIST names (the default one otherwise), so that two builds compare.
const { composeTeam } = await import(dist('missions/team/compose.js'));
const { greedyTeam } = await import(dist('missions/team/greedy.js'));
const { objectiveOf } = await import(dist('missions/team/rules.js'));
const { DEFAULT_WEIGHTS } = await import(dist('missions/team/types.js'));
const { stopSolver } = await import(dist('solver/highs.js'));

const SIZES = (process.env.BENCH_ROSTER_SIZES ?? (QUICK ? '200,1000' : '1000,10000')).split(',').map(Number);
const MISSIONS = sized('BENCH_ROSTER_MISSIONS', 20, 5);
const COMPETENCES = Array.from({ length: 60 }, (_, i) => ({
  code: `c${i}`,
  dimension: ['politico_military', 'economic_environmental', 'human'][i % 3],
}));
const LANGUAGES = Array.from({ length: 40 }, (_, i) => `l${i}`);
const COUNTRIES = Array.from({ length: 57 }, (_, i) => `S${i}`);

function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

function pool(size, r) {
  return Array.from({ length: size }, (_, i) => {
    const competences = {};
    for (let k = r.int(3, 8); k > 0; k--) competences[r.pick(COMPETENCES).code] = r.int(1, 3);
    const languages = { l0: { speaking: r.int(4, 6), writing: r.int(4, 6) } };
    for (let k = r.int(1, 3); k > 0; k--) languages[r.pick(LANGUAGES)] = { speaking: r.int(1, 6), writing: r.int(1, 6) };
    const roll = r.next();
    return {
      id: `e${i}`,
      name: `Expert ${i}`,
      organisationId: `o${r.int(0, 35)}`,
      gender: r.next() < 0.5 ? 'female' : 'male',
      readiness: roll < 0.8 ? 'ready' : roll < 0.92 ? 'ready_with_induction' : 'not_deployable',
      nationalities: [r.pick(COUNTRIES)],
      competences,
      dimensions: [...new Set(Object.keys(competences).map((c) => COMPETENCES[Number(c.slice(1))].dimension))],
      languages,
      prerequisites: r.next() < 0.7 ? { heat: `202${r.int(6, 9)}-06-30` } : {},
      usedDays: r.int(0, 50),
      capDays: r.pick([40, 60, 90]),
      available: r.next() < 0.75,
    };
  });
}

function mission(r) {
  const competences = [];
  for (let k = r.int(2, 4); k > 0; k--) {
    const code = r.pick(COMPETENCES).code;
    if (!competences.some((c) => c.code === code)) competences.push({ code, minLevel: r.int(1, 3), count: r.int(1, 2) });
  }
  const teamMin = r.int(3, 4);
  return {
    startsOn: '2027-05-04',
    endsOn: '2027-05-18',
    days: 15,
    hostCountries: [r.pick(COUNTRIES), r.pick(COUNTRIES)],
    competences,
    languages: [{ code: r.pick(LANGUAGES.slice(1)), minLevel: r.int(3, 5), skill: 'speaking' }],
    teamMin,
    teamMax: teamMin + r.int(1, 2),
    allDimensions: r.next() < 0.5,
    minOrganisations: r.int(2, 3),
    requiredPrerequisites: ['heat'],
    pinned: [],
    excluded: [],
    weights: DEFAULT_WEIGHTS,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function run() {
  // Untimed: the first solve starts the solver's thread and compiles it.
  const warm = random(1);
  await composeTeam(pool(200, warm), mission(warm), {}, { timeLimit: 30, mipGap: 1e-4 });
  let previous;
  for (const size of SIZES) {
    const r = random(size);
    const experts = pool(size, r);
    const times = [];
    let feasible = 0;
    let greedyMissed = 0;
    let greedyWorse = 0;
    let greedyBetter = 0;
    let gapSum = 0;
    for (let m = 0; m < MISSIONS; m++) {
      const request = mission(r);
      const started = performance.now();
      const result = await composeTeam(experts, request, {}, { timeLimit: 30, mipGap: 1e-4 });
      times.push(performance.now() - started);
      if (!result.feasible) continue;
      feasible++;
      const greedy = greedyTeam(experts, request);
      if (!greedy) {
        greedyMissed++;
        continue;
      }
      const g = objectiveOf(greedy, request).total;
      if (g > result.objective.total + 1e-6) {
        greedyWorse++;
        gapSum += g - result.objective.total;
      }
      if (g < result.objective.total - 1e-6) greedyBetter++;
    }
    const extra = { experts: size, missions: MISSIONS, competences: 60, languages: 40 };
    figureSeries('roster.optimiser.solve.median', times, 'ms', extra);
    figure('roster.optimiser.solve.worst', Math.max(...times), 'ms', extra);
    if (previous) {
      figure('roster.optimiser.solve.median_vs_smaller', median(times) / previous.median, 'ratio', {
        ...extra,
        smaller: previous.size,
        sizeRatio: size / previous.size,
        load: loadAverage(),
      });
    }
    previous = { size, median: median(times) };
    figure('roster.optimiser.feasible', feasible, 'missions', extra);
    figure('roster.greedy.missed_feasible', greedyMissed, 'missions', extra);
    figure('roster.greedy.worse_objective', greedyWorse, 'missions', extra);
    figure('roster.greedy.better_objective', greedyBetter, 'missions', extra);
    figure('roster.greedy.mean_objective_gap_when_worse', greedyWorse ? gapSum / greedyWorse : 0, 'objective units', extra);
    process.stderr.write(`roster: ${size} experts done\n`);
  }
  await stopSolver();
}
