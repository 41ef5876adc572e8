import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { LanguagePicker, useKeyAreaNames, useLanguageNames } from '../reference/pickers';
import { structuresQuery, useApiLanguage } from '../reference/queries';
import { CourseForm } from './CourseForm';
import { AUDIENCES, type CourseView, coursesQuery, type SessionView, sessionsQuery } from './queries';

/** The course catalogue, filtered by key area, audience and words; each course's sessions; the provider schedules new ones. */
export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(t('training.catalogue.title'));
  const keyAreas = useKeyAreaNames();
  const languages = useLanguageNames();
  const [keyArea, setKeyArea] = useState<string | null>(null);
  const [audience, setAudience] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const courses = useQuery(coursesQuery({ keyArea, audience, q: words }));
  const [courseId, setCourseId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const sessions = useQuery(sessionsQuery({ courseId, year, offset }));
  const [scheduling, setScheduling] = useState<CourseView | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CourseView | null>(null);
  const items = courses.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('training.catalogue.title')}</Title>
        <Group>
          <Anchor component={Link} to="/training/me">
            {t('training.nav.mine')}
          </Anchor>
          <Anchor component={Link} to="/training/verify">
            {t('training.verify.title')}
          </Anchor>
        </Group>
      </Group>
      <Text>{t('training.catalogue.intro')}</Text>
      <ProblemAlert error={courses.error ?? sessions.error} />
      <Group align="end">
        <Select label={t('training.fields.keyArea')} clearable data={keyAreas.options} value={keyArea} onChange={setKeyArea} />
        <Select
          label={t('training.fields.audience')}
          clearable
          data={AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) }))}
          value={audience}
          onChange={setAudience}
        />
        <TextInput label={t('training.catalogue.search')} value={words} onChange={(e) => setWords(e.currentTarget.value)} />
      </Group>
      {courses.data?.canCreate && !adding ? (
        <Button w="fit-content" onClick={() => setAdding(true)}>
          {t('training.course.open')}
        </Button>
      ) : null}
      {adding ? <CourseForm onDone={() => setAdding(false)} /> : null}
      {editing ? <CourseForm key={editing.id} course={editing} onDone={() => setEditing(null)} /> : null}
      {courses.data && items.length === 0 ? <EmptyState message={t('training.catalogue.empty')} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((course) => (
          <Card key={course.id} withBorder>
            <Stack gap={6}>
              <Title order={2} size="h4">
                {course.title}
              </Title>
              <Text size="sm" c="dimmed">
                {course.provider.name} · {t('training.fields.hours', { count: course.durationHours })} ·{' '}
                {keyAreas.name(course.keyArea)}
              </Text>
              <Text size="sm">{course.objectives}</Text>
              <Group gap={4}>
                {course.audiences.map((a) => (
                  <Badge key={a} variant="light">
                    {t(`training.audience.${a}`)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm">
                {t('training.fields.languages')}: {course.languages.map((l) => languages.name(l)).join(', ')}
              </Text>
              <Text size="sm">
                {t('training.fields.prerequisites')}: {course.prerequisites || '—'}
              </Text>
              {course.grantsPrerequisite ? (
                <Text size="sm" fw={600}>
                  {t('training.catalogue.grantsPrerequisite', {
                    name: t(`roster.prerequisite.${course.grantsPrerequisite}`),
                    months: course.grantsValidityMonths ?? '—',
                  })}
                </Text>
              ) : null}
              {course.grantsCompetence ? (
                <Text size="sm" fw={600}>
                  {t('training.catalogue.grantsCompetence', { level: course.grantsLevel })}
                </Text>
              ) : null}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => {
                    setCourseId(course.id);
                    setOffset(0);
                  }}
                >
                  {t('training.catalogue.showSessions', { count: course.sessionCount })}
                </Button>
                {course.actions.includes('schedule') ? (
                  <Button size="xs" onClick={() => setScheduling(course)}>
                    {t('training.schedule.open')}
                  </Button>
                ) : null}
                {course.actions.includes('edit') ? (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('training.course.editOf', { course: course.title })}
                    onClick={() => {
                      setAdding(false);
                      setEditing(course);
                    }}
                  >
                    {t('training.course.edit')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {scheduling ? <ScheduleForm course={scheduling} onCancel={() => setScheduling(null)} /> : null}
      <Title order={2}>{t('training.sessions.title')}</Title>
      <Group align="end">
        <Select
          label={t('training.fields.course')}
          clearable
          data={items.map((c) => ({ value: c.id, label: c.title }))}
          value={courseId}
          onChange={(value) => {
            setCourseId(value);
            setOffset(0);
          }}
        />
        <NumberInput
          label={t('training.fields.year')}
          min={2000}
          max={2100}
          value={year ?? ''}
          onChange={(value) => {
            setYear(typeof value === 'number' ? value : null);
            setOffset(0);
          }}
        />
      </Group>
      {sessions.data && sessions.data.total === 0 ? <EmptyState message={t('training.sessions.empty')} /> : null}
      {sessions.data && sessions.data.total > 0 ? (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.fields.course')}</Table.Th>
                <Table.Th>{t('training.fields.dates')}</Table.Th>
                <Table.Th>{t('training.fields.venue')}</Table.Th>
                <Table.Th>{t('training.fields.host')}</Table.Th>
                <Table.Th>{t('training.fields.places')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/training/sessions/${s.id}`}>
                      {s.course.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {s.startsOn} – {s.endsOn}
                  </Table.Td>
                  <Table.Td>{s.online ? t('training.fields.online') : s.venue}</Table.Td>
                  <Table.Td>{s.host?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {s.selected} / {s.capacity}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={sessions.data.total}
            limit={sessions.data.limit}
            offset={sessions.data.offset}
            onChange={setOffset}
            label={t('training.sessions.pages')}
          />
        </>
      ) : null}
    </Stack>
  );
}

/** The provider schedules a session of a course: dates, venue or online, language, capacity and trainers. */
function ScheduleForm({ course, onCancel }: { course: CourseView; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [online, setOnline] = useState(false);
  const [venue, setVenue] = useState('');
  const [language, setLanguage] = useState<string | null>(course.languages[0] ?? null);
  const [capacity, setCapacity] = useState<number | string>(20);
  const [trainer, setTrainer] = useState('');
  const [host, setHost] = useState<string | null>(null);
  const lang = useApiLanguage();
  const operations = useQuery(structuresQuery(lang, { type: 'field_operation' }));
  const [agenda, setAgenda] = useState('');
  const [tried, setTried] = useState(false);
  const missing = { '/startsOn': !startsOn, '/endsOn': !endsOn, '/language': !language };
  const save = useMutation({
    mutationFn: () =>
      api.post<SessionView>('/training/sessions', {
        courseId: course.id,
        startsOn,
        endsOn,
        online,
        venue: venue.trim() || undefined,
        language,
        capacity: Number(capacity),
        hostOrganisationId: host,
        agenda,
        trainers: trainer.trim() ? [{ externalName: trainer.trim() }] : [],
      }),
    onSuccess: async (session) => {
      await client.invalidateQueries({ queryKey: ['training'] });
      await navigate({ to: '/training/sessions/$id', params: { id: session.id } });
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Card
      withBorder
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!anyMissing(missing)) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.schedule.title', { course: course.title })}
        </Title>
        <ProblemAlert error={save.error} />
        <Group grow>
          <TextInput
            type="date"
            label={t('training.fields.startsOn')}
            required
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={errorOf('/startsOn')}
          />
          <TextInput
            type="date"
            label={t('training.fields.endsOn')}
            required
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={errorOf('/endsOn')}
          />
        </Group>
        <Switch label={t('training.fields.online')} checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} />
        {!online ? (
          <TextInput
            label={t('training.fields.venue')}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            error={errorOf('/venue')}
          />
        ) : null}
        <Group grow>
          <LanguagePicker
            label={t('training.fields.language')}
            required
            value={language}
            onChange={setLanguage}
            error={errorOf('/language')}
          />
          <NumberInput
            label={t('training.fields.capacity')}
            min={1}
            max={500}
            value={capacity}
            onChange={setCapacity}
            error={errorOf('/capacity')}
          />
        </Group>
        <Select
          label={t('training.fields.host')}
          clearable
          searchable
          data={(operations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={host}
          onChange={setHost}
          error={errorOf('/hostOrganisationId')}
        />
        <TextInput
          label={t('training.fields.externalTrainer')}
          value={trainer}
          onChange={(e) => setTrainer(e.currentTarget.value)}
          error={errorOf('/trainers')}
        />
        <Textarea label={t('training.fields.agenda')} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('training.schedule.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
