import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountryFacts, countByGroup, evaluateInvitation } from './expression.js';

const SUBREGIONS = ['western_europe_north_america', 'south_eastern_europe', 'eastern_europe', 'south_caucasus', 'central_asia'];

/** A country of any status, with facts consistent as the reference data keeps them. */
const country = fc
  .record({
    status: fc.constantFrom('participating', 'partner', 'other'),
    partnerGroup: fc.constantFrom('asian', 'mediterranean'),
    subregion: fc.constantFrom(...SUBREGIONS),
    fieldOperation: fc.boolean(),
    east: fc.option(fc.boolean()),
  })
  .map(
    (c): Omit<CountryFacts, 'iso2'> => ({
      osceStatus: c.status,
      partnerGroup: c.status === 'partner' ? c.partnerGroup : null,
      subregion: c.status === 'participating' ? c.subregion : c.status === 'partner' ? 'partners' : null,
      fieldOperation: c.status === 'participating' && c.fieldOperation,
      eastOfVienna: c.east,
    }),
  );
const countries = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 80 })
  .chain((codes) => fc.tuple(...codes.map((iso2) => country.map((c) => ({ ...c, iso2 })))));

describe('an invitation list’s expression', () => {
  it('participating States minus field-operation hosts plus Partners selects exactly those', () => {
    fc.assert(
      fc.property(countries, (list) => {
        const selected = evaluateInvitation(
          [
            { op: '+', group: 'participating' },
            { op: '-', group: 'field_operation_hosts' },
            { op: '+', group: 'partners' },
          ],
          list,
        );
        const expected = list
          .filter((c) => (c.osceStatus === 'participating' && !c.fieldOperation) || c.osceStatus === 'partner')
          .map((c) => c.iso2);
        expect([...selected].sort()).toEqual(expected.sort());
      }),
    );
  });

  it('applies its terms in order: a State added after being taken away is in, taken away after being added is out', () => {
    fc.assert(
      fc.property(countries, (list) => {
        const target = list[0];
        if (!target) return;
        const addedBack = evaluateInvitation(
          [
            { op: '+', group: 'participating' },
            { op: '-', group: 'state', value: target.iso2 },
            { op: '+', group: 'state', value: target.iso2 },
          ],
          list,
        );
        expect(addedBack.has(target.iso2)).toBe(true);
        const takenAway = evaluateInvitation(
          [
            { op: '+', group: 'state', value: target.iso2 },
            { op: '-', group: 'state', value: target.iso2 },
          ],
          list,
        );
        expect(takenAway.size).toBe(0);
      }),
    );
  });

  it('splits the participating States it selects into East and West of Vienna, and counts the Partners by group', () => {
    fc.assert(
      fc.property(countries, (list) => {
        const selected = evaluateInvitation(
          [
            { op: '+', group: 'east_of_vienna' },
            { op: '+', group: 'west_of_vienna' },
            { op: '+', group: 'partners_asian' },
            { op: '+', group: 'partners_mediterranean' },
          ],
          list,
        );
        const counts = countByGroup(selected, list);
        expect(counts.eastOfVienna + counts.westOfVienna).toBe(counts.participating);
        expect(counts.participating + counts.partnersAsian + counts.partnersMediterranean).toBe(counts.total);
        expect(counts.total).toBe(
          list.filter((c) => (c.osceStatus === 'participating' && c.eastOfVienna !== null) || c.osceStatus === 'partner').length,
        );
      }),
    );
  });

  it('selects the countries of a role in the flows in the year named, and no other year’s', () => {
    const roles = fc.subarray(['origin:2021', 'origin:2022', 'transit:2022', 'destination:2021', 'destination:2022']);
    fc.assert(
      fc.property(
        countries.chain((list) => fc.tuple(...list.map((c) => roles.map((flows) => ({ ...c, flows }))))),
        fc.constantFrom('origin', 'transit', 'destination' as const),
        fc.constantFrom('2021', '2022'),
        (list, role, year) => {
          const selected = evaluateInvitation([{ op: '+', group: role, value: year }], list);
          const expected = list.filter((c) => c.flows.includes(`${role}:${year}`)).map((c) => c.iso2);
          expect([...selected].sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});
