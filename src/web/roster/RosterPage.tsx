import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CompetencePicker, LanguagePicker, useCompetenceNames, useCountryNames, useLanguageNames } from '../reference/pickers';
import { NominateForm } from './NominateForm';
import { type RosterQuery, rosterQuery } from './queries';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** Roster search by competence, language, availability, structure, nationality and readiness, with counts. */
export function RosterPage() {
  const { t } = useTranslation();
  usePageTitle(t('roster.search.title'));
  const [form, setForm] = useState<Record<string, string>>({});
  const [query, setQuery] = useState<RosterQuery>({ limit: 25, offset: 0 });
  const result = useQuery(rosterQuery(query));
  const canNominate = useCan('expert.nominate');
  const countries = useCountryNames();
  const competences = useCompetenceNames();
  const languages = useLanguageNames();
  const set = (key: string) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    setQuery({
      ...clean,
      ...(clean.minLevel ? { minLevel: Number(clean.minLevel) } : {}),
      limit: 25,
      offset: 0,
    } as RosterQuery);
  };
  const data = result.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('roster.search.title')}</Title>
      {canNominate ? <NominateForm /> : null}
      <form onSubmit={submit} aria-label={t('roster.search.title')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('roster.search.name')} value={form.q ?? ''} onChange={(e) => set('q')(e.currentTarget.value)} />
          <CompetencePicker
            label={t('roster.search.competence')}
            value={form.competence || null}
            onChange={(code) => set('competence')(code ?? '')}
            w={300}
          />
          <NativeSelect
            label={t('roster.search.minLevel')}
            value={form.minLevel ?? ''}
            onChange={(e) => set('minLevel')(e.currentTarget.value)}
            data={[
              { value: '', label: t('common.any') },
              ...['1', '2', '3'].map((level) => ({ value: level, label: t(`roster.level.${level}`) })),
            ]}
          />
          <LanguagePicker
            label={t('roster.search.language')}
            value={form.language || null}
            onChange={(code) => set('language')(code ?? '')}
          />
          <NativeSelect
            label={t('roster.search.minLanguageLevel')}
            value={form.minLanguageLevel ?? ''}
            onChange={(e) => set('minLanguageLevel')(e.currentTarget.value)}
            data={[{ value: '', label: t('common.any') }, ...LEVELS]}
          />
          <TextInput
            type="date"
            label={t('roster.search.from')}
            value={form.from ?? ''}
            onChange={(e) => set('from')(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('roster.search.to')}
            value={form.to ?? ''}
            onChange={(e) => set('to')(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('roster.search.readiness')}
            value={form.readiness ?? ''}
            onChange={(e) => set('readiness')(e.currentTarget.value)}
            data={[
              { value: '', label: t('common.any') },
              ...['ready', 'ready_with_induction', 'not_deployable'].map((r) => ({
                value: r,
                label: t(`roster.readiness.${r}`),
              })),
            ]}
          />
          <Button type="submit">{t('roster.search.submit')}</Button>
        </Group>
      </form>
      <ProblemAlert error={result.error} />
      {data ? (
        <>
          <Text aria-live="polite">{t('roster.search.found', { count: data.total })}</Text>
          {data.total === 0 ? <EmptyState message={t('roster.search.empty')} /> : null}
          <Group gap="xs">
            {data.counts.readiness.map((c) => (
              <Badge key={c.key} variant="light">
                {t(`roster.readiness.${c.key}`)}: {c.count}
              </Badge>
            ))}
            {data.counts.gender.map((c) => (
              <Badge key={c.key} variant="outline">
                {t(`roster.gender.${c.key}`)}: {c.count}
              </Badge>
            ))}
          </Group>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roster.fields.name')}</Table.Th>
                <Table.Th>{t('roster.fields.structure')}</Table.Th>
                <Table.Th>{t('roster.fields.nationality')}</Table.Th>
                <Table.Th>{t('roster.fields.competences')}</Table.Th>
                <Table.Th>{t('roster.fields.languages')}</Table.Th>
                <Table.Th>{t('roster.fields.readiness')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/roster/experts/${e.id}`}>
                      {e.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{e.organisation.code ?? e.organisation.name}</Table.Td>
                  <Table.Td>{e.nationalities.map(countries.name).join(', ')}</Table.Td>
                  <Table.Td>
                    {e.competences.map((c) => `${competences.name(c.code)} (${t(`roster.level.${c.level}`)})`).join(', ')}
                  </Table.Td>
                  <Table.Td>{e.languages.map((l) => `${languages.name(l.code)} ${l.speaking}/${l.writing}`).join(', ')}</Table.Td>
                  <Table.Td>{t(`roster.readiness.${e.readiness}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={data.total}
            limit={data.limit}
            offset={data.offset}
            onChange={(offset: number) => setQuery((q) => ({ ...q, offset }))}
            label={t('roster.search.title')}
          />
        </>
      ) : null}
    </Stack>
  );
}
