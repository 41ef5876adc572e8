import { useTranslation } from 'react-i18next';
import { useCompetenceNames, useDimensionNames, useLanguageNames } from '../reference/pickers';

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** A requirement of the team as the server describes it (see the composer's `requirement`). */
type Requirement = Record<string, unknown>;

/**
 * Words for a mission's requirements in the interface language: a structured requirement of the
 * composer, a team member's coverage key (`competence:border_security`, `language:el:speaking`),
 * or a mission's competence and language needs.
 */
export function useRequirementWords() {
  const { t } = useTranslation();
  const competences = useCompetenceNames();
  const languages = useLanguageNames();
  const dimensions = useDimensionNames();
  const level = (n: unknown) => (typeof n === 'number' ? (CEFR[n - 1] ?? String(n)) : String(n));
  const skill = (s: unknown) => t(`missions.skill.${s === 'writing' ? 'writing' : 'speaking'}`);
  const requirement = (r: Requirement): string => {
    switch (r.kind) {
      case 'competence':
        return t('missions.requirement.competence', {
          name: competences.name(String(r.code)),
          level: t(`missions.level.${r.minLevel}`),
          count: Number(r.count),
        });
      case 'language':
        return t('missions.requirement.language', {
          name: languages.name(String(r.code)),
          skill: skill(r.skill),
          level: level(r.minLevel),
        });
      case 'dimension':
        return dimensions.name(String(r.code));
      case 'organisations':
        return t('missions.requirement.organisations', { count: Number(r.count) });
      case 'team_min':
        return t('missions.requirement.teamMin', { count: Number(r.count) });
      default:
        return t('missions.requirement.pinned');
    }
  };
  /** What a member covers, from the key stored with the deployment. */
  const covers = (key: string): string => {
    const [kind, code, which] = key.split(':');
    if (kind === 'competence') return competences.name(code ?? '');
    if (kind === 'language') return `${languages.name(code ?? '')} (${skill(which)})`;
    if (kind === 'dimension') return dimensions.name(code ?? '');
    if (kind === 'organisations') return t('missions.requirement.structures');
    if (kind === 'team_min') return t('missions.requirement.member');
    return t('missions.requirement.pinned');
  };
  return {
    requirement,
    covers,
    competenceNeed: (c: { code: string; minLevel: number; count: number }) =>
      t('missions.requirement.competence', {
        name: competences.name(c.code),
        level: t(`missions.level.${c.minLevel}`),
        count: c.count,
      }),
    languageNeed: (l: { code: string; minLevel: string; skill: string }) =>
      t('missions.requirement.language', { name: languages.name(l.code), skill: skill(l.skill), level: l.minLevel }),
  };
}
