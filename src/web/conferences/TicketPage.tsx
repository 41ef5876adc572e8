import { Alert, Anchor, Button, Image, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { formatLocal, type TicketView, ticketQuery } from './queries';

/** The registrant's ticket: confirmed with its QR code to show at the entrance, or the place on the waiting list. */
export function TicketPage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ strict: false }) as { token: string };
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
        <Anchor href={`/api/conferences/tickets/${r.token}/calendar.ics`}>{t('conferences.ticket.calendar')}</Anchor>
      ) : null}
      <ProblemAlert error={cancel.error} />
      {r.status !== 'cancelled' ? (
        <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t('conferences.ticket.cancel')}
        </Button>
      ) : null}
    </Stack>
  );
}
