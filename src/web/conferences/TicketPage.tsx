import { Alert, Anchor, Button, Checkbox, Image, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { formatLocal, type TicketView, ticketQuery } from './queries';

/** The registrant's ticket: confirmed with its QR code to show at the entrance, or the place on the waiting list. */
export function TicketPage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ strict: false }) as { token: string };
  const lang = useApiLanguage();
  const client = useQueryClient();
  const ticket = useQuery(ticketQuery(token));
  usePageTitle(t('conferences.ticket.title'));
  const cancel = useMutation({
    mutationFn: () => api.post<TicketView>(`/conferences/tickets/${token}/cancel`),
    onSuccess: (updated) => client.setQueryData(ticketQuery(token).queryKey, updated),
  });
  const r = ticket.data;
  if (!r) return <ProblemAlert error={ticket.error} />;
  return (
    <Stack gap="sm" maw={520}>
      <Title order={1}>{t('conferences.ticket.title')}</Title>
      <Text>
        <Anchor component={Link} to={`/conferences/events/${r.event.id}`}>
          {r.event.title}
        </Anchor>
        {' · '}
        {formatLocal(r.event.startsLocal, i18n.language)} ({r.event.timeZone})
      </Text>
      <Alert role="status" color={r.status === 'confirmed' ? 'green' : r.status === 'waiting' ? 'yellow' : 'gray'}>
        {r.status === 'confirmed'
          ? r.checkedInAt
            ? t('conferences.ticket.checkedIn', { name: r.name })
            : t('conferences.ticket.confirmed', { name: r.name })
          : r.status === 'waiting'
            ? t('conferences.ticket.waiting', { name: r.name, position: r.position ?? '' })
            : t('conferences.ticket.cancelled', { name: r.name })}
      </Alert>
      <Text size="sm">{t('conferences.ticket.keep')}</Text>
      {r.qr ? <Image src={r.qr} alt={t('conferences.ticket.qr')} w={240} h={240} /> : null}
      {r.status !== 'cancelled' ? (
        <Anchor href={`/api/conferences/tickets/${r.token}/calendar.ics?lang=${lang}`}>{t('conferences.ticket.calendar')}</Anchor>
      ) : null}
      {r.status !== 'cancelled' ? <OwnSessions ticket={r} /> : null}
      <ProblemAlert error={cancel.error} />
      {r.status !== 'cancelled' ? (
        <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t('conferences.ticket.cancel')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** The sessions the participant will attend, ticked on the agenda: their calendar then holds those (all while none is ticked). */
function OwnSessions({ ticket }: { ticket: TicketView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(() => ticket.sessions.filter((s) => s.chosen).map((s) => s.id));
  const save = useMutation({
    mutationFn: () => api.put<TicketView>(`/conferences/tickets/${ticket.token}/sessions`, { sessionIds: chosen }),
    onSuccess: (updated) => client.setQueryData(ticketQuery(ticket.token).queryKey, updated),
  });
  const problem = fieldError(save.error, '/sessionIds');
  return (
    <Stack gap="xs" component="section" aria-labelledby="own-sessions">
      <Title order={2} size="h4" id="own-sessions">
        {t('conferences.ticket.sessionsTitle')}
      </Title>
      {ticket.sessions.length === 0 ? (
        <Text c="dimmed">{t('conferences.ticket.sessionsEmpty')}</Text>
      ) : (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="xs">
            <Checkbox.Group
              label={t('conferences.ticket.sessionsIntro')}
              value={chosen}
              onChange={(value) => {
                setChosen(value);
                save.reset();
              }}
              error={problem}
            >
              <Stack gap={6} mt="xs">
                {ticket.sessions.map((s) => (
                  <Stack key={s.id} gap={2}>
                    <Checkbox
                      value={s.id}
                      label={`${formatLocal(s.startsLocal, i18n.language)}–${s.endsLocal.split('T')[1]} · ${s.title}${s.room ? ` · ${s.room}` : ''}`}
                    />
                    {s.documents.length > 0 ? (
                      <List size="sm" ml="xl" aria-label={t('conferences.ticket.documentsOf', { session: s.title })}>
                        {s.documents.map((d) => (
                          <List.Item key={d.id}>
                            <Anchor href={d.url}>{d.title}</Anchor>
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Stack>
                ))}
              </Stack>
            </Checkbox.Group>
            <Button type="submit" variant="light" loading={save.isPending}>
              {t('conferences.ticket.saveSessions')}
            </Button>
            {save.isSuccess ? (
              <Text role="status" c="green">
                {t('conferences.ticket.sessionsSaved')}
              </Text>
            ) : null}
            <ProblemAlert error={save.error} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}
