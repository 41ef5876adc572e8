import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDriversView } from '../../server/reports/drivers/schemas.js';
import type { PeopleMetView } from '../../server/reports/people-met/schemas.js';
import type { DriverView } from '../../server/warning/flows/schemas.js';
import { api, queryString } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { contactsQuery } from '../directory/queries';
import { useApiLanguage } from '../reference/queries';

type Person = PeopleMetView['people'][number];
const EMPTY = { contactId: '', name: '', function: '', organisation: '' };

/** Whom the team met: directory contacts or people typed in; shown only to those who may read the report. */
export function PeopleMet({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const client = useQueryClient();
  const people = useQuery({
    queryKey: ['reports', 'people-met', reportId],
    queryFn: () => api.get<PeopleMetView>(`/reports/${reportId}/people-met`),
  });
  const list = people.data?.people ?? [];
  const editable = people.data?.actions.includes('edit') ?? false;
  const [search, setSearch] = useState('');
  const [form, setForm] = useState(EMPTY);
  const found = useQuery({ ...contactsQuery(lang, { q: search, limit: 20 }), enabled: editable && search.length >= 2 });
  const save = useMutation({
    mutationFn: (next: Array<Partial<Person>>) =>
      api.put<PeopleMetView>(`/reports/${reportId}/people-met`, {
        people: next.map((p) =>
          p.contactId ? { contactId: p.contactId } : { name: p.name, function: p.function, organisation: p.organisation },
        ),
      }),
    onSuccess: (saved) => {
      setForm(EMPTY);
      setSearch('');
      client.setQueryData(['reports', 'people-met', reportId], saved);
    },
  });
  const added = `/people/${list.length}`;
  return (
    <Stack gap="xs">
      <Title order={2}>{t('reports.peopleMet.title')}</Title>
      {people.error ? <ProblemAlert error={people.error} /> : null}
      {people.data && list.length === 0 ? <Text c="dimmed">{t('reports.peopleMet.none')}</Text> : null}
      {list.length > 0 ? (
        <Table aria-label={t('reports.peopleMet.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.peopleMet.name')}</Table.Th>
              <Table.Th>{t('reports.peopleMet.function')}</Table.Th>
              <Table.Th>{t('reports.peopleMet.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={`${p.contactId ?? ''}-${p.name}-${p.function}-${p.organisation}`} data-person={p.name}>
                <Table.Td>
                  {p.contactId ? (
                    <Anchor component={Link} to={`/directory/contacts/${p.contactId}`}>
                      {p.name}
                    </Anchor>
                  ) : (
                    p.name
                  )}
                </Table.Td>
                <Table.Td>{p.function}</Table.Td>
                <Table.Td>{p.organisation}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate([...list, form.contactId ? { contactId: form.contactId } : form]);
          }}
        >
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput
                label={t('reports.peopleMet.search')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              <NativeSelect
                label={t('reports.peopleMet.fromDirectory')}
                value={form.contactId}
                onChange={(e) => setForm({ ...form, contactId: e.currentTarget.value })}
                data={[
                  { value: '', label: t('reports.peopleMet.typed') },
                  ...(found.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.name} (${c.organisation.acronym ?? c.organisation.name})`,
                  })),
                ]}
                error={fieldError(save.error, `${added}/contactId`)}
              />
            </Group>
            {form.contactId ? null : (
              <Group align="flex-end">
                <TextInput
                  label={t('reports.peopleMet.name')}
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                  error={fieldError(save.error, `${added}/name`)}
                />
                <TextInput
                  label={t('reports.peopleMet.function')}
                  value={form.function}
                  onChange={(e) => setForm({ ...form, function: e.currentTarget.value })}
                />
                <TextInput
                  label={t('reports.peopleMet.organisation')}
                  value={form.organisation}
                  onChange={(e) => setForm({ ...form, organisation: e.currentTarget.value })}
                />
              </Group>
            )}
            <Group>
              <Button type="submit" variant="default" loading={save.isPending}>
                {t('reports.peopleMet.add')}
              </Button>
            </Group>
            <ProblemAlert error={save.error} />
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** The drivers of displacement the report names: ticked by the team while it drafts, listed for readers. */
export function ReportDrivers({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const client = useQueryClient();
  const named = useQuery({
    queryKey: ['reports', 'drivers', reportId, lang],
    queryFn: () => api.get<ReportDriversView>(`/reports/${reportId}/drivers${queryString({ lang })}`),
  });
  const editable = named.data?.actions.includes('edit') ?? false;
  const all = useQuery({
    queryKey: ['warning', 'drivers', lang],
    queryFn: () => api.get<DriverView[]>(`/warning/drivers${queryString({ lang })}`),
    enabled: editable,
  });
  const save = useMutation({
    mutationFn: (drivers: string[]) => api.put<ReportDriversView>(`/reports/${reportId}/drivers`, { drivers }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'drivers', reportId] }),
  });
  const codes = (named.data?.drivers ?? []).map((d) => d.code);
  return (
    <Stack gap="xs">
      <Title order={2}>{t('reports.drivers.title')}</Title>
      {named.error ? <ProblemAlert error={named.error} /> : null}
      {editable ? (
        <Checkbox.Group
          value={codes}
          onChange={(next) => save.mutate(next)}
          label={t('reports.drivers.choose')}
          error={fieldError(save.error, '/drivers')}
        >
          <Stack gap={4} mt="xs">
            {(all.data ?? []).map((d) => (
              <Checkbox key={d.code} value={d.code} label={d.name} ml={d.parent ? 'lg' : 0} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : named.data && codes.length === 0 ? (
        <Text c="dimmed">{t('reports.drivers.none')}</Text>
      ) : (
        <Group gap="xs">
          {(named.data?.drivers ?? []).map((d) => (
            <Badge key={d.code} variant="light">
              {d.name}
            </Badge>
          ))}
        </Group>
      )}
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
