import { Alert, Anchor, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementBody } from '../../server/incidents/rhetoric/schemas.js';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker } from '../reference/pickers';
import { MEDIA, SPEAKER_ROLES } from './rhetoric-queries';

const EMPTY = {
  statedOn: '',
  country: null as string | null,
  speakerRole: null as string | null,
  medium: null as string | null,
  link: '',
  words: '',
  context: '',
};

/** A reporter records a public statement: the speaker by role only, the words, where and when. */
export function RhetoricFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.rhetoric.formTitle'));
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/incidents/rhetoric', {
        statedOn: form.statedOn,
        country: form.country ?? '',
        speakerRole: form.speakerRole as StatementBody['speakerRole'],
        medium: form.medium as StatementBody['medium'],
        link: form.link.trim() || null,
        words: form.words,
        context: form.context,
      } satisfies StatementBody),
    onSuccess: () => {
      setForm(EMPTY);
      setTried(false);
      void client.invalidateQueries({ queryKey: ['incidents', 'rhetoric'] });
    },
  });
  const missing = {
    '/statedOn': form.statedOn === '',
    '/country': !form.country,
    '/speakerRole': !form.speakerRole,
    '/medium': !form.medium,
    '/words': form.words.trim() === '',
  };
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/incidents/rhetoric">
        {t('incidents.rhetoric.title')}
      </Anchor>
      <Title order={1}>{t('incidents.rhetoric.formTitle')}</Title>
      <Text>{t('incidents.rhetoric.formIntro')}</Text>
      {save.isSuccess ? (
        <Alert color="green" title={t('incidents.rhetoric.recorded')} role="status">
          {t('incidents.rhetoric.recordedText')}
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('incidents.rhetoric.fields.statedOn')}
            required
            value={form.statedOn}
            onChange={(e) => set({ statedOn: e.currentTarget.value })}
            error={errorOf('/statedOn')}
          />
          <CountryPicker
            label={t('incidents.fields.country')}
            required
            value={form.country}
            onChange={(country) => set({ country })}
            error={errorOf('/country')}
          />
          <Select
            label={t('incidents.rhetoric.fields.speakerRole')}
            description={t('incidents.rhetoric.fields.speakerRoleHelp')}
            required
            data={SPEAKER_ROLES.map((r) => ({ value: r, label: t(`incidents.rhetoric.role.${r}`) }))}
            value={form.speakerRole}
            onChange={(speakerRole) => set({ speakerRole })}
            error={errorOf('/speakerRole')}
          />
          <Select
            label={t('incidents.rhetoric.fields.medium')}
            required
            data={MEDIA.map((m) => ({ value: m, label: t(`incidents.rhetoric.medium.${m}`) }))}
            value={form.medium}
            onChange={(medium) => set({ medium })}
            error={errorOf('/medium')}
          />
          <TextInput
            label={t('incidents.rhetoric.fields.link')}
            value={form.link}
            onChange={(e) => set({ link: e.currentTarget.value })}
            error={errorOf('/link')}
          />
          <Textarea
            label={t('incidents.rhetoric.fields.words')}
            required
            autosize
            minRows={3}
            value={form.words}
            onChange={(e) => set({ words: e.currentTarget.value })}
            error={errorOf('/words')}
          />
          <Textarea
            label={t('incidents.rhetoric.fields.context')}
            autosize
            minRows={2}
            value={form.context}
            onChange={(e) => set({ context: e.currentTarget.value })}
            error={errorOf('/context')}
          />
          <ProblemAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('incidents.rhetoric.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
