import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { LanguagePicker, useCountryNames, useKeyAreaNames } from '../reference/pickers';
import { MessageCard, ReplyForm } from './Discussion';
import { requestQuery } from './queries';

/** One request for assistance: its answers, a form to answer, and for its asker the best answer and saving it to the library. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const request = useQuery(requestQuery(id));
  usePageTitle(request.data?.title ?? t('network.requests.title'));
  const countries = useCountryNames();
  const keyAreas = useKeyAreaNames();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['network'] });
  const [language, setLanguage] = useState<string | null>(i18n.language.slice(0, 2));
  const choose = useMutation({
    mutationFn: (answerId: string) => api.put(`/network/requests/${id}/best-answer`, { answerId }),
    onSuccess: refresh,
  });
  const save = useMutation({
    mutationFn: () => api.post(`/network/requests/${id}/library`, { language }),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['library'] });
    },
  });
  const saveErrorOf = useFieldErrors(save.error, {});
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (request.isPending) return <Loader aria-label={t('app.loading')} />;
  if (!request.data) return <ProblemAlert error={request.error} />;
  const r = request.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/network/requests" size="sm">
        {t('network.requests.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{r.title}</Title>
        <Badge color={r.status === 'resolved' ? 'green' : 'blue'}>{t(`network.requests.statuses.${r.status}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {r.author ?? '—'} · {when.format(new Date(r.createdAt))}
        {r.country ? ` · ${countries.name(r.country)}` : ''}
        {r.keyAreas.length > 0 ? ` · ${r.keyAreas.map((k) => keyAreas.name(k)).join(', ')}` : ''}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{r.question}</Text>
      {r.documentId ? (
        <Alert color="green" role="status">
          <Anchor component={Link} to={`/library/documents/${r.documentId}`}>
            {t('network.requests.inLibrary')}
          </Anchor>
        </Alert>
      ) : null}
      {r.actions.includes('save_to_library') ? (
        <Card withBorder padding="sm">
          <Stack gap="xs" maw={480}>
            <Text size="sm">{t('network.requests.saveIntro')}</Text>
            <LanguagePicker
              label={t('network.requests.saveLanguage')}
              value={language}
              onChange={setLanguage}
              error={saveErrorOf('/language')}
              required
            />
            <ProblemAlert error={save.error && (save.error as { errors?: unknown[] }).errors?.length ? null : save.error} />
            <Group>
              <Button onClick={() => language && save.mutate()} loading={save.isPending} disabled={!language}>
                {t('network.requests.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
      <Title order={2} size="h3">
        {t('network.requests.answers', { count: r.answerList.length })}
      </Title>
      {r.answerList.length === 0 ? <Text c="dimmed">{t('network.requests.noAnswers')}</Text> : null}
      <ProblemAlert error={choose.error} />
      {r.answerList.map((a) => (
        <Stack key={a.id} gap={4}>
          <MessageCard
            byline={`${a.author ?? '—'}${a.country ? ` (${countries.name(a.country)})` : ''}`}
            at={a.createdAt}
            badge={a.best ? <Badge color="green">{t('network.requests.best')}</Badge> : null}
            highlight={a.best}
          >
            {a.body}
          </MessageCard>
          {r.actions.includes('choose_best') && !a.best && !r.documentId ? (
            <Group>
              <Button size="xs" variant="default" onClick={() => choose.mutate(a.id)} loading={choose.isPending}>
                {t('network.requests.chooseBest')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ))}
      {r.actions.includes('answer') ? (
        <ReplyForm
          path={`/network/requests/${id}/answers`}
          label={t('network.requests.yourAnswer')}
          submit={t('network.requests.sendAnswer')}
          primary
          minRows={3}
        />
      ) : null}
    </Stack>
  );
}
