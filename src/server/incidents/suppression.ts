import type { PublishedCount } from './schemas.js';

/**
 * The small-count rule, applied to every published figure (tables, charts, CSV, API):
 * - 0 is published as 0;
 * - 1 to 4 is published as "fewer than 5", without a number;
 * - 5 and more is rounded to the nearest multiple of 5 (5–7 → 5, 8–12 → 10, …).
 * Every number published is therefore a multiple of 5, so the difference of any two published
 * figures — whatever filters produced them, nested or overlapping — is a multiple of 5 too and can
 * never be 1 to 4; a total is rounded from its own exact count, never summed from rounded cells.
 */
export const SUPPRESSION_RULE =
  'Counts of 1 to 4 are shown as "fewer than 5"; larger counts are rounded to the nearest multiple of 5, so that no difference between two published figures reveals a count of 1 to 4.';

export function publish(count: number): PublishedCount {
  if (count <= 0) return { value: 0, fewerThanFive: false };
  if (count < 5) return { value: null, fewerThanFive: true };
  return { value: Math.round(count / 5) * 5, fewerThanFive: false };
}

/** The text of a published count, for CSV. */
export function publishedText(count: PublishedCount): string {
  return count.fewerThanFive ? '<5' : String(count.value);
}
