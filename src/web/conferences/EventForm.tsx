import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { LanguagesPicker } from '../reference/pickers';
import { structuresQuery, useApiLanguage } from '../reference/queries';
import { EVENT_KINDS, type EventView } from './queries';

/** A few IANA time zones of the OSCE area, the event's own offered first; any other may be typed. */
const ZONES = [
  'Europe/Vienna',
  'Europe/Warsaw',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/Istanbul',
  'Asia/Almaty',
  'Europe/Kyiv',
  'UTC',
];

/** Creates an event (or changes one): kind, title, organiser, times in a time zone, place, languages, access and places. */
export function EventForm({ event, onDone }: { event?: EventView; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const client = useQueryClient();
  const navigate = useNavigate();
  const structures = useQuery(structuresQuery(lang));
  const [kind, setKind] = useState<string | null>(event?.kind ?? 'expert_conference');
  const [title, setTitle] = useState(event?.title ?? '');
  const [organiserId, setOrganiserId] = useState<string | null>(event?.organiser.id ?? null);
  const [startsAt, setStartsAt] = useState(event?.startsLocal ?? '');
  const [endsAt, setEndsAt] = useState(event?.endsLocal ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(event?.timeZone ?? 'Europe/Vienna');
  const [venue, setVenue] = useState(event?.venue ?? '');
  const [onlineUrl, setOnlineUrl] = useState(event?.onlineUrl ?? '');
  const [languages, setLanguages] = useState<string[]>(event?.languages ?? ['en']);
  const [isPublic, setPublic] = useState(event?.public ?? true);
  const [capacity, setCapacity] = useState<number | string>(event?.capacity ?? 100);
  const [delegationCapacity, setDelegationCapacity] = useState<number | string>(event?.delegationCapacity ?? '');
  const [tried, setTried] = useState(false);
  const missing = {
    '/title': title.trim() === '',
    '/organiserId': !organiserId,
    '/startsAt': startsAt === '',
    '/endsAt': endsAt === '',
    '/languages': languages.length === 0,
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        kind,
        title,
        organiserId,
        startsAt,
        endsAt,
        timeZone,
        venue,
        onlineUrl: onlineUrl.trim() || null,
        languages,
        public: isPublic,
        capacity: Number(capacity),
        delegationCapacity: delegationCapacity === '' ? null : Number(delegationCapacity),
      };
      return event
        ? api.patch<EventView>(`/conferences/events/${event.id}`, body)
        : api.post<EventView>('/conferences/events', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['conferences'] });
      onDone();
      if (!event) await navigate({ to: '/conferences/events/$id', params: { id: saved.id } });
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  const submit = () => {
    setTried(true);
    if (!anyMissing(missing)) save.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Title order={2}>{event ? t('conferences.form.editTitle') : t('conferences.form.title')}</Title>
          <ProblemAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('conferences.fields.kind')}
              required
              data={EVENT_KINDS.map((k) => ({ value: k, label: t(`conferences.kind.${k}`) }))}
              value={kind}
              onChange={setKind}
              error={errorOf('/kind')}
            />
            <TextInput
              label={t('conferences.fields.title')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errorOf('/title')}
            />
            <Select
              label={t('conferences.fields.organiser')}
              required
              searchable
              data={(structures.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={organiserId}
              onChange={setOrganiserId}
              error={errorOf('/organiserId')}
            />
            <Select
              label={t('conferences.fields.timeZone')}
              required
              searchable
              data={[...new Set([...(timeZone ? [timeZone] : []), ...ZONES])]}
              value={timeZone}
              onChange={setTimeZone}
              error={errorOf('/timeZone')}
            />
            <TextInput
              type="datetime-local"
              label={t('conferences.fields.startsAt')}
              required
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              error={errorOf('/startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('conferences.fields.endsAt')}
              required
              value={endsAt}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              error={errorOf('/endsAt')}
            />
            <TextInput
              label={t('conferences.fields.venue')}
              value={venue}
              onChange={(e) => setVenue(e.currentTarget.value)}
              error={errorOf('/venue')}
            />
            <TextInput
              label={t('conferences.fields.onlineUrl')}
              value={onlineUrl}
              onChange={(e) => setOnlineUrl(e.currentTarget.value)}
              error={errorOf('/onlineUrl')}
            />
            <LanguagesPicker
              label={t('conferences.fields.languages')}
              required
              value={languages}
              onChange={setLanguages}
              error={errorOf('/languages')}
            />
            <NumberInput
              label={t('conferences.fields.capacity')}
              required
              min={1}
              value={capacity}
              onChange={setCapacity}
              error={errorOf('/capacity')}
            />
            <NumberInput
              label={t('conferences.fields.delegationCapacity')}
              description={t('conferences.form.delegationHint')}
              min={1}
              value={delegationCapacity}
              onChange={setDelegationCapacity}
              error={errorOf('/delegationCapacity')}
            />
            <Switch
              label={t('conferences.fields.public')}
              description={t('conferences.form.publicHint')}
              checked={isPublic}
              onChange={(e) => setPublic(e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('conferences.form.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
