import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { CommitmentField } from './CommitmentField';
import { type RecommendationDetail, recommendationQuery, structureLabel, structuresQuery } from './queries';
import { RecommendationSource, sourceName } from './RecommendationSource';
import { StatusBadge } from './StatusBadge';

/** One recommendation with its follow-up projects, and a form to add a project. */
export function RecommendationPage() {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const { id } = useParams({ strict: false }) as { id: string };
  const recommendation = useQuery(recommendationQuery(id));
  const r = recommendation.data;
  usePageTitle(r ? t('reports.recommendation.title', { code: sourceName(r), n: r.position }) : t('reports.tracker.title'));
  if (recommendation.error) return <ProblemAlert error={recommendation.error} />;
  if (!r) return null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.recommendation.title', { code: sourceName(r), n: r.position })}</Title>
      <Text size="lg">{r.text}</Text>
      <Group gap="xs">
        <StatusBadge status={r.status} />
        {r.late ? <Badge color="red">{t('reports.tracker.late')}</Badge> : null}
        <Text>
          {t('reports.fields.addressee')}: {r.addresseeCountry ? countries.name(r.addresseeCountry) : r.addressee} ·{' '}
          {t(`reports.keyArea.${r.keyArea}`)} · {t(`reports.dimension.${r.dimension}`)} · {t(`reports.priority.${r.priority}`)} ·{' '}
          {t('reports.fields.due')}: {r.dueOn ?? '—'}
        </Text>
      </Group>
      <Group gap="xs">
        <Text fw={500}>{t('reports.source.label')}:</Text>
        <RecommendationSource recommendation={r} />
      </Group>
      <CommitmentField recommendation={r} />
      <Title order={2}>{t('reports.project.list')}</Title>
      {r.projects.length === 0 ? <Text c="dimmed">{t('reports.project.none')}</Text> : null}
      {r.projects.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.project.name')}</Table.Th>
              <Table.Th>{t('reports.project.organisation')}</Table.Th>
              <Table.Th>{t('reports.project.budget')}</Table.Th>
              <Table.Th>{t('reports.project.period')}</Table.Th>
              <Table.Th>{t('reports.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/recommendations/${r.id}/projects/${p.id}`}>
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.organisation}</Table.Td>
                <Table.Td>{p.budget ? `${Number(p.budget).toLocaleString()} ${p.currency}` : '—'}</Table.Td>
                <Table.Td>
                  {p.startsOn ?? '—'} – {p.endsOn ?? '—'}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={p.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {r.actions.includes('project') ? <NewProject recommendation={r} /> : null}
    </Stack>
  );
}

function NewProject({ recommendation }: { recommendation: RecommendationDetail }) {
  const { t } = useTranslation();
  const structures = useQuery(structuresQuery);
  const client = useQueryClient();
  const [form, setForm] = useState({
    organisationId: '',
    title: '',
    budget: '' as number | string,
    currency: 'EUR',
    startsOn: '',
    endsOn: '',
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<RecommendationDetail>(`/recommendations/${recommendation.id}/projects`, {
        organisationId: form.organisationId,
        title: form.title,
        budget: form.budget === '' ? null : Number(form.budget),
        currency: form.budget === '' ? null : form.currency,
        startsOn: form.startsOn || null,
        endsOn: form.endsOn || null,
      }),
    onSuccess: (next) => {
      client.setQueryData(recommendationQuery(recommendation.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recommendations'] });
      setForm({ ...form, title: '', budget: '' });
    },
  });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={3}>{t('reports.project.add')}</Title>
        <NativeSelect
          label={t('reports.project.organisation')}
          required
          value={form.organisationId}
          data={[
            { value: '', label: t('form.choose') },
            ...(structures.data ?? []).map((s) => ({ value: s.id, label: structureLabel(s) })),
          ]}
          onChange={(e) => setForm({ ...form, organisationId: e.currentTarget.value })}
        />
        <TextInput
          label={t('reports.project.name')}
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
        />
        <Group grow>
          <NumberInput
            label={t('reports.project.budget')}
            min={0}
            value={form.budget}
            onChange={(budget) => setForm({ ...form, budget })}
          />
          <TextInput
            label={t('reports.project.currency')}
            maxLength={3}
            value={form.currency}
            onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })}
          />
          <TextInput
            type="date"
            label={t('reports.project.starts')}
            value={form.startsOn}
            onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('reports.project.ends')}
            value={form.endsOn}
            onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })}
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!form.organisationId || !form.title.trim()}>
            {t('reports.project.addButton')}
          </Button>
        </Group>
        <ProblemAlert error={create.error} />
      </Stack>
    </Paper>
  );
}
