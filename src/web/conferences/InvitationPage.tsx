import { ActionIcon, Anchor, Button, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countByGroup,
  evaluateInvitation,
  FLOW_GROUPS,
  INVITATION_GROUPS,
  type InvitationTerm,
} from '../../server/conferences/invitations/expression';
import type { InvitedPerson, PeopleView } from '../../server/conferences/invitations/schemas';
import { SUBREGIONS } from '../../server/reference/values';
import type { FlowGroupView } from '../../server/warning/flows/schemas';
import { api, queryString } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, useCountryNames } from '../reference/pickers';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { eventQuery, type InvitationView, invitationQuery } from './queries';

/**
 * The invitation builder: country groups added and taken away in order, with the count of the
 * States selected by group as the list is built, counted exactly as the server will.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const lang = useApiLanguage();
  const client = useQueryClient();
  const event = useQuery(eventQuery(id));
  const saved = useQuery(invitationQuery(id));
  const countries = useQuery(countriesQuery(lang));
  usePageTitle(t('conferences.invitation.title'));
  const [terms, setTerms] = useState<InvitationTerm[]>([]);
  const [op, setOp] = useState<'+' | '-'>('+');
  const [group, setGroup] = useState<string | null>('participating');
  const [value, setValue] = useState<string | null>(null);
  const [organisations, setOrganisations] = useState<Array<{ id: string; name: string }>>([]);
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['conferences', 'organisations', lang, search],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string }> }>(
        `/directory/organisations${queryString({ q: search, lang, limit: 20 })}`,
      ),
    enabled: search.trim().length >= 2,
  });
  // People invited by name: accounts and directory contacts, found by the server as the name is typed.
  const [people, setPeople] = useState<InvitedPerson[]>([]);
  const [personSearch, setPersonSearch] = useState('');
  const [personWords] = useDebouncedValue(personSearch.trim(), 250);
  const countryNames = useCountryNames();
  const foundPeople = useQuery({
    queryKey: ['conferences', 'people', id, lang, personWords],
    queryFn: () => api.get<PeopleView>(`/conferences/events/${id}/invitation/people${queryString({ q: personWords, lang })}`),
    enabled: personWords.length >= 2,
  });
  const personKey = (p: InvitedPerson) => p.userId ?? p.contactId ?? '';
  const personLabel = (p: InvitedPerson) => {
    const affiliation = p.organisation ?? (p.countryIso2 ? countryNames.name(p.countryIso2) : null);
    return affiliation ? `${p.name} (${affiliation})` : p.name;
  };
  useEffect(() => {
    if (saved.data) {
      setTerms(saved.data.terms);
      setOrganisations(saved.data.organisations);
      setPeople(saved.data.people);
    }
  }, [saved.data]);
  const isFlow = (g: string | null) => (FLOW_GROUPS as readonly string[]).includes(g ?? '');
  // The years with figures behind the roles in the flows, for the year of such a group.
  const flowYears = useQuery({
    queryKey: ['warning', 'flow-groups', 'origin', 'latest'],
    queryFn: () => api.get<FlowGroupView>('/warning/flow-groups?role=origin'),
    enabled: isFlow(group),
  });
  // The countries of each role and year the terms name, so that the count is the server's.
  const flowTerms = [...new Set(terms.filter((term) => isFlow(term.group)).map((term) => `${term.group}:${term.value}`))];
  const flowGroups = useQueries({
    queries: flowTerms.map((key) => {
      const [role, year] = key.split(':');
      return {
        queryKey: ['warning', 'flow-groups', role, year],
        queryFn: () => api.get<FlowGroupView>(`/warning/flow-groups${queryString({ role, year })}`),
      };
    }),
  });
  const flowsKey = flowGroups.map((g) => g.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: flowsKey says when any of the groups' answers changed
  const facts = useMemo(() => {
    const flows = new Map<string, string[]>();
    for (const g of flowGroups) {
      if (!g.data) continue;
      for (const iso2 of g.data.countries) flows.set(iso2, [...(flows.get(iso2) ?? []), `${g.data.role}:${g.data.year}`]);
    }
    return (countries.data ?? []).map((c) => ({
      iso2: c.iso2,
      osceStatus: c.osceStatus,
      partnerGroup: c.partnerGroup,
      subregion: c.subregion,
      fieldOperation: c.fieldOperation,
      eastOfVienna: c.eastOfVienna,
      flows: flows.get(c.iso2) ?? [],
    }));
  }, [countries.data, flowsKey]);
  const selected = useMemo(() => evaluateInvitation(terms, facts), [terms, facts]);
  const counts = countByGroup(selected, facts);
  const send = useMutation({
    mutationFn: () =>
      api.put<InvitationView>(`/conferences/events/${id}/invitation`, {
        terms,
        organisationIds: organisations.map((o) => o.id),
        userIds: people.flatMap((p) => (p.userId ? [p.userId] : [])),
        contactIds: people.flatMap((p) => (p.contactId ? [p.contactId] : [])),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
  const needsValue = group === 'subregion' || group === 'state' || isFlow(group);
  const termLabel = (term: InvitationTerm) => {
    const name =
      term.group === 'subregion'
        ? t(`subregion.${term.value}`)
        : term.group === 'state'
          ? (countries.data?.find((c) => c.iso2 === term.value)?.name ?? '')
          : isFlow(term.group)
            ? t('conferences.group.inYear', { group: t(`conferences.group.${term.group}`), year: term.value })
            : t(`conferences.group.${term.group}`);
    return `${term.op === '+' ? t('conferences.invitation.plus') : t('conferences.invitation.minus')} ${name}`;
  };
  const names = (countries.data ?? []).filter((c) => selected.has(c.iso2)).map((c) => c.name);
  return (
    <Stack gap="md">
      {/* The way back to the event, once its title is known: a link without a name says nothing. */}
      {event.data ? (
        <Anchor component={Link} to={`/conferences/events/${id}`}>
          {event.data.title}
        </Anchor>
      ) : null}
      <Title order={1}>{t('conferences.invitation.title')}</Title>
      <Text>{t('conferences.invitation.intro')}</Text>
      <ProblemAlert error={saved.error ?? countries.error ?? send.error} />
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!group || (needsValue && !value)) return;
            setTerms([...terms, { op, group: group as InvitationTerm['group'], ...(needsValue && value ? { value } : {}) }]);
            setValue(null);
          }}
        >
          <Group align="end">
            <Select
              label={t('conferences.invitation.operation')}
              data={[
                { value: '+', label: t('conferences.invitation.plus') },
                { value: '-', label: t('conferences.invitation.minus') },
              ]}
              value={op}
              onChange={(v) => setOp(v === '-' ? '-' : '+')}
              allowDeselect={false}
            />
            <Select
              label={t('conferences.invitation.group')}
              data={INVITATION_GROUPS.map((g) => ({ value: g, label: t(`conferences.group.${g}`) }))}
              value={group}
              onChange={(v) => {
                setGroup(v);
                setValue(null);
              }}
              allowDeselect={false}
            />
            {group === 'subregion' ? (
              <Select
                label={t('conferences.group.subregion')}
                data={SUBREGIONS.filter((s) => s !== 'partners').map((s) => ({ value: s, label: t(`subregion.${s}`) }))}
                value={value}
                onChange={setValue}
              />
            ) : null}
            {group === 'state' ? <CountryPicker label={t('conferences.group.state')} value={value} onChange={setValue} /> : null}
            {isFlow(group) ? (
              <Select
                label={t('conferences.invitation.year')}
                data={(flowYears.data?.years ?? []).map(String)}
                value={value}
                onChange={setValue}
                nothingFoundMessage={t('conferences.invitation.noFlowYears')}
              />
            ) : null}
            <Button type="submit" variant="light">
              {t('conferences.invitation.add')}
            </Button>
          </Group>
        </form>
      </Paper>
      {terms.length === 0 ? <Text c="dimmed">{t('conferences.invitation.empty')}</Text> : null}
      <List>
        {terms.map((term, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the terms are an ordered expression, where a term's place is what it is
          <List.Item key={i}>
            <Group gap="xs">
              <Text>{termLabel(term)}</Text>
              <ActionIcon
                variant="subtle"
                aria-label={t('conferences.invitation.remove', { term: termLabel(term) })}
                onClick={() => setTerms(terms.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          </List.Item>
        ))}
      </List>
      <Title order={2}>{t('conferences.invitation.organisations')}</Title>
      <Select
        label={t('conferences.invitation.findOrganisation')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={search.trim().length >= 2 ? t('common.nothingFound') : undefined}
        data={(found.data?.items ?? [])
          .filter((o) => !organisations.some((chosen) => chosen.id === o.id))
          .map((o) => ({ value: o.id, label: o.name }))}
        value={null}
        onChange={(id) => {
          const chosen = found.data?.items.find((o) => o.id === id);
          if (chosen) setOrganisations([...organisations, { id: chosen.id, name: chosen.name }]);
          setSearch('');
        }}
      />
      {organisations.length === 0 ? <Text c="dimmed">{t('conferences.invitation.noOrganisation')}</Text> : null}
      <List>
        {organisations.map((o) => (
          <List.Item key={o.id}>
            <Group gap="xs">
              <Text>{o.name}</Text>
              <ActionIcon
                variant="subtle"
                aria-label={t('conferences.invitation.remove', { term: o.name })}
                onClick={() => setOrganisations(organisations.filter((other) => other.id !== o.id))}
              >
                ×
              </ActionIcon>
            </Group>
          </List.Item>
        ))}
      </List>
      <Title order={2}>{t('conferences.invitation.people')}</Title>
      <Text size="sm" c="dimmed">
        {t('conferences.invitation.peopleHint')}
      </Text>
      <Select
        label={t('conferences.invitation.findPerson')}
        searchable
        searchValue={personSearch}
        onSearchChange={setPersonSearch}
        nothingFoundMessage={
          personWords.length >= 2 && foundPeople.isSuccess ? t('conferences.invitation.noPersonFound') : undefined
        }
        data={(foundPeople.data?.items ?? [])
          .filter((p) => !people.some((chosen) => personKey(chosen) === personKey(p)))
          .map((p) => ({ value: personKey(p), label: personLabel(p) }))}
        filter={({ options }) => options}
        value={null}
        onChange={(key) => {
          const chosen = foundPeople.data?.items.find((p) => personKey(p) === key);
          if (chosen) setPeople([...people, chosen]);
          setPersonSearch('');
        }}
      />
      {people.length === 0 ? <Text c="dimmed">{t('conferences.invitation.noPerson')}</Text> : null}
      <List aria-label={t('conferences.invitation.people')}>
        {people.map((p) => (
          <List.Item key={personKey(p)}>
            <Group gap="xs">
              <Text>{personLabel(p)}</Text>
              <ActionIcon
                variant="subtle"
                aria-label={t('conferences.invitation.remove', { term: p.name })}
                onClick={() => setPeople(people.filter((other) => personKey(other) !== personKey(p)))}
              >
                ×
              </ActionIcon>
            </Group>
          </List.Item>
        ))}
      </List>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table aria-label={t('conferences.invitation.counts')} data-testid="invitation-counts">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('conferences.invitation.total')}</Table.Th>
              <Table.Td data-testid="invited-total">{counts.total}</Table.Td>
            </Table.Tr>
            {(
              [
                ['participating', counts.participating],
                ['partners_asian', counts.partnersAsian],
                ['partners_mediterranean', counts.partnersMediterranean],
                ['east_of_vienna', counts.eastOfVienna],
                ['west_of_vienna', counts.westOfVienna],
                ['field_operation_hosts', counts.fieldOperationHosts],
              ] as const
            ).map(([key, n]) => (
              <Table.Tr key={key}>
                <Table.Th>{t(`conferences.group.${key}`)}</Table.Th>
                <Table.Td>{n}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>{t('conferences.invitation.peopleCount')}</Table.Th>
              <Table.Td data-testid="invited-people">{people.length}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm">{names.join(', ')}</Text>
      </SimpleGrid>
      <Group>
        <Button
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={terms.length === 0 && organisations.length === 0 && people.length === 0}
        >
          {t('conferences.invitation.send')}
        </Button>
        {send.isSuccess ? (
          <Text role="status">
            {t('conferences.invitation.sent', { n: send.data.counts.total })}
            {send.data.people.length > 0 ? ` ${t('conferences.invitation.sentPeople', { n: send.data.people.length })}` : ''}
          </Text>
        ) : null}
      </Group>
      {saved.data?.invitedAt &&
      (saved.data.states.length > 0 || saved.data.organisations.length > 0 || saved.data.people.length > 0) ? (
        <Paper withBorder p="sm">
          <Title order={2}>{t('conferences.invitation.letters')}</Title>
          <Text size="sm" c="dimmed">
            {t('conferences.invitation.lettersHint')}
          </Text>
          <List aria-label={t('conferences.invitation.letters')}>
            {[
              ...saved.data.states.map((s) => ({
                key: s.iso2,
                name: (countries.data ?? []).find((c) => c.iso2 === s.iso2)?.name ?? s.name,
                query: `state=${s.iso2}`,
              })),
              ...saved.data.organisations.map((o) => ({ key: o.id, name: o.name, query: `organisationId=${o.id}` })),
              ...saved.data.people.map((p) => ({ key: p.id ?? personKey(p), name: p.name, query: `personId=${p.id}` })),
            ].map((invitee) => (
              <List.Item key={invitee.key}>
                <Anchor href={`/api/conferences/events/${id}/invitation/letter.pdf?${invitee.query}`}>
                  {t('conferences.invitation.letter', { invitee: invitee.name })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </Stack>
  );
}
