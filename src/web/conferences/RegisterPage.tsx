import { Anchor, Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker } from '../reference/pickers';
import { eventQuery, formatLocal, GENDERS, type Gender, type TicketView } from './queries';

/** The registration form of an event, one column wide so that it fills a phone's screen. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const event = useQuery(eventQuery(id));
  usePageTitle(t('conferences.register.title'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState('');
  const [accessibility, setAccessibility] = useState('');
  const [dietary, setDietary] = useState('');
  const [visaLetter, setVisaLetter] = useState(false);
  const [listed, setListed] = useState(false);
  const [gender, setGender] = useState<Gender | null>(null);
  const [tried, setTried] = useState(false);
  const missing = {
    '/name': name.trim() === '',
    '/email': email.trim() === '',
    '/organisationName': organisation.trim() === '',
    '/function': role.trim() === '',
  };
  const save = useMutation({
    mutationFn: () =>
      api.post<TicketView>(`/conferences/events/${id}/registrations`, {
        name,
        email: email.trim(),
        countryIso2: country,
        organisationName: organisation,
        function: role,
        accessibility,
        dietary,
        visaLetter,
        listed,
        gender,
      }),
    onSuccess: (ticket) => navigate({ to: '/conferences/tickets/$token', params: { token: ticket.token } }),
  });
  const errorOf = useFieldErrors(save.error, tried ? missing : {});
  // The fields' labels, by the pointer the server names them with: the alert lists refusals by them.
  const labels = {
    '/name': t('conferences.fields.name'),
    '/email': t('conferences.fields.email'),
    '/countryIso2': t('conferences.fields.delegation'),
    '/organisationName': t('conferences.fields.organisation'),
    '/function': t('conferences.fields.function'),
    '/accessibility': t('conferences.fields.accessibility'),
    '/dietary': t('conferences.fields.dietary'),
    '/gender': t('conferences.fields.gender'),
  };
  const e = event.data;
  return (
    <Stack gap="sm" maw={520}>
      <Title order={1}>{t('conferences.register.title')}</Title>
      <ProblemAlert error={event.error} />
      {e ? (
        <Text>
          <Anchor component={Link} to={`/conferences/events/${id}`}>
            {e.title}
          </Anchor>
          {' · '}
          {formatLocal(e.startsLocal, i18n.language)} ({e.timeZone}) · {e.venue || t('conferences.online')}
        </Text>
      ) : null}
      <form
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          setTried(true);
          if (!anyMissing(missing)) save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error} fields={labels} />
          <TextInput
            label={labels['/name']}
            required
            autoComplete="name"
            value={name}
            onChange={(ev) => setName(ev.currentTarget.value)}
            error={errorOf('/name')}
          />
          <TextInput
            label={labels['/email']}
            required
            type="email"
            autoComplete="email"
            value={email}
            onChange={(ev) => setEmail(ev.currentTarget.value)}
            error={errorOf('/email')}
          />
          <CountryPicker label={labels['/countryIso2']} value={country} onChange={setCountry} error={errorOf('/countryIso2')} />
          <TextInput
            label={labels['/organisationName']}
            required
            autoComplete="organization"
            value={organisation}
            onChange={(ev) => setOrganisation(ev.currentTarget.value)}
            error={errorOf('/organisationName')}
          />
          <TextInput
            label={labels['/function']}
            required
            autoComplete="organization-title"
            value={role}
            onChange={(ev) => setRole(ev.currentTarget.value)}
            error={errorOf('/function')}
          />
          <Textarea
            label={labels['/accessibility']}
            value={accessibility}
            onChange={(ev) => setAccessibility(ev.currentTarget.value)}
            error={errorOf('/accessibility')}
          />
          <Textarea
            label={labels['/dietary']}
            value={dietary}
            onChange={(ev) => setDietary(ev.currentTarget.value)}
            error={errorOf('/dietary')}
          />
          <Radio.Group
            label={labels['/gender']}
            description={t('conferences.fields.genderHint')}
            value={gender}
            onChange={(value) => setGender(value as Gender)}
            error={errorOf('/gender')}
          >
            <Group gap="md" mt={4}>
              {GENDERS.map((g) => (
                <Radio key={g} value={g} label={t(`conferences.gender.${g}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label={t('conferences.fields.visaLetter')}
            checked={visaLetter}
            onChange={(ev) => setVisaLetter(ev.currentTarget.checked)}
          />
          <Checkbox
            label={t('conferences.fields.listed')}
            checked={listed}
            onChange={(ev) => setListed(ev.currentTarget.checked)}
          />
          <Button type="submit" fullWidth loading={save.isPending}>
            {t('conferences.register.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
