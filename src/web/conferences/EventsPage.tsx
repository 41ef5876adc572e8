import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { EventForm } from './EventForm';
import { EVENT_KINDS, eventsQuery, formatLocal } from './queries';

/** Events, soonest first, by kind, period and words; an organiser creates new ones. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('conferences.list.title'));
  const [kind, setKind] = useState<string | null>(null);
  const [when, setWhen] = useState<string | null>('upcoming');
  const [words, setWords] = useState('');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const events = useQuery(eventsQuery({ kind, when, q: words, offset }));
  const items = events.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('conferences.list.title')}</Title>
      <Text>{t('conferences.list.intro')}</Text>
      <ProblemAlert error={events.error} />
      <Group align="end">
        <Select
          label={t('conferences.fields.kind')}
          clearable
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`conferences.kind.${k}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setOffset(0);
          }}
        />
        <Select
          label={t('conferences.list.when')}
          clearable
          data={[
            { value: 'upcoming', label: t('conferences.list.upcoming') },
            { value: 'past', label: t('conferences.list.past') },
          ]}
          value={when}
          onChange={(value) => {
            setWhen(value);
            setOffset(0);
          }}
        />
        <TextInput
          label={t('conferences.list.search')}
          value={words}
          onChange={(e) => {
            setWords(e.currentTarget.value);
            setOffset(0);
          }}
        />
      </Group>
      {events.data?.canCreate && !creating ? (
        <Button w="fit-content" onClick={() => setCreating(true)}>
          {t('conferences.form.open')}
        </Button>
      ) : null}
      {creating ? <EventForm onDone={() => setCreating(false)} /> : null}
      {events.data && items.length === 0 ? <EmptyState message={t('conferences.list.empty')} /> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t('conferences.list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conferences.fields.title')}</Table.Th>
                <Table.Th>{t('conferences.fields.kind')}</Table.Th>
                <Table.Th>{t('conferences.fields.startsAt')}</Table.Th>
                <Table.Th>{t('conferences.fields.venue')}</Table.Th>
                <Table.Th>{t('conferences.fields.places')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/conferences/events/${event.id}`}>
                      {event.title}
                    </Anchor>{' '}
                    {event.public ? null : <Badge variant="light">{t('conferences.restricted')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`conferences.kind.${event.kind}`)}</Table.Td>
                  <Table.Td>
                    {formatLocal(event.startsLocal, i18n.language)} ({event.timeZone})
                  </Table.Td>
                  <Table.Td>{event.venue || t('conferences.online')}</Table.Td>
                  <Table.Td>{t('conferences.places', { confirmed: event.confirmed, capacity: event.capacity })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {events.data ? (
        <Pager
          total={events.data.total}
          limit={events.data.limit}
          offset={events.data.offset}
          onChange={setOffset}
          label={t('conferences.list.title')}
        />
      ) : null}
    </Stack>
  );
}
