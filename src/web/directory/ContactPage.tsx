import { Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { ActivityLine } from './ActivityLine';
import { ContactCard } from './ContactCard';
import { activitiesQuery, contactQuery, useCompetences, useCountries, useLanguages } from './queries';

function Facts({ label, values }: { label: string; values: string[] }) {
  if (values.length === 0) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {values.join(', ')}
    </Text>
  );
}

/** A contact: how to reach them, what they cover, the activities they are the contact person of. */
export function ContactPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const languages = useLanguages();
  const competences = useCompetences();
  const contact = useQuery(contactQuery(lang, id));
  const activities = useQuery(activitiesQuery(lang, { contactId: id, limit: 50 }));
  usePageTitle(contact.data?.name ?? t('directory.contact.title'));
  const confirm = useMutation({
    mutationFn: () => api.post(`/directory/contacts/${id}/confirm`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/directory/contacts/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      await navigate({ to: '/directory' });
    },
  });
  if (contact.error) return <ProblemAlert error={contact.error} />;
  const c = contact.data;
  if (!c) return <Loader aria-label={t('directory.loading')} />;
  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{c.name}</Title>
      <ContactCard contact={c} heading={2}>
        <Facts label={t('directory.contact.countries')} values={c.countries.map(countries.name)} />
        <Facts
          label={t('directory.contact.keyAreas')}
          values={c.keyAreas.map((k) => t(`directory.keyArea.${k}`, { defaultValue: k }))}
        />
        <Facts label={t('directory.contact.competences')} values={c.competences.map(competences.name)} />
        <Facts label={t('directory.contact.topics')} values={c.topics} />
        <Facts label={t('directory.contact.languages')} values={c.languages.map(languages.name)} />
        <Group gap="xs">
          <Badge variant="outline">{t(`directory.visibility.${c.visibility}`)}</Badge>
          <Text size="sm" c={c.stale ? 'orange' : 'dimmed'}>
            {t('directory.contact.confirmedOn', { date: c.lastConfirmedAt.slice(0, 10) })}
          </Text>
        </Group>
      </ContactCard>
      {c.actions.includes('confirm') ? (
        <Group>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending} color={c.stale ? 'orange' : undefined}>
            {t('directory.contact.confirm')}
          </Button>
          {c.actions.includes('edit') ? (
            <Button component={Link} to={`/directory/contacts/${c.id}/edit`} variant="default">
              {t('directory.contactEditor.edit')}
            </Button>
          ) : null}
          {c.actions.includes('delete') ? (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('directory.contact.delete')}
            </Button>
          ) : null}
          {confirm.isSuccess ? <Text size="sm">{t('directory.contact.confirmed')}</Text> : null}
        </Group>
      ) : null}
      <ProblemAlert error={confirm.error ?? remove.error} />
      <Title order={2}>{t('directory.contact.activities')}</Title>
      <Stack gap="xs">
        {(activities.data?.items ?? []).map((a) => (
          <ActivityLine key={a.id} activity={a} />
        ))}
        {activities.data?.items.length === 0 ? <Text c="dimmed">{t('directory.none')}</Text> : null}
      </Stack>
    </Stack>
  );
}
