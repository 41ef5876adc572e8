import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorWithin } from '../app/field-errors';
import { CompetencePicker, LanguagePicker } from '../reference/pickers';
import type { ExpertView } from './queries';

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
type Language = ExpertView['languages'][number];
type Competence = ExpertView['competences'][number];

/** Edits an expert's languages, competences and readiness; saved as a whole through `onSave`. */
export function SkillsEditor({
  expert,
  saving,
  error,
  onSave,
}: {
  expert: ExpertView;
  saving: boolean;
  error: unknown;
  onSave: (body: { languages: Language[]; competences: Competence[]; readiness: ExpertView['readiness'] }) => void;
}) {
  const { t } = useTranslation();
  // Each row keeps a key of its own, so that removing one row does not move another's input.
  const next = useRef(0);
  const keyed = <T,>(items: T[]) => items.map((item) => ({ ...item, key: next.current++ }));
  const [languages, setLanguages] = useState(() => keyed<Language>(expert.languages));
  const [competences, setCompetences] = useState(() => keyed<Competence>(expert.competences));
  const [readiness, setReadiness] = useState(expert.readiness);
  return (
    <form
      aria-label={t('roster.edit.title')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          languages: languages.filter((l) => l.code).map(({ key: _, ...l }) => l),
          competences: competences.filter((c) => c.code).map(({ key: _, ...c }) => c),
          readiness,
        });
      }}
    >
      <Stack gap="xs">
        <Title order={2}>{t('roster.edit.title')}</Title>
        <NativeSelect
          label={t('roster.fields.readiness')}
          value={readiness}
          onChange={(e) => setReadiness(e.currentTarget.value as ExpertView['readiness'])}
          data={['ready', 'ready_with_induction', 'not_deployable'].map((r) => ({ value: r, label: t(`roster.readiness.${r}`) }))}
          w={260}
        />
        {languages.map((l, i) => (
          <Group key={l.key} align="flex-end">
            <LanguagePicker
              label={t('roster.edit.language', { n: i + 1 })}
              value={l.code || null}
              onChange={(code) => setLanguages(languages.map((x, j) => (j === i ? { ...x, code: code ?? '' } : x)))}
              error={fieldErrorWithin(error, `/languages/${i}`)}
            />
            {(['speaking', 'writing'] as const).map((skill) => (
              <NativeSelect
                key={skill}
                label={t(`roster.edit.${skill}`, { n: i + 1 })}
                value={l[skill]}
                onChange={(e) => setLanguages(languages.map((x, j) => (j === i ? { ...x, [skill]: e.currentTarget.value } : x)))}
                data={CEFR}
              />
            ))}
            <Button variant="subtle" onClick={() => setLanguages(languages.filter((_, j) => j !== i))}>
              {t('roster.period.remove')}
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => setLanguages([...languages, { code: '', speaking: 'B2', writing: 'B2', key: next.current++ }])}
        >
          {t('roster.edit.addLanguage')}
        </Button>
        {competences.map((c, i) => (
          <Group key={c.key} align="flex-end">
            <CompetencePicker
              label={t('roster.edit.competence', { n: i + 1 })}
              value={c.code || null}
              onChange={(code) => setCompetences(competences.map((x, j) => (j === i ? { ...x, code: code ?? '' } : x)))}
              error={fieldErrorWithin(error, `/competences/${i}`)}
              w={320}
            />
            <NativeSelect
              label={t('roster.edit.level', { n: i + 1 })}
              value={String(c.level)}
              onChange={(e) =>
                setCompetences(competences.map((x, j) => (j === i ? { ...x, level: Number(e.currentTarget.value) } : x)))
              }
              data={['1', '2', '3'].map((level) => ({ value: level, label: t(`roster.level.${level}`) }))}
            />
            <Button variant="subtle" onClick={() => setCompetences(competences.filter((_, j) => j !== i))}>
              {t('roster.period.remove')}
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => setCompetences([...competences, { code: '', level: 1, key: next.current++ }])}
        >
          {t('roster.edit.addCompetence')}
        </Button>
        <Button type="submit" loading={saving} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
