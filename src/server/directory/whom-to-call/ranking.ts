import type { Reason } from './schemas.js';

/**
 * The points each fact about a contact is worth. The database orders candidates with these same
 * weights (queries.ts), and each result lists the facts with their points, so the order explains itself.
 */
export const WEIGHTS = {
  coversCountry: 4,
  basedInCountry: 2,
  keyArea: 3,
  competence: 3,
  mentionsTopic: 2,
  activityOngoing: 3,
  activityPlanned: 2,
  activityCompleted: 1,
  /** Activity points count up to this many. */
  activityCap: 6,
  organisationActive: 1,
  speaksLanguage: 3,
  recentlyConfirmed: 1,
  notRecentlyConfirmed: -2,
} as const;

/** What the database found about one candidate. */
export interface Facts {
  coversCountry: boolean;
  basedInCountry: boolean;
  keyAreas: string[];
  competences: string[];
  mentionsTopic: boolean;
  activities: { title: string; status: 'planned' | 'ongoing' | 'completed' }[];
  organisationActive: boolean;
  speaksLanguage: boolean;
  languageName: string | null;
  recentlyConfirmed: boolean;
  countryName: string;
  keyAreaNames: string[];
  competenceNames: string[];
}

const ACTIVITY_POINTS = {
  ongoing: WEIGHTS.activityOngoing,
  planned: WEIGHTS.activityPlanned,
  completed: WEIGHTS.activityCompleted,
};

/** Whether a candidate works on the topic at all. */
export function onTopic(f: Pick<Facts, 'keyAreas' | 'competences' | 'mentionsTopic' | 'activities'>): boolean {
  return f.keyAreas.length > 0 || f.competences.length > 0 || f.mentionsTopic || f.activities.length > 0;
}

/** Whether a candidate covers the country at all. */
export function inCountry(f: Pick<Facts, 'coversCountry' | 'basedInCountry' | 'activities'>): boolean {
  return f.coversCountry || f.basedInCountry || f.activities.length > 0;
}

/** The facts that justify a candidate, each with its points, strongest first. */
export function reasonsOf(f: Facts): Reason[] {
  const reasons: Reason[] = [];
  if (f.coversCountry) {
    reasons.push({
      code: 'covers_country',
      points: WEIGHTS.coversCountry,
      text: `Covers ${f.countryName}`,
      values: [f.countryName],
    });
  } else if (f.basedInCountry) {
    reasons.push({
      code: 'based_in_country',
      points: WEIGHTS.basedInCountry,
      text: `Works for an organisation based in ${f.countryName}`,
      values: [f.countryName],
    });
  }
  if (f.keyAreas.length > 0) {
    reasons.push({
      code: 'works_on_key_area',
      points: WEIGHTS.keyArea,
      text: `Works on ${f.keyAreaNames.join(', ')}`,
      values: f.keyAreaNames,
    });
  }
  if (f.competences.length > 0) {
    reasons.push({
      code: 'has_competence',
      points: WEIGHTS.competence,
      text: `Competent in ${f.competenceNames.join(', ')}`,
      values: f.competenceNames,
    });
  }
  if (f.mentionsTopic && f.keyAreas.length === 0 && f.competences.length === 0) {
    reasons.push({ code: 'mentions_topic', points: WEIGHTS.mentionsTopic, text: 'Their profile mentions the topic', values: [] });
  }
  let budget: number = WEIGHTS.activityCap;
  for (const status of ['ongoing', 'planned', 'completed'] as const) {
    const titles = f.activities.filter((a) => a.status === status).map((a) => a.title);
    if (titles.length === 0 || budget <= 0) continue;
    const points = Math.min(budget, titles.length * ACTIVITY_POINTS[status]);
    budget -= points;
    const noun = titles.length === 1 ? 'activity' : 'activities';
    reasons.push({
      code: `activity_${status}`,
      points,
      text: `Contact person of ${titles.length} ${status} ${noun} on this topic in ${f.countryName}`,
      values: titles,
    });
  }
  if (f.organisationActive && f.activities.length === 0) {
    reasons.push({
      code: 'organisation_active',
      points: WEIGHTS.organisationActive,
      text: `Their organisation has activities on this topic in ${f.countryName}`,
      values: [],
    });
  }
  if (f.speaksLanguage && f.languageName) {
    reasons.push({
      code: 'speaks_language',
      points: WEIGHTS.speaksLanguage,
      text: `Speaks ${f.languageName}`,
      values: [f.languageName],
    });
  }
  reasons.push(
    f.recentlyConfirmed
      ? { code: 'recently_confirmed', points: WEIGHTS.recentlyConfirmed, text: 'Details confirmed recently', values: [] }
      : {
          code: 'not_recently_confirmed',
          points: WEIGHTS.notRecentlyConfirmed,
          text: 'Details not confirmed for a long time',
          values: [],
        },
  );
  return reasons;
}

export const scoreOf = (reasons: readonly Reason[]) => reasons.reduce((sum, r) => sum + r.points, 0);
