import { Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, KeyAreasPicker } from '../reference/pickers';
import { type RequestDetail, SUBREGIONS } from './queries';

/** Asks the network "who has experience with …?": the members (of a sub-region, if chosen) are told. */
export function AskPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.requests.askTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [keyAreas, setKeyAreas] = useState<string[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [subregion, setSubregion] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const ask = useMutation({
    mutationFn: () =>
      api.post<RequestDetail>('/network/requests', {
        title: title.trim(),
        question: question.trim(),
        keyAreas,
        country,
        subregion,
      }),
    onSuccess: async (request) => {
      await queryClient.invalidateQueries({ queryKey: ['network'] });
      await navigate({ to: `/network/requests/${request.id}` });
    },
  });
  const errorOf = useFieldErrors(ask.error, tried ? { '/title': !title.trim(), '/question': !question.trim() } : {});

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('network.requests.askTitle')}</Title>
      <Text c="dimmed">{t('network.requests.askIntro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (title.trim() && question.trim()) ask.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('network.requests.requestTitle')}
            description={t('network.requests.requestTitleHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorOf('/title')}
            required
          />
          <Textarea
            label={t('network.requests.question')}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={errorOf('/question')}
            autosize
            minRows={4}
            required
          />
          <KeyAreasPicker
            label={t('network.document.keyAreas')}
            value={keyAreas}
            onChange={setKeyAreas}
            error={errorOf('/keyAreas')}
          />
          <Group grow wrap="wrap">
            <CountryPicker
              label={t('network.requests.country')}
              value={country}
              onChange={setCountry}
              error={errorOf('/country')}
            />
            <Select
              label={t('network.requests.tell')}
              placeholder={t('network.notices.everyone')}
              data={SUBREGIONS.map((value) => ({ value, label: t(`network.subregion.${value}`) }))}
              value={subregion}
              onChange={setSubregion}
              error={errorOf('/subregion')}
              clearable
            />
          </Group>
          <ProblemAlert error={ask.error && (ask.error as { errors?: unknown[] }).errors?.length ? null : ask.error} />
          <Group>
            <Button type="submit" loading={ask.isPending}>
              {t('network.requests.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
