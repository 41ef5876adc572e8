import { Button, Checkbox, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { PersonPicker } from './PersonPicker';
import { type EventView, formatLocal, type SessionPerson, type SessionPersonInput, type SessionView } from './queries';
import { AttachDocument, Documents } from './SessionDocuments';

type Role = SessionPerson['role'];
const ROLES: readonly Role[] = ['moderator', 'speaker'];

/** A moderator or speaker as the editor holds them until the session is saved. */
interface Draft {
  /** Tells the rows apart while the list is edited. */
  key: number;
  role: Role;
  kind: SessionPerson['kind'];
  contactId?: string;
  expertId?: string;
  name: string;
  affiliation: string;
  announced: boolean;
}

let drafts = 0;
const nextKey = () => ++drafts;

function draftOf(p: SessionPerson): Draft {
  return {
    key: nextKey(),
    role: p.role,
    kind: p.kind,
    ...(p.contactId ? { contactId: p.contactId } : {}),
    ...(p.expertId ? { expertId: p.expertId } : {}),
    name: p.name ?? '',
    affiliation: p.affiliation,
    announced: p.announced,
  };
}

function inputOf(d: Draft): SessionPersonInput {
  if (d.contactId) return { role: d.role, contactId: d.contactId, announced: d.announced };
  if (d.expertId) return { role: d.role, expertId: d.expertId, announced: d.announced };
  return { role: d.role, name: d.name, affiliation: d.affiliation };
}

/** The agenda of an event: its sessions with their people and documents; its organiser adds, edits and removes them. */
export function Agenda({ event, manages }: { event: EventView; manages: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2}>{t('conferences.agenda.title')}</Title>
      {event.sessions.length === 0 ? <Text c="dimmed">{t('conferences.agenda.empty')}</Text> : null}
      <Stack
        gap="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('conferences.agenda.title')}
      >
        {event.sessions.map((s) => (
          <SessionItem key={s.id} event={event} session={s} manages={manages} />
        ))}
      </Stack>
      {manages ? (
        <Paper withBorder p="sm">
          <Title order={3} size="h4" mb="xs">
            {t('conferences.agenda.newSession')}
          </Title>
          <SessionForm event={event} />
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The people of a session as the reader may see them: the moderators, then the speakers. */
function PeopleLines({ people }: { people: readonly SessionPerson[] }) {
  const { t } = useTranslation();
  const nameOf = (p: SessionPerson) =>
    p.name === null
      ? t(`conferences.agenda.unnamed.${p.role}.${p.kind}`)
      : p.affiliation
        ? `${p.name} (${p.affiliation})`
        : p.name;
  return (
    <>
      {ROLES.map((role) => {
        const names = people.filter((p) => p.role === role).map(nameOf);
        return names.length ? (
          <Text size="sm" key={role}>
            {t(`conferences.agenda.line.${role}`, { names: names.join(', ') })}
          </Text>
        ) : null;
      })}
    </>
  );
}

function SessionItem({ event, session, manages }: { event: EventView; session: SessionView; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/conferences/events/${event.id}/sessions/${session.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
  return (
    <li>
      <Paper withBorder p="sm">
        <Stack gap={4}>
          <Text fw={600}>{session.title}</Text>
          <Text size="sm">
            {formatLocal(session.startsLocal, i18n.language)} – {session.endsLocal.slice(11)}
            {session.room ? ` · ${session.room}` : ''}
          </Text>
          <PeopleLines people={session.people} />
          <Documents event={event} session={session} manages={manages} />
          {manages ? (
            <>
              <ProblemAlert error={remove.error} />
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  aria-label={t('conferences.agenda.edit', { title: session.title })}
                  onClick={() => setEditing((v) => !v)}
                >
                  {t('conferences.agenda.editShort')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('conferences.agenda.delete', { title: session.title })}
                  loading={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  {t('conferences.agenda.deleteShort')}
                </Button>
              </Group>
              {editing ? <SessionForm event={event} session={session} onDone={() => setEditing(false)} /> : null}
              <AttachDocument event={event} session={session} />
            </>
          ) : null}
        </Stack>
      </Paper>
    </li>
  );
}

function SessionForm({ event, session, onDone }: { event: EventView; session?: SessionView; onDone?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState(session?.title ?? '');
  const [startsAt, setStartsAt] = useState(session?.startsLocal ?? event.startsLocal);
  const [endsAt, setEndsAt] = useState(session?.endsLocal ?? event.startsLocal);
  const [room, setRoom] = useState(session?.room ?? '');
  const [people, setPeople] = useState<Draft[]>((session?.people ?? []).map(draftOf));
  const [role, setRole] = useState<Role>('speaker');
  const [guest, setGuest] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [guestTried, setGuestTried] = useState(false);
  const body = () => ({ title, startsAt, endsAt, room, people: people.map(inputOf) });
  const save = useMutation({
    mutationFn: () =>
      session
        ? api.put(`/conferences/events/${event.id}/sessions/${session.id}`, body())
        : api.post(`/conferences/events/${event.id}/sessions`, body()),
    onSuccess: async () => {
      if (!session) {
        setTitle('');
        setPeople([]);
      }
      await client.invalidateQueries({ queryKey: ['conferences'] });
      onDone?.();
    },
  });
  const errorOf = useFieldErrors(save.error);
  const update = (i: number, change: Partial<Draft>) =>
    setPeople((all) => all.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const addGuest = () => {
    setGuestTried(true);
    if (!guest.trim()) return;
    setPeople((all) => [
      ...all,
      { key: nextKey(), role, kind: 'guest', name: guest.trim(), affiliation: affiliation.trim(), announced: false },
    ]);
    setGuest('');
    setAffiliation('');
    setGuestTried(false);
  };
  const roleLabel = (r: Role) => t(`conferences.agenda.role.${r}`);
  return (
    <form
      aria-label={session ? t('conferences.agenda.edit', { title: session.title }) : t('conferences.agenda.newSession')}
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('conferences.agenda.session')}
            required
            value={title}
            onChange={(ev) => setTitle(ev.currentTarget.value)}
            error={errorOf('/title')}
          />
          <TextInput label={t('conferences.agenda.room')} value={room} onChange={(ev) => setRoom(ev.currentTarget.value)} />
          <TextInput
            type="datetime-local"
            label={t('conferences.fields.startsAt')}
            value={startsAt}
            onChange={(ev) => setStartsAt(ev.currentTarget.value)}
            error={errorOf('/startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('conferences.fields.endsAt')}
            value={endsAt}
            onChange={(ev) => setEndsAt(ev.currentTarget.value)}
            error={errorOf('/endsAt')}
          />
        </SimpleGrid>
        <Text fw={500}>{t('conferences.agenda.people')}</Text>
        {people.length === 0 ? <Text c="dimmed">{t('conferences.agenda.noPeople')}</Text> : null}
        <Stack
          gap={4}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('conferences.agenda.people')}
        >
          {people.map((p, i) => (
            <li key={p.key}>
              <Group gap="xs" align="center">
                <Select
                  aria-label={t('conferences.agenda.roleOf', { name: p.name })}
                  w={140}
                  size="xs"
                  data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                  value={p.role}
                  allowDeselect={false}
                  onChange={(r) => r && update(i, { role: r as Role })}
                />
                <Text size="sm">
                  {p.affiliation ? `${p.name} (${p.affiliation})` : p.name} · {t(`conferences.agenda.from.${p.kind}`)}
                </Text>
                {p.kind !== 'guest' ? (
                  <Checkbox
                    size="xs"
                    label={t('conferences.agenda.announce')}
                    checked={p.announced}
                    onChange={(ev) => update(i, { announced: ev.currentTarget.checked })}
                  />
                ) : null}
                <CloseButton
                  size="sm"
                  aria-label={t('conferences.agenda.removePerson', { name: p.name })}
                  onClick={() => setPeople((all) => all.filter((_, j) => j !== i))}
                />
              </Group>
              {errorOf(`/people/${i}`) ? (
                <Text size="xs" c="red">
                  {errorOf(`/people/${i}`)}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          {t('conferences.agenda.announceHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('conferences.agenda.nextRole')}
            data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={role}
            allowDeselect={false}
            onChange={(r) => r && setRole(r as Role)}
          />
          <PersonPicker
            eventId={event.id}
            label={t('conferences.agenda.find')}
            onPick={(c) =>
              setPeople((all) => [
                ...all,
                {
                  key: nextKey(),
                  role,
                  kind: c.kind,
                  ...(c.kind === 'contact' ? { contactId: c.id } : { expertId: c.id }),
                  name: c.name,
                  affiliation: c.organisation,
                  announced: false,
                },
              ])
            }
          />
          <TextInput
            label={t('conferences.agenda.guestName')}
            value={guest}
            onChange={(ev) => setGuest(ev.currentTarget.value)}
            error={guestTried && !guest.trim() ? t('form.required') : undefined}
          />
          <TextInput
            label={t('conferences.agenda.guestAffiliation')}
            value={affiliation}
            onChange={(ev) => setAffiliation(ev.currentTarget.value)}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button variant="light" onClick={addGuest}>
            {t('conferences.agenda.addGuest')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {session ? t('conferences.agenda.save') : t('conferences.agenda.add')}
          </Button>
          {onDone ? (
            <Button variant="subtle" onClick={onDone}>
              {t('conferences.agenda.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
