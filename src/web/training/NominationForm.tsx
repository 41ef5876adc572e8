import { Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { CountryPicker, LanguagesPicker } from '../reference/pickers';
import { AUDIENCES, GENDERS, type SessionView } from './queries';

/** A delegation nominates one of its State's officers for the session, with their consent. */
export function NominationForm({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const only = session.nominateCountries;
  const [country, setCountry] = useState<string | null>(only && only.length === 1 ? (only[0] ?? null) : null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [agency, setAgency] = useState<string | null>(null);
  const [gender, setGender] = useState<string | null>(null);
  const [langs, setLangs] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const missing = {
    '/countryIso2': !country,
    '/name': !name.trim(),
    '/function': !role.trim(),
    '/agencyType': !agency,
    '/gender': !gender,
    '/languages': langs.length === 0,
    '/consent': !consent,
  };
  const save = useMutation({
    mutationFn: () =>
      api.post<SessionView>(`/training/sessions/${session.id}/nominations`, {
        countryIso2: country,
        name: name.trim(),
        email: email.trim() || null,
        function: role.trim(),
        agencyType: agency,
        gender,
        languages: langs,
        consent,
      }),
    onSuccess: async () => {
      setName('');
      setEmail('');
      setRole('');
      setConsent(false);
      setTried(false);
      await client.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  return (
    <Card
      withBorder
      component="form"
      aria-label={t('training.nominate.title')}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!anyMissing(missing)) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('training.nominate.title')}
        </Title>
        <Text size="sm">{t('training.nominate.intro')}</Text>
        {save.isSuccess ? <Text c="green">{t('training.nominate.done')}</Text> : null}
        <ProblemAlert error={save.error} />
        {only && only.length === 1 ? null : (
          <CountryPicker
            label={t('training.fields.country')}
            required
            value={country}
            onChange={setCountry}
            error={errorOf('/countryIso2')}
          />
        )}
        <Group grow>
          <TextInput
            label={t('training.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf('/name')}
          />
          <TextInput
            label={t('training.fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errorOf('/email')}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('training.fields.function')}
            required
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            error={errorOf('/function')}
          />
          <Select
            label={t('training.fields.agencyType')}
            required
            allowDeselect={false}
            data={AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) }))}
            value={agency}
            onChange={setAgency}
            error={errorOf('/agencyType')}
          />
        </Group>
        <Group grow>
          <Select
            label={t('training.fields.gender')}
            required
            allowDeselect={false}
            data={GENDERS.map((g) => ({ value: g, label: t(`training.gender.${g}`) }))}
            value={gender}
            onChange={setGender}
            error={errorOf('/gender')}
          />
          <LanguagesPicker
            label={t('training.fields.languages')}
            required
            value={langs}
            onChange={setLangs}
            error={errorOf('/languages')}
          />
        </Group>
        <Checkbox
          label={t('training.fields.consent')}
          checked={consent}
          onChange={(e) => setConsent(e.currentTarget.checked)}
          error={errorOf('/consent')}
        />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('training.nominate.save')}
        </Button>
      </Stack>
    </Card>
  );
}
