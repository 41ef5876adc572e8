import fc from 'fast-check';

/**
 * The cells of one column of an imported table: mostly `plain` ones, as the source writes them,
 * and one in `1 + plainWeight` an `odd` one, as a careless or hostile file holds.
 */
export function cellOf(plain: fc.Arbitrary<string> | readonly string[], odd: readonly string[], plainWeight = 5) {
  const usual = Array.isArray(plain) ? fc.constantFrom(...plain) : (plain as fc.Arbitrary<string>);
  return fc.oneof({ arbitrary: usual, weight: plainWeight }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
}

/** A CSV line of `cells`, each quoted. */
export const quotedLine = (cells: readonly string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
