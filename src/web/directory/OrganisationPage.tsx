import { Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { ActivityLine } from './ActivityLine';
import { ContactCard } from './ContactCard';
import { CountryMap } from './CountryMap';
import { activitiesQuery, contactsQuery, organisationQuery, useCountries } from './queries';

/** An organisation: its mandate, the countries it works in on a map, its contacts and its activities. */
export function OrganisationPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const countries = useCountries();
  const organisation = useQuery(organisationQuery(lang, id));
  const [offset, setOffset] = useState(0);
  const contacts = useQuery(contactsQuery(lang, { organisationId: id, limit: 100 }));
  const activities = useQuery(activitiesQuery(lang, { organisationId: id, limit: 50, offset }));
  const o = organisation.data;
  usePageTitle(o?.name ?? t('directory.organisation.title'));
  if (organisation.error) return <ProblemAlert error={organisation.error} />;
  if (!o) return <Loader aria-label={t('directory.loading')} />;
  const counts = new Map(o.countriesWorkedIn.map((c) => [c.iso2, c.activities]));

  return (
    <Stack gap="lg">
      <div>
        <Group gap="xs">
          <Badge variant="light">{t(`directory.type.${o.type}`)}</Badge>
          {o.dimensions.map((d) => (
            <Badge key={d} variant="outline">
              {t(`directory.dimension.${d}`)}
            </Badge>
          ))}
        </Group>
        <Title order={1} mt="xs">
          {o.acronym ? `${o.acronym} – ${o.name}` : o.name}
        </Title>
        <Text c="dimmed">
          {[o.city, o.countryIso2 ? countries.name(o.countryIso2) : null].filter(Boolean).join(', ')}
          {o.parent ? (
            <>
              {' · '}
              <Anchor component={Link} to={`/directory/organisations/${o.parent.id}`}>
                {o.parent.acronym ?? o.parent.name}
              </Anchor>
            </>
          ) : null}
        </Text>
        {o.website ? (
          <Anchor href={o.website} rel="noopener noreferrer">
            {o.website}
          </Anchor>
        ) : null}
      </div>
      {o.mandateSummary ? <Text>{o.mandateSummary}</Text> : null}
      {o.actions.includes('edit') ? (
        <Group>
          <Button component={Link} to={`/directory/organisations/${o.id}/edit`} size="xs" variant="default">
            {t('directory.organisationEditor.edit')}
          </Button>
        </Group>
      ) : null}

      <section aria-labelledby="where">
        <Title order={2} id="where">
          {t('directory.organisation.where')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
          <CountryMap
            label={t('directory.organisation.mapLabel', { name: o.acronym ?? o.name })}
            counts={counts}
            name={countries.name}
            unit={(count) => t('directory.activityCount', { count })}
          />
          <Table aria-label={t('directory.organisation.where')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.search.country')}</Table.Th>
                <Table.Th>{t('directory.kind.activity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.countriesWorkedIn.map((c) => (
                <Table.Tr key={c.iso2}>
                  <Table.Td>{countries.name(c.iso2)}</Table.Td>
                  <Table.Td>{c.activities}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </section>

      <section aria-labelledby="contacts">
        <Group justify="space-between">
          <Title order={2} id="contacts">
            {t('directory.organisation.contacts', { count: o.contactCount })}
          </Title>
          {o.actions.includes('edit') ? (
            <Button component={Link} to="/directory/contacts/new" search={{ organisationId: o.id } as never} size="xs">
              {t('directory.contactEditor.add')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
          {(contacts.data?.items ?? []).map((c) => (
            <ContactCard key={c.id} contact={c} />
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="activities">
        <Group justify="space-between">
          <Title order={2} id="activities">
            {t('directory.organisation.activities', { count: o.activityCount })}
          </Title>
          {o.actions.includes('edit') ? (
            <Button component={Link} to="/directory/activities/new" search={{ organisationId: o.id } as never} size="xs">
              {t('directory.activity.add')}
            </Button>
          ) : null}
        </Group>
        <Stack gap="xs" mt="sm">
          {(activities.data?.items ?? []).map((a) => (
            <ActivityLine key={a.id} activity={a} showOrganisation={false} />
          ))}
        </Stack>
        {activities.data && activities.data.total > 50 ? (
          <Group mt="sm">
            <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
              {t('pager.previous')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={offset + 50 >= activities.data.total}
              onClick={() => setOffset(offset + 50)}
            >
              {t('pager.next')}
            </Button>
          </Group>
        ) : null}
      </section>
    </Stack>
  );
}
