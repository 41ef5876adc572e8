import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { LANGUAGES_OF } from '../../directory/demo/data.js';
import { CEFR, DEMO_LANGUAGES, FIRST_F, FIRST_M, LAST, OSCE_TYPES, random } from './data.js';

/** How often an expert of a State where Russian is not spoken at home has it as a working language. */
const RUSSIAN_ELSEWHERE = 0.3;

/** The languages spoken at home in each State: the directory's, and those of the States where Russian is. */
const HOME_LANGUAGES: Record<string, string[]> = { RU: ['ru'], BY: ['be', 'ru'], AZ: ['az', 'ru'], ...LANGUAGES_OF };

/** Several hundred synthetic experts drawn from the real OSCE structures and participating States. */
export async function seedDemoExperts(db: Kysely<DB>, count = 400): Promise<void> {
  const r = random(20160425);
  const structures = await db.selectFrom('organisation').select('id').where('type', 'in', OSCE_TYPES).orderBy('code').execute();
  const states = (
    await db.selectFrom('country').select('iso2').where('osce_status', '=', 'participating').orderBy('iso2').execute()
  ).map((c) => c.iso2);
  const competences = (await db.selectFrom('competence').select('code').orderBy('code').execute()).map((c) => c.code);
  const known = new Set((await db.selectFrom('language').select('code').execute()).map((l) => l.code));
  // The languages of the region drawn apart, so that adding them leaves the rest of the roster as it was.
  const spoken = random(19750801);
  if (structures.length === 0 || states.length === 0) return;
  for (let batch = 0; batch < count; batch += 100) {
    const experts = Array.from({ length: Math.min(100, count - batch) }, () => {
      const female = r.next() < 0.5;
      const nationality = r.pick(states);
      const roll = r.next();
      return {
        name: `${r.pick(female ? FIRST_F : FIRST_M)} ${r.pick(LAST)}`,
        organisation_id: r.pick(structures).id,
        seconding_iso2: r.next() < 0.6 ? nationality : null,
        gender: (female ? 'female' : 'male') as 'female' | 'male',
        readiness: (roll < 0.8 ? 'ready' : roll < 0.92 ? 'ready_with_induction' : 'not_deployable') as DB['expert']['readiness'],
        yearly_cap_days: r.pick([40, 60, 60, 90]),
        user_id: null,
        nationality,
      };
    });
    const ids = await db
      .insertInto('expert')
      .values(experts.map(({ nationality: _, ...e }) => e))
      .returning('id')
      .execute();
    const nationalities = ids.map((row, i) => ({ expert_id: row.id, country_iso2: experts[i]!.nationality }));
    const skills = ids.flatMap((row) =>
      r.sample(competences, r.int(2, 5)).map((code) => ({ expert_id: row.id, competence_code: code, level: r.int(1, 3) })),
    );
    // English, a few others, the languages of their own State at mother-tongue level, and Russian
    // for many: the working languages of the OSCE region, not English alone.
    const languages = ids.flatMap((row, i) => {
      const drawn = [
        { expert_id: row.id, language_code: 'en', speaking: r.pick(CEFR.slice(2)), writing: r.pick(CEFR.slice(2)) },
        ...r
          .sample(DEMO_LANGUAGES, r.int(1, 3))
          .map((code) => ({ expert_id: row.id, language_code: code, speaking: r.pick(CEFR), writing: r.pick(CEFR) })),
      ];
      const home = (HOME_LANGUAGES[experts[i]!.nationality] ?? []).filter((code) => known.has(code));
      const russian = !home.includes('ru') && spoken.next() < RUSSIAN_ELSEWHERE ? ['ru'] : [];
      const own = [...home, ...russian].map((code) => ({
        expert_id: row.id,
        language_code: code,
        speaking: home.includes(code) ? 'C2' : spoken.pick(CEFR.slice(1)),
        writing: home.includes(code) ? 'C2' : spoken.pick(CEFR.slice(1)),
      }));
      const byCode = new Map(drawn.map((l) => [l.language_code, l]));
      for (const language of own) byCode.set(language.language_code, language);
      return [...byCode.values()];
    });
    const prerequisites = ids.flatMap((row) =>
      r.next() < 0.7
        ? [{ expert_id: row.id, code: 'heat', expires_on: `${r.int(2026, 2029)}-${String(r.int(1, 12)).padStart(2, '0')}-28` }]
        : [],
    );
    const periods = ids.flatMap((row) => {
      if (r.next() > 0.25) return [];
      const month = String(r.int(1, 12)).padStart(2, '0');
      return [
        {
          expert_id: row.id,
          kind: 'unavailable' as const,
          starts_on: `2027-${month}-01`,
          ends_on: `2027-${month}-20`,
          note: 'leave',
        },
      ];
    });
    await db.insertInto('expert_nationality').values(nationalities).execute();
    await db.insertInto('expert_competence').values(skills).execute();
    await db.insertInto('expert_language').values(languages).execute();
    if (prerequisites.length > 0) await db.insertInto('expert_prerequisite').values(prerequisites).execute();
    if (periods.length > 0) await db.insertInto('expert_period').values(periods).execute();
  }
}
