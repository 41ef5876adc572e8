import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stopSolver } from '../../solver/highs.js';
import { composeTeam } from './compose.js';
import { greedyTeam } from './greedy.js';
import { buildModel } from './model.js';
import { ineligibility, objectiveOf, violations } from './rules.js';
import { DEFAULT_WEIGHTS, type PoolExpert, type TeamRequest } from './types.js';

afterAll(() => stopSolver());

const COMPETENCES = { border_security: 'politico_military', labour_migration: 'economic_environmental', hate_crime: 'human' };
const ORGS = ['odihr', 'hcnm', 'tntd'];

const expertArb = (i: number) =>
  fc
    .record({
      organisationId: fc.constantFrom(...ORGS),
      gender: fc.constantFrom('female', 'male', 'other') as fc.Arbitrary<PoolExpert['gender']>,
      readiness: fc.constantFrom('ready', 'ready', 'ready', 'ready_with_induction', 'not_deployable') as fc.Arbitrary<
        PoolExpert['readiness']
      >,
      nationality: fc.constantFrom('GR', 'AT', 'FR', 'IT'),
      competences: fc.dictionary(fc.constantFrom(...Object.keys(COMPETENCES)), fc.integer({ min: 1, max: 3 }), { maxKeys: 3 }),
      el: fc.option(fc.record({ speaking: fc.integer({ min: 1, max: 6 }), writing: fc.integer({ min: 1, max: 6 }) })),
      usedDays: fc.integer({ min: 0, max: 60 }),
      available: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      heat: fc.constantFrom(null, '2030-01-01', '2030-01-01', '2020-01-01', 'none'),
    })
    .map(
      (r): PoolExpert => ({
        id: `e${i}`,
        name: `Expert ${i}`,
        organisationId: r.organisationId,
        gender: r.gender,
        readiness: r.readiness,
        nationalities: [r.nationality],
        competences: r.competences,
        dimensions: [...new Set(Object.keys(r.competences).map((c) => COMPETENCES[c as keyof typeof COMPETENCES]))],
        languages: r.el ? { el: r.el } : {},
        prerequisites: r.heat === 'none' ? {} : { heat: r.heat },
        usedDays: r.usedDays,
        capDays: 60,
        available: r.available,
      }),
    );

const poolArb = fc.integer({ min: 5, max: 10 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => expertArb(i))));

const requestArb = fc
  .record({
    competences: fc.uniqueArray(
      fc.record({
        code: fc.constantFrom(...Object.keys(COMPETENCES)),
        minLevel: fc.integer({ min: 1, max: 3 }),
        count: fc.constantFrom(1, 1, 2),
      }),
      { selector: (c) => c.code, maxLength: 2 },
    ),
    language: fc.option(fc.integer({ min: 2, max: 5 })),
    teamMin: fc.integer({ min: 1, max: 3 }),
    extra: fc.integer({ min: 0, max: 2 }),
    allDimensions: fc.boolean(),
    minOrganisations: fc.integer({ min: 1, max: 2 }),
    prerequisite: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  })
  .map(
    (r): TeamRequest => ({
      startsOn: '2027-05-04',
      endsOn: '2027-05-18',
      days: 15,
      hostCountries: ['GR'],
      competences: r.competences,
      languages: r.language ? [{ code: 'el', minLevel: r.language, skill: 'speaking' }] : [],
      teamMin: r.teamMin,
      teamMax: r.teamMin + r.extra,
      allDimensions: r.allDimensions,
      minOrganisations: r.minOrganisations,
      requiredPrerequisites: r.prerequisite ? ['heat'] : [],
      pinned: [],
      excluded: [],
      weights: DEFAULT_WEIGHTS,
    }),
  );

/** Every valid team by enumeration, and the best objective among them. */
function bruteForce(pool: PoolExpert[], request: TeamRequest): number | null {
  const candidates = pool.filter((e) => ineligibility(e, request).length === 0);
  let best: number | null = null;
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const team = candidates.filter((_, i) => mask & (1 << i));
    if (team.length > request.teamMax || violations(team, request).length > 0) continue;
    const value = objectiveOf(team, request).total;
    if (best === null || value < best) best = value;
  }
  return best;
}

describe('the team optimiser', () => {
  it('proposes only teams that meet every hard constraint, as good as the best team and never worse than greedy', async () => {
    let proposed = 0;
    await fc.assert(
      fc.asyncProperty(poolArb, requestArb, async (pool, request) => {
        const result = await composeTeam(pool, request);
        const best = bruteForce(pool, request);
        if (!result.feasible) {
          expect(best).toBeNull();
          return;
        }
        proposed++;
        const team = result.team.map((m) => pool.find((e) => e.id === m.expertId)!);
        expect(violations(team, request)).toEqual([]);
        expect(best).not.toBeNull();
        expect(result.objective.total).toBeLessThanOrEqual(best! + 1e-3);
        const greedy = greedyTeam(pool, request);
        if (greedy) expect(result.objective.total).toBeLessThanOrEqual(objectiveOf(greedy, request).total + 1e-6);
      }),
      // A fixed seed: the same pools and missions on every run, so that the counts below are stable.
      { numRuns: 100, seed: 20261128 },
    );
    expect(proposed).toBeGreaterThan(15);
  });

  it('still proposes a best team when the model leaves out candidates who cannot be in one', async () => {
    // Pools with more alike candidates (same requirements met, gender and organisation) than the
    // team has places: the model keeps only the cheapest of each such group.
    const eligible = (i: number) =>
      expertArb(i).map(
        (e): PoolExpert => ({
          ...e,
          gender: e.gender === 'other' ? 'female' : e.gender,
          readiness: e.readiness === 'not_deployable' ? 'ready' : e.readiness,
          nationalities: ['AT'],
          usedDays: e.usedDays % 40,
          available: true,
        }),
      );
    const bigPool = fc.integer({ min: 10, max: 13 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eligible(i))));
    const smallTeam = requestArb.map((r) => ({
      ...r,
      teamMin: Math.min(r.teamMin, 2),
      teamMax: Math.min(r.teamMin, 2) + 1,
      requiredPrerequisites: [],
    }));
    let reduced = 0;
    await fc.assert(
      fc.asyncProperty(bigPool, smallTeam, async (pool, request) => {
        const candidates = pool.filter((e) => ineligibility(e, request).length === 0);
        if (buildModel(candidates, request).kept.length < candidates.length) reduced++;
        const result = await composeTeam(pool, request);
        const best = bruteForce(pool, request);
        if (!result.feasible) {
          expect(best).toBeNull();
          return;
        }
        const team = result.team.map((m) => pool.find((e) => e.id === m.expertId)!);
        expect(violations(team, request)).toEqual([]);
        expect(result.objective.total).toBeCloseTo(best!, 3);
      }),
      { numRuns: 60, seed: 20261205 },
    );
    expect(reduced).toBeGreaterThan(20);
  });

  it('keeps the one expert of another organisation that a team of several organisations needs', async () => {
    // Five experts alike but for their organisation and load; the team needs two organisations.
    const expert = (i: number, organisationId: string, usedDays: number): PoolExpert => ({
      id: `o${i}`,
      name: `Expert ${i}`,
      organisationId,
      gender: 'female',
      readiness: 'ready',
      nationalities: ['AT'],
      competences: { hate_crime: 2 },
      dimensions: ['human'],
      languages: {},
      prerequisites: {},
      usedDays,
      capDays: 60,
      available: true,
    });
    const pool = [
      expert(1, 'odihr', 0),
      expert(2, 'odihr', 1),
      expert(3, 'odihr', 2),
      expert(4, 'odihr', 3),
      expert(5, 'tntd', 40),
    ];
    const request: TeamRequest = {
      startsOn: '2027-05-04',
      endsOn: '2027-05-18',
      days: 15,
      hostCountries: ['GR'],
      competences: [{ code: 'hate_crime', minLevel: 1, count: 1 }],
      languages: [],
      teamMin: 2,
      teamMax: 2,
      allDimensions: false,
      minOrganisations: 2,
      requiredPrerequisites: [],
      pinned: [],
      excluded: [],
      weights: DEFAULT_WEIGHTS,
    };
    const result = await composeTeam(pool, request);
    expect(result.feasible && result.team.map((m) => m.expertId).sort()).toEqual(['o1', 'o5']);
  });

  it('names requirements that really cannot be met: without them a team exists', async () => {
    let diagnosed = 0;
    await fc.assert(
      fc.asyncProperty(poolArb, requestArb, async (pool, request) => {
        const result = await composeTeam(pool, request);
        if (result.feasible) return;
        diagnosed++;
        expect(bruteForce(pool, request)).toBeNull();
        expect(result.diagnosis.length).toBeGreaterThan(0);
        const candidates = pool.filter((e) => ineligibility(e, request).length === 0);
        if (candidates.length === 0) return;
        const named = new Set(result.diagnosis.map((d) => d.key));
        const relaxed: TeamRequest = {
          ...request,
          competences: request.competences.filter((c) => !named.has(`competence:${c.code}`)),
          languages: request.languages.filter((l) => !named.has(`language:${l.code}:${l.skill}`)),
          allDimensions: request.allDimensions && ![...named].some((k) => k.startsWith('dimension:')),
          minOrganisations: named.has('organisations') ? 1 : request.minOrganisations,
          teamMin: named.has('team_min') ? Math.min(request.teamMin, candidates.length) : request.teamMin,
          teamMax: Math.max(request.teamMax, named.has('team_min') ? Math.min(request.teamMin, candidates.length) : 0),
        };
        expect(bruteForce(pool, relaxed)).not.toBeNull();
      }),
      // A fixed seed: the same pools and missions on every run, so that the counts below are stable.
      { numRuns: 100, seed: 20261128 },
    );
    expect(diagnosed).toBeGreaterThan(0);
  });

  it('explains an unmet language with the nearest level that is available', async () => {
    const base = (i: number, speaking: number): PoolExpert => ({
      id: `g${i}`,
      name: `Expert ${i}`,
      organisationId: ORGS[i % 3]!,
      gender: i % 2 ? 'female' : 'male',
      readiness: 'ready',
      nationalities: ['AT'],
      competences: { border_security: 2 },
      dimensions: ['politico_military'],
      languages: { el: { speaking, writing: speaking } },
      prerequisites: {},
      usedDays: 0,
      capDays: 60,
      available: true,
    });
    const pool = [base(1, 4), base(2, 4), base(3, 2)];
    const request: TeamRequest = {
      startsOn: '2027-05-04',
      endsOn: '2027-05-18',
      days: 15,
      hostCountries: ['GR'],
      competences: [{ code: 'border_security', minLevel: 1, count: 1 }],
      languages: [{ code: 'el', minLevel: 5, skill: 'speaking' }],
      teamMin: 2,
      teamMax: 3,
      allDimensions: false,
      minOrganisations: 1,
      requiredPrerequisites: [],
      pinned: [],
      excluded: [],
      weights: DEFAULT_WEIGHTS,
    };
    const result = await composeTeam(pool, request, { language: () => 'Greek' });
    expect(result.feasible).toBe(false);
    if (result.feasible) return;
    expect(result.diagnosis.map((d) => d.message)).toEqual([
      'No available expert speaks Greek at C1 between 2027-05-04 and 2027-05-18; 2 speak it at B2.',
    ]);
    const pinned = await composeTeam(pool, { ...request, languages: [], pinned: ['g3'] });
    expect(pinned.feasible && pinned.team.some((m) => m.expertId === 'g3')).toBe(true);
  });
});
