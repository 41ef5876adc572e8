import { Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { CompetencePicker, LanguagesPicker, useKeyAreaNames } from '../reference/pickers';
import { structuresQuery, useApiLanguage } from '../reference/queries';
import { AUDIENCES, type CourseView } from './queries';

const PREREQUISITES = ['heat', 'bsafe', 'security_clearance', 'medical_clearance', 'first_aid'] as const;

interface Question {
  /** Stable while the list is edited: questions are only appended. */
  key: number;
  text: string;
  options: string;
  correct: number | string;
}

/**
 * The provider adds a course, or changes one: objectives, audience, duration, languages, key area,
 * what it grants on the roster, and its test (questions given when changing a course replace its
 * own, which the server allows only while nobody has taken the test).
 */
export function CourseForm({ course, onDone }: { course?: CourseView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lang = useApiLanguage();
  const structures = useQuery(structuresQuery(lang));
  const keyAreas = useKeyAreaNames();
  const [code, setCode] = useState(course?.code ?? '');
  const [title, setTitle] = useState(course?.title ?? '');
  const [objectives, setObjectives] = useState(course?.objectives ?? '');
  const [provider, setProvider] = useState<string | null>(course?.provider.code ?? null);
  const [audiences, setAudiences] = useState<string[]>(course?.audiences ?? []);
  const [hours, setHours] = useState<number | string>(course?.durationHours ?? 16);
  const [languages, setLanguages] = useState<string[]>(course?.languages ?? []);
  const [prerequisites, setPrerequisites] = useState(course?.prerequisites ?? '');
  const [keyArea, setKeyArea] = useState<string | null>(course?.keyArea ?? null);
  const [grants, setGrants] = useState<string | null>(course?.grantsPrerequisite ?? null);
  const [months, setMonths] = useState<number | string>(course?.grantsValidityMonths ?? 36);
  const [competence, setCompetence] = useState<string | null>(course?.grantsCompetence ?? null);
  const [level, setLevel] = useState<string | null>(course?.grantsLevel ? String(course.grantsLevel) : null);
  const [questions, setQuestions] = useState<Question[]>([]);
  const [tried, setTried] = useState(false);
  const missing = {
    '/code': !code.trim(),
    '/title': !title.trim(),
    '/providerCode': !provider,
    '/audiences': audiences.length === 0,
    '/languages': languages.length === 0,
    '/keyArea': !keyArea,
  };
  const save = useMutation({
    mutationFn: () => {
      const questionsGiven = questions.map((q) => ({
        text: q.text.trim(),
        options: q.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        correct: Number(q.correct) - 1,
      }));
      const body = {
        code: code.trim().toUpperCase(),
        title: title.trim(),
        objectives,
        providerCode: provider,
        audiences,
        durationHours: Number(hours),
        languages,
        prerequisites,
        keyArea,
        grantsPrerequisite: grants,
        grantsValidityMonths: grants ? Number(months) : null,
        grantsCompetence: competence,
        grantsLevel: competence && level ? Number(level) : null,
      };
      // A course's questions change only when new ones are written: left empty, they are kept.
      if (course) {
        return api.put<CourseView>(`/training/courses/${course.id}`, {
          ...body,
          ...(questionsGiven.length ? { questions: questionsGiven } : {}),
        });
      }
      return api.post<CourseView>('/training/courses', { ...body, questions: questionsGiven });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['training'] });
      onDone();
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  const formTitle = course ? t('training.course.editTitle', { course: course.title }) : t('training.course.title');
  const setQuestion = (i: number, patch: Partial<Question>) =>
    setQuestions((list) => list.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  return (
    <Card
      withBorder
      component="form"
      aria-label={formTitle}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!anyMissing(missing)) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {formTitle}
        </Title>
        <ProblemAlert error={save.error} />
        <Group grow>
          <TextInput
            label={t('training.course.code')}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errorOf('/code')}
          />
          <TextInput
            label={t('training.course.name')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
          />
        </Group>
        <Textarea
          label={t('training.course.objectives')}
          value={objectives}
          onChange={(e) => setObjectives(e.currentTarget.value)}
        />
        <Group grow>
          <Select
            label={t('training.course.provider')}
            required
            searchable
            data={(structures.data ?? [])
              .filter((s) => s.type !== 'field_operation')
              .map((s) => ({ value: s.code, label: s.name }))}
            value={provider}
            onChange={setProvider}
            error={errorOf('/providerCode')}
          />
          <Select
            label={t('training.fields.keyArea')}
            required
            data={keyAreas.options}
            value={keyArea}
            onChange={setKeyArea}
            error={errorOf('/keyArea')}
          />
        </Group>
        <Group grow>
          <MultiSelect
            label={t('training.fields.audience')}
            required
            searchable
            data={AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) }))}
            value={audiences}
            onChange={setAudiences}
            error={errorOf('/audiences')}
          />
          <LanguagesPicker
            label={t('training.fields.languages')}
            required
            value={languages}
            onChange={setLanguages}
            error={errorOf('/languages')}
          />
          <NumberInput
            label={t('training.course.hours')}
            min={1}
            max={1000}
            value={hours}
            onChange={setHours}
            error={errorOf('/durationHours')}
          />
        </Group>
        <TextInput
          label={t('training.fields.prerequisites')}
          value={prerequisites}
          onChange={(e) => setPrerequisites(e.currentTarget.value)}
        />
        <Group grow>
          <Select
            label={t('training.course.grantsPrerequisite')}
            clearable
            data={PREREQUISITES.map((p) => ({ value: p, label: t(`roster.prerequisite.${p}`) }))}
            value={grants}
            onChange={setGrants}
          />
          {grants ? (
            <NumberInput
              label={t('training.course.validity')}
              min={1}
              max={240}
              value={months}
              onChange={setMonths}
              error={errorOf('/grantsValidityMonths')}
            />
          ) : null}
        </Group>
        <Group grow>
          <CompetencePicker label={t('training.course.grantsCompetence')} value={competence} onChange={setCompetence} />
          {competence ? (
            <Select
              label={t('training.course.level')}
              data={['1', '2', '3']}
              value={level}
              onChange={setLevel}
              error={errorOf('/grantsLevel')}
            />
          ) : null}
        </Group>
        <Title order={3} size="h4">
          {t('training.course.questions')}
        </Title>
        {course ? <Text size="sm">{t('training.course.keepQuestions', { count: course.questionCount })}</Text> : null}
        {questions.map((q, i) => (
          <Card key={q.key} withBorder p="sm">
            <Stack gap={4}>
              <TextInput
                label={t('training.course.question', { n: i + 1 })}
                value={q.text}
                onChange={(e) => setQuestion(i, { text: e.currentTarget.value })}
                error={errorOf(`/questions/${i}/text`)}
              />
              <Textarea
                label={t('training.course.options')}
                autosize
                minRows={3}
                value={q.options}
                onChange={(e) => setQuestion(i, { options: e.currentTarget.value })}
                error={errorOf(`/questions/${i}/options`)}
              />
              <NumberInput
                label={t('training.course.correct')}
                min={1}
                max={8}
                value={q.correct}
                onChange={(v) => setQuestion(i, { correct: v })}
                error={errorOf(`/questions/${i}/correct`)}
              />
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          w="fit-content"
          onClick={() => setQuestions((list) => [...list, { key: list.length + 1, text: '', options: '', correct: 1 }])}
        >
          {t('training.course.addQuestion')}
        </Button>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {course ? t('training.course.saveChanges') : t('training.course.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
