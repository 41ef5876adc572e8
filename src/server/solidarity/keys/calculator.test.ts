import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKey, largestRemainder } from './calculator.js';
import type { KeyDefinition } from './schemas.js';

const CODES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT'];

function simpleKey(states: Array<[string, number, number, number]>, total: number, cap: number | null = null): KeyDefinition {
  return {
    criteria: [
      { code: 'population', label: 'Population', weight: 0.5, direction: 'proportional', cap: null },
      { code: 'gdp', label: 'GDP', weight: 0.3, direction: 'proportional', cap: null },
      { code: 'unemployment_rate', label: 'Unemployment rate', weight: 0.2, direction: 'inverse', cap },
    ],
    states: states.map(([iso2, population, gdp, unemployment]) => ({
      iso2,
      values: { population, gdp, unemployment_rate: unemployment },
    })),
    total,
  };
}

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; extras: { errors?: Array<{ pointer: string; message: string }> } };
  }
  throw new Error('expected a problem');
};

describe('distribution key', () => {
  it('shares by weighted criteria and shows what each criterion contributes', () => {
    const result = computeKey(
      simpleKey(
        [
          ['AT', 100, 100, 5],
          ['BE', 300, 300, 5],
        ],
        1000,
      ),
    );
    const [at, be] = result.states;
    expect(at?.share).toBeCloseTo(0.5 * 0.25 + 0.3 * 0.25 + 0.2 * 0.5);
    expect(be?.share).toBeCloseTo(0.5 * 0.75 + 0.3 * 0.75 + 0.2 * 0.5);
    expect(at?.contributions.map((c) => c.criterion)).toEqual(['population', 'gdp', 'unemployment_rate']);
    expect(at?.contributions[2]?.share).toBeCloseTo(0.1);
    expect(at?.allocation).toBe(300);
    expect(be?.allocation).toBe(700);
  });

  it('caps an effect at a multiple of the base share and spreads the rest by the base share', () => {
    // AT has a tiny base share but the lowest unemployment: its inverse effect is capped.
    const result = computeKey(
      simpleKey(
        [
          ['AT', 1, 1, 1],
          ['BE', 99, 99, 20],
        ],
        10_000,
        0.3,
      ),
    );
    const at = result.states[0]!;
    expect(at.contributions[2]).toMatchObject({ capped: true });
    expect(at.contributions[2]?.share).toBeCloseTo(0.2 * 0.3 * 0.01);
    expect(result.residualShare).toBeGreaterThan(0);
    expect(result.states.reduce((acc, s) => acc + s.share, 0)).toBeCloseTo(1, 12);
    expect(result.baseCriteria).toEqual(['population', 'gdp']);
  });

  it('gives nothing to a State with zero population, whatever its other values', () => {
    const result = computeKey(
      simpleKey(
        [
          ['AT', 0, 500, 1],
          ['BE', 10, 10, 8],
          ['BG', 20, 5, 12],
        ],
        999,
      ),
    );
    expect(result.states[0]).toMatchObject({ eligible: false, share: 0, allocation: 0 });
    expect(result.states[1]!.allocation + result.states[2]!.allocation).toBe(999);
  });

  it('refuses weights that do not sum to 1, with the sum in the message', () => {
    const definition = simpleKey([['AT', 1, 1, 1]], 10);
    definition.criteria[0]!.weight = 0.6;
    const problem = problemOf(() => computeKey(definition));
    expect(problem.code).toBe('validation');
    expect(problem.message).toContain('The weights sum to 1.1; they must sum to 1.');
  });

  it('refuses negative and missing inputs, empty groups and caps out of range, pointing at the field', () => {
    const negative = simpleKey([['AT', 1, -5, 1]], 10);
    expect(problemOf(() => computeKey(negative)).extras.errors).toEqual([
      { pointer: '/states/0/values/gdp', message: 'AT has a negative value for GDP.' },
    ]);
    const missing = simpleKey([['AT', 1, 1, 1]], 10);
    delete (missing.states[0]!.values as Record<string, unknown>).gdp;
    expect(problemOf(() => computeKey(missing)).extras.errors?.[0]?.pointer).toBe('/states/0/values/gdp');
    expect(problemOf(() => computeKey(simpleKey([], 10))).message).toBe('The group of States is empty: add at least one State.');
    const capped = simpleKey([['AT', 1, 1, 1]], 10, 0);
    expect(problemOf(() => computeKey(capped)).extras.errors?.[0]?.pointer).toBe('/criteria/2/cap');
    const zeroInverse = simpleKey([['AT', 1, 1, 0]], 10);
    expect(problemOf(() => computeKey(zeroInverse)).message).toContain('needs a value above 0');
  });

  it('rounds by largest remainder, ties to the larger share and then the earlier code', () => {
    expect(largestRemainder([1, 1, 1], 10, ['C', 'A', 'B'])).toEqual([3, 4, 3]);
    expect(largestRemainder([0.5, 0.3, 0.2], 7, ['A', 'B', 'C'])).toEqual([4, 2, 1]);
    expect(largestRemainder([0, 1], 5, ['A', 'B'])).toEqual([0, 5]);
  });

  it('always allocates exactly the total, and nothing to a State with zero population (property)', () => {
    const state = fc.record({
      population: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200_000_000 })),
      gdp: fc.double({ min: 0, max: 5e6, noNaN: true }),
      unemployment: fc.double({ min: 0.1, max: 40, noNaN: true }),
      asylum: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(state, { minLength: 1, maxLength: CODES.length }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: null }),
        (inputs, total, cap) => {
          fc.pre(inputs.some((s) => s.population > 0 && s.gdp > 0));
          const definition: KeyDefinition = {
            criteria: [
              { code: 'population', label: 'Population', weight: 0.4, direction: 'proportional', cap: null },
              { code: 'gdp', label: 'GDP', weight: 0.4, direction: 'proportional', cap: null },
              { code: 'unemployment_rate', label: 'Unemployment', weight: 0.1, direction: 'inverse', cap },
              { code: 'asylum', label: 'Asylum', weight: 0.1, direction: 'inverse', cap },
            ],
            states: inputs.map((s, i) => ({
              iso2: CODES[i] as string,
              values: { population: s.population, gdp: s.gdp, unemployment_rate: s.unemployment, asylum: s.asylum },
            })),
            total,
          };
          const result = computeKey(definition);
          expect(result.states.reduce((acc, s) => acc + s.allocation, 0)).toBe(total);
          expect(result.states.reduce((acc, s) => acc + s.share, 0)).toBeCloseTo(1, 9);
          for (const [i, s] of result.states.entries()) {
            expect(s.allocation).toBeGreaterThanOrEqual(0);
            if (inputs[i]!.population === 0) expect(s.allocation).toBe(0);
            expect(Math.abs(s.allocation - s.quota)).toBeLessThan(1 + 1e-6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('excludes a scheme’s beneficiaries and still allocates exactly the total among the others (property)', () => {
    const state = fc.record({
      population: fc.integer({ min: 1, max: 200_000_000 }),
      gdp: fc.double({ min: 0, max: 5e6, noNaN: true }),
      unemployment: fc.double({ min: 0.1, max: 40, noNaN: true }),
      beneficiary: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(state, { minLength: 2, maxLength: CODES.length }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: null }),
        (inputs, total, cap) => {
          fc.pre(inputs.some((s) => !s.beneficiary && s.gdp > 0));
          const definition: KeyDefinition = {
            ...simpleKey(
              inputs.map((s, i) => [CODES[i] as string, s.population, s.gdp, s.unemployment]),
              total,
              cap,
            ),
            beneficiaries: inputs.flatMap((s, i) => (s.beneficiary ? [CODES[i] as string] : [])),
          };
          const result = computeKey(definition);
          expect(result.states.reduce((acc, s) => acc + s.allocation, 0)).toBe(total);
          for (const [i, s] of result.states.entries()) {
            expect(s.beneficiary).toBe(inputs[i]!.beneficiary);
            if (inputs[i]!.beneficiary) expect(s).toMatchObject({ allocation: 0, share: 0, eligible: false });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses beneficiaries outside the group, listed twice, or the whole group', () => {
    const key = simpleKey(
      [
        ['AT', 100, 100, 5],
        ['BE', 300, 300, 5],
      ],
      1000,
    );
    expect(problemOf(() => computeKey({ ...key, beneficiaries: ['IT'] })).extras.errors).toEqual([
      { pointer: '/beneficiaries/0', message: 'IT is a beneficiary but not a State of the group.' },
    ]);
    expect(problemOf(() => computeKey({ ...key, beneficiaries: ['AT', 'AT'] })).extras.errors?.[0]?.pointer).toBe(
      '/beneficiaries/1',
    );
    expect(problemOf(() => computeKey({ ...key, beneficiaries: ['AT', 'BE'] })).message).toMatch(
      /Every State of the group is a beneficiary/,
    );
    const relieved = computeKey({ ...key, beneficiaries: ['BE'] });
    expect(relieved.states.map((s) => s.allocation)).toEqual([1000, 0]);
  });
});
