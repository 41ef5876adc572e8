import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames, useLanguageNames } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { Agenda } from './Agenda';
import { EventForm } from './EventForm';
import { Outcome } from './Outcome';
import { type EventView, eventQuery, formatLocal, participantsQuery, registrationsQuery, statisticsQuery } from './queries';

/** One event: when and where, its agenda and who takes part; its organiser also edits it, invites, sees everyone and records the outcome. */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const lang = useApiLanguage();
  const countries = useCountryNames();
  const { id } = useParams({ strict: false }) as { id: string };
  const event = useQuery(eventQuery(id));
  usePageTitle(event.data?.title ?? t('conferences.list.title'));
  const languages = useLanguageNames();
  const [editing, setEditing] = useState(false);
  const e = event.data;
  if (!e) return <ProblemAlert error={event.error} />;
  const manages = e.actions.includes('manage');
  return (
    <Stack gap="md">
      <Title order={1}>{e.title}</Title>
      <Group gap="xs">
        <Badge>{t(`conferences.kind.${e.kind}`)}</Badge>
        <Badge variant="light">{e.public ? t('conferences.public') : t('conferences.restricted')}</Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {t('conferences.fields.organiser')}: {e.organiser.name}
          </Text>
          <Text>
            {formatLocal(e.startsLocal, i18n.language)} – {formatLocal(e.endsLocal, i18n.language)} ({e.timeZone})
          </Text>
          <Text>
            {t('conferences.fields.venue')}: {e.venue || t('conferences.online')}
          </Text>
          {e.onlineUrl ? (
            <Anchor href={e.onlineUrl} target="_blank" rel="noreferrer">
              {t('conferences.fields.onlineUrl')}
            </Anchor>
          ) : null}
          <Text>
            {t('conferences.fields.languages')}: {e.languages.map((l) => languages.name(l)).join(', ')}
          </Text>
          <Text data-testid="places">
            {t('conferences.places', { confirmed: e.confirmed, capacity: e.capacity })}
            {e.waiting > 0 ? ` · ${t('conferences.waitingCount', { n: e.waiting })}` : ''}
          </Text>
        </Stack>
      </Paper>
      <Group>
        {e.actions.includes('register') ? (
          <Button component={Link} to={`/conferences/events/${e.id}/register`}>
            {t('conferences.register.open')}
          </Button>
        ) : null}
        <Anchor href={`/api/conferences/events/${e.id}/calendar.ics?lang=${lang}`}>{t('conferences.calendar')}</Anchor>
        <Anchor href={`/api/conferences/events/${e.id}/agenda.pdf?lang=${lang}`}>{t('conferences.exports.agenda')}</Anchor>
        {e.letters.map((letter) => (
          <Anchor key={letter.url} href={letter.url}>
            {t('conferences.invitation.letter', { invitee: letter.state ? countries.name(letter.state) : letter.invitee })}
          </Anchor>
        ))}
        {manages ? (
          <>
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('conferences.form.edit')}
            </Button>
            <Button variant="light" component={Link} to={`/conferences/events/${e.id}/invitation`}>
              {t('conferences.invitation.open')}
            </Button>
          </>
        ) : null}
      </Group>
      {editing ? <EventForm event={e} onDone={() => setEditing(false)} /> : null}
      <Agenda event={e} manages={manages} />
      <Participants eventId={e.id} />
      {manages ? <Organiser event={e} /> : null}
      <Outcome event={e} manages={manages} />
    </Stack>
  );
}

function Participants({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const list = useQuery(participantsQuery(eventId));
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={2}>{t('conferences.participants.title')}</Title>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <EmptyState message={t('conferences.participants.empty')} /> : null}
      <List>
        {items.map((p) => (
          <List.Item key={`${p.name}-${p.organisation}-${p.countryIso2 ?? ''}`}>
            {p.name}, {p.function}, {p.organisation}
            {p.countryIso2 ? ` (${countries.name(p.countryIso2)})` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Organiser({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const registrations = useQuery(registrationsQuery(event.id));
  const stats = useQuery(statisticsQuery(event.id));
  const items = registrations.data?.items ?? [];
  const s = stats.data;
  return (
    <Stack gap="xs">
      <Title order={2}>{t('conferences.registrations.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('conferences.registrations.audited')}
      </Text>
      <ProblemAlert error={registrations.error ?? stats.error} />
      {registrations.data && items.length === 0 ? <EmptyState message={t('conferences.registrations.empty')} /> : null}
      {items.length > 0 ? (
        <Group gap="md">
          <Anchor href={`/api/conferences/events/${event.id}/registrations/export?format=csv`}>
            {t('conferences.registrations.csv')}
          </Anchor>
          <Anchor href={`/api/conferences/events/${event.id}/registrations/export?format=xlsx`}>
            {t('conferences.registrations.xlsx')}
          </Anchor>
          <Anchor href={`/api/conferences/events/${event.id}/badges.pdf`}>{t('conferences.exports.badges')}</Anchor>
          <Anchor href={`/api/conferences/events/${event.id}/statistics/export?format=csv`}>
            {t('conferences.exports.statisticsCsv')}
          </Anchor>
          <Anchor href={`/api/conferences/events/${event.id}/statistics/export?format=xlsx`}>
            {t('conferences.exports.statisticsXlsx')}
          </Anchor>
        </Group>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label={t('conferences.registrations.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conferences.fields.name')}</Table.Th>
                <Table.Th>{t('conferences.fields.organisation')}</Table.Th>
                <Table.Th>{t('conferences.fields.country')}</Table.Th>
                <Table.Th>{t('conferences.fields.status')}</Table.Th>
                <Table.Th>{t('conferences.fields.needs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.name}
                    <Text size="xs" c="dimmed">
                      {r.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.organisation}</Table.Td>
                  <Table.Td>{r.countryIso2 ? countries.name(r.countryIso2) : '—'}</Table.Td>
                  <Table.Td>
                    {t(`conferences.status.${r.status}`)}
                    {r.checkedIn ? ` · ${t('conferences.checkedIn')}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {[r.accessibility, r.dietary, r.visaLetter ? t('conferences.fields.visaLetter') : '']
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {s && s.confirmed > 0 ? (
        <Paper withBorder p="sm">
          <Stack gap={4}>
            <Title order={3}>{t('conferences.statistics.title')}</Title>
            <Text>
              {t('conferences.statistics.summary', { confirmed: s.confirmed, waiting: s.waiting, checkedIn: s.checkedIn })}
            </Text>
            <Text>{t('conferences.statistics.vienna', { east: s.eastOfVienna, west: s.westOfVienna })}</Text>
            {s.balanceIndex !== null ? (
              <Text>{t('conferences.statistics.balance', { index: s.balanceIndex.toFixed(2) })}</Text>
            ) : null}
            <Text>
              {t('conferences.statistics.byState')}: {s.byState.map((c) => `${countries.name(c.key)} ${c.count}`).join(', ')}
            </Text>
            <Text>
              {t('conferences.statistics.byType')}:{' '}
              {s.byOrganisationType
                .map(
                  (c) =>
                    `${t(`conferences.organisationType.${c.key}`, { defaultValue: t('conferences.organisationType.other') })} ${c.count}`,
                )
                .join(', ')}
            </Text>
            <Text>
              {t('conferences.statistics.byGender')}:{' '}
              {s.byGender
                .filter((c) => c.count > 0)
                .map((c) => `${t(`conferences.gender.${c.key}`)} ${c.count}`)
                .join(', ')}
            </Text>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
