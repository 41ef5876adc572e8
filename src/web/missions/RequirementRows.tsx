import { Button, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrorWithin } from '../app/field-errors';
import { CompetencePicker, LanguagePicker } from '../reference/pickers';
import type { MissionView } from './queries';

export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CompetenceNeed = MissionView['competences'][number];
export type LanguageNeed = MissionView['languages'][number];

/** The competences a mission needs, one row each: which, at what level, how many experts. */
export function CompetenceRows({
  value,
  onChange,
  error,
}: {
  value: CompetenceNeed[];
  onChange: (rows: CompetenceNeed[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<CompetenceNeed>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Stack gap={4} role="group" aria-label={t('missions.form.competences')}>
      <Text fw={500} size="sm">
        {t('missions.form.competences')}
      </Text>
      {value.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; removing one re-renders the rest.
        <Group key={i} align="flex-start" wrap="wrap">
          <CompetencePicker
            label={t('missions.form.competence', { n: i + 1 })}
            required
            value={row.code || null}
            onChange={(code) => change(i, { code: code ?? '' })}
            error={fieldErrorWithin(error, `/competences/${i}/code`)}
            w={320}
          />
          <NativeSelect
            label={t('missions.form.competenceLevel', { n: i + 1 })}
            value={String(row.minLevel)}
            onChange={(e) => change(i, { minLevel: Number(e.currentTarget.value) })}
            data={[1, 2, 3].map((level) => ({ value: String(level), label: t(`missions.level.${level}`) }))}
          />
          <NumberInput
            label={t('missions.form.count', { n: i + 1 })}
            min={1}
            max={50}
            value={row.count}
            onChange={(v) => change(i, { count: Number(v) || 1 })}
            error={fieldErrorWithin(error, `/competences/${i}/count`)}
            w={140}
          />
          <Button variant="subtle" mt={24} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('missions.form.remove')}
          </Button>
        </Group>
      ))}
      <Button variant="default" w="fit-content" onClick={() => onChange([...value, { code: '', minLevel: 2, count: 1 }])}>
        {t('missions.form.addCompetence')}
      </Button>
    </Stack>
  );
}

/** The languages a mission needs, one row each: which, at what CEFR level, spoken or written. */
export function LanguageRows({
  value,
  onChange,
  error,
}: {
  value: LanguageNeed[];
  onChange: (rows: LanguageNeed[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<LanguageNeed>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Stack gap={4} role="group" aria-label={t('missions.form.languages')}>
      <Text fw={500} size="sm">
        {t('missions.form.languages')}
      </Text>
      {value.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; removing one re-renders the rest.
        <Group key={i} align="flex-start" wrap="wrap">
          <LanguagePicker
            label={t('missions.form.language', { n: i + 1 })}
            required
            value={row.code || null}
            onChange={(code) => change(i, { code: code ?? '' })}
            error={fieldErrorWithin(error, `/languages/${i}/code`)}
            w={260}
          />
          <NativeSelect
            label={t('missions.form.languageLevel', { n: i + 1 })}
            value={row.minLevel}
            onChange={(e) => change(i, { minLevel: e.currentTarget.value as LanguageNeed['minLevel'] })}
            data={[...CEFR]}
          />
          <NativeSelect
            label={t('missions.form.skill', { n: i + 1 })}
            value={row.skill}
            onChange={(e) => change(i, { skill: e.currentTarget.value as LanguageNeed['skill'] })}
            data={(['speaking', 'writing'] as const).map((skill) => ({ value: skill, label: t(`missions.skill.${skill}`) }))}
          />
          <Button variant="subtle" mt={24} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('missions.form.remove')}
          </Button>
        </Group>
      ))}
      <Button
        variant="default"
        w="fit-content"
        onClick={() => onChange([...value, { code: '', minLevel: 'B2', skill: 'speaking' }])}
      >
        {t('missions.form.addLanguage')}
      </Button>
    </Stack>
  );
}
