import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { random } from '../../roster/demo/data.js';
import { MEDIA, SPEAKER_ROLES } from './schemas.js';

/** Generic, invented statements of the kind the essay asks to counter; no real speaker is named or quoted. */
const WORDS = [
  'These people are not refugees, they are an invasion and we will defend our borders by any means.',
  'Every new reception centre brings crime to our streets; our towns are being taken from us.',
  'They come here for our benefits and our jobs, and they will never belong to this nation.',
  'We must stop the flood before our culture disappears under these foreigners.',
  'Migrants are a health threat: they bring diseases that our hospitals cannot handle.',
  'No mosque, no shelter, no more newcomers in this municipality: send them all back.',
];

const COUNTRIES = ['HU', 'DE', 'IT', 'AT', 'GR', 'PL', 'FR', 'SI', 'BG', 'NL'];

/**
 * Invented public statements in several States, 2015–2025, most verified, some waiting and some
 * rejected; speakers by role only. Idempotent: nothing is added when statements exist.
 */
export async function seedRhetoricDemo(db: Kysely<DB>): Promise<void> {
  if (await db.selectFrom('rhetoric_statement').select('id').limit(1).executeTakeFirst()) return;
  const rng = random(20151211);
  const rows = Array.from({ length: 80 }, (_, i) => {
    const year = 2015 + Math.min(10, Math.floor(rng.next() * 11));
    const r = rng.next();
    const status = year === 2025 && r < 0.5 ? 'submitted' : r < 0.85 ? 'verified' : r < 0.93 ? 'rejected' : 'submitted';
    // The first countries weigh more, as a few campaigns of rhetoric did around 2015–2016.
    const country =
      COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(rng.next() * rng.next() * COUNTRIES.length * 1.4))] ?? 'HU';
    const stated = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return {
      status: status as 'submitted' | 'verified' | 'rejected',
      stated_on: stated,
      country_iso2: country,
      speaker_role: rng.pick(SPEAKER_ROLES),
      medium: rng.pick(MEDIA),
      link: `https://example.org/statements/${i + 1}`,
      words: rng.pick(WORDS),
      context: 'Demonstration data: an invented statement.',
      reviewed_at: status === 'submitted' ? null : new Date(`${stated}T12:00:00Z`),
      rejection_reason:
        status === 'rejected' ? 'The words were a quotation criticised by the speaker, not the speaker’s own.' : null,
    };
  });
  await db.insertInto('rhetoric_statement').values(rows).execute();
}
