import { Alert, Badge, Button, Group, List, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { ContactCard } from './ContactCard';
import { KEY_AREAS, type Recommendation, useCountries, useLanguages, whomToCallQuery } from './queries';

const MATCH_COLOURS = { full: 'green', topic_only: 'blue', country_only: 'gray' } as const;

function Result({ result, countryName }: { result: Recommendation; countryName: string }) {
  const { t } = useTranslation();
  return (
    <ContactCard contact={result.contact}>
      <Group gap="xs">
        <Badge color={MATCH_COLOURS[result.match]} variant="light">
          {t(`directory.whom.match.${result.match}`, { country: countryName })}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('directory.whom.score', { score: result.score })}
        </Text>
      </Group>
      <Text size="sm" fw={600}>
        {t('directory.whom.why')}
      </Text>
      <List size="sm" spacing={2}>
        {result.reasons.map((reason) => (
          <List.Item key={reason.code}>
            {t(`directory.whom.reason.${reason.code}`, {
              values: reason.values.join(', '),
              count: reason.values.length,
              country: countryName,
            })}{' '}
            <Text span size="xs" c="dimmed">
              ({reason.points > 0 ? '+' : ''}
              {reason.points})
            </Text>
          </List.Item>
        ))}
      </List>
      {result.activities.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('directory.whom.activities')}
          </Text>
          <List size="sm" spacing={2}>
            {result.activities.map((a) => (
              <List.Item key={a.id}>
                {a.title} — {t(`directory.status.${a.status}`)}
                {a.startDate ? ` (${a.startDate}${a.endDate ? ` – ${a.endDate}` : ''})` : ''}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </ContactCard>
  );
}

/** "Whom do I call?": a topic and a country in, the right people out, each with the reasons. */
export function WhomToCallPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.whom.title'));
  const lang = useApiLanguage();
  const countries = useCountries();
  const languages = useLanguages();
  const [form, setForm] = useState({ topic: '', keyArea: '', country: '', language: '' });
  const [asked, setAsked] = useState<typeof form | null>(null);
  const answer = useQuery(
    whomToCallQuery(
      lang,
      {
        topic: asked?.topic || undefined,
        keyArea: asked?.keyArea || undefined,
        country: asked?.country,
        language: asked?.language || undefined,
      },
      asked !== null,
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.country && (form.topic.trim() || form.keyArea)) setAsked({ ...form, topic: form.topic.trim() });
  };
  const countryName = asked ? countries.name(asked.country) : '';
  const incomplete = !form.country || (!form.topic.trim() && !form.keyArea);

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>{t('directory.whom.title')}</Title>
        <Text mt={4}>{t('directory.whom.intro')}</Text>
      </div>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-label={t('directory.whom.form')}>
        <Stack>
          <TextInput
            label={t('directory.whom.topic')}
            description={t('directory.whom.topicHelp')}
            value={form.topic}
            onChange={(e) => setForm({ ...form, topic: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('directory.whom.keyArea')}
            value={form.keyArea}
            onChange={(e) => setForm({ ...form, keyArea: e.currentTarget.value })}
            data={[
              { value: '', label: t('directory.whom.anyKeyArea') },
              ...KEY_AREAS.map((k) => ({ value: k, label: t(`directory.keyArea.${k}`) })),
            ]}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('directory.whom.country')}
              required
              value={form.country}
              onChange={(e) => setForm({ ...form, country: e.currentTarget.value })}
              data={[
                { value: '', label: t('directory.whom.chooseCountry') },
                ...countries.list.map((c) => ({ value: c.iso2, label: c.name })),
              ]}
            />
            <NativeSelect
              label={t('directory.whom.language')}
              value={form.language}
              onChange={(e) => setForm({ ...form, language: e.currentTarget.value })}
              data={[
                { value: '', label: t('directory.whom.anyLanguage') },
                ...languages.list.map((l) => ({ value: l.code, label: l.name })),
              ]}
            />
          </Group>
          <Group>
            <Button type="submit" disabled={incomplete}>
              {t('directory.whom.submit')}
            </Button>
            {incomplete ? (
              <Text size="sm" c="dimmed">
                {t('directory.whom.needs')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      <ProblemAlert error={answer.error} />
      {answer.isFetching ? <Loader aria-label={t('directory.loading')} /> : null}
      {answer.data ? (
        <Stack gap="md" aria-live="polite">
          <Title order={2}>{t('directory.whom.results', { count: answer.data.results.length, country: countryName })}</Title>
          {answer.data.keyAreas.length + answer.data.competences.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('directory.whom.understood', {
                topics: answer.data.keyAreas.map((k) => t(`directory.keyArea.${k}`, { defaultValue: k })).join(', ') || '—',
              })}
            </Text>
          ) : null}
          {answer.data.fallback ? (
            <Alert color="blue" title={t('directory.whom.fallbackTitle')}>
              <Stack gap="sm">
                <Text size="sm">{t('directory.whom.fallback')}</Text>
                {answer.data.fallback.contact ? <ContactCard contact={answer.data.fallback.contact} /> : null}
              </Stack>
            </Alert>
          ) : null}
          {answer.data.results.map((result) => (
            <Result key={result.contact.id} result={result} countryName={countryName} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
