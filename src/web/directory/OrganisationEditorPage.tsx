import {
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldErrorWithin } from '../app/field-errors';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { LANGUAGES } from '../i18n';
import { CountryPicker } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { OrganisationPicker } from './OrganisationPicker';
import { DIMENSIONS, ORGANISATION_TYPES, type OrganisationView, organisationQuery } from './queries';

const OTHER_LANGUAGES = ['fr', 'de', 'it', 'ru', 'es'] as const;
type Names = { en: string } & Record<(typeof OTHER_LANGUAGES)[number], string>;

interface Form {
  type: string;
  code: string;
  acronym: string;
  names: Names;
  parentId: string;
  countryIso2: string | null;
  city: string;
  website: string;
  mandateSummary: string;
  dimensions: string[];
}

const empty: Form = {
  type: 'ngo',
  code: '',
  acronym: '',
  names: { en: '', fr: '', de: '', it: '', ru: '', es: '' },
  parentId: '',
  countryIso2: null,
  city: '',
  website: '',
  mandateSummary: '',
  dimensions: [],
};

function formOf(o: OrganisationView): Form {
  // A translation equal to the English name is the English name shown for want of one: left empty.
  const names = { ...o.names };
  for (const lang of OTHER_LANGUAGES) if (names[lang] === names.en) names[lang] = '';
  return {
    type: o.type,
    code: o.code ?? '',
    acronym: o.acronym ?? '',
    names,
    parentId: o.parentId ?? '',
    countryIso2: o.countryIso2,
    city: o.city ?? '',
    website: o.website ?? '',
    mandateSummary: o.mandateSummary ?? '',
    dimensions: o.dimensions,
  };
}

/**
 * Adds or changes an organisation. The co-ordinator edits every field; an organisation's focal
 * point (the `edit` action without `manage`) edits its profile: city, website, mandate, dimensions.
 */
export function OrganisationEditorPage() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id } = useParams({ strict: false }) as { id?: string };
  const existing = useQuery({ ...organisationQuery(lang, id ?? ''), enabled: Boolean(id) });
  const [form, setForm] = useState<Form>(empty);
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);
  const heading = id ? t('directory.organisationEditor.edit') : t('directory.organisationEditor.add');
  usePageTitle(heading);
  const whole = !id || (existing.data?.actions.includes('manage') ?? false);

  const save = useMutation({
    mutationFn: () => {
      const profile = {
        countryIso2: form.countryIso2,
        city: form.city.trim() || null,
        website: form.website.trim() || null,
        mandateSummary: form.mandateSummary.trim() || null,
        dimensions: form.dimensions,
      };
      const names: Record<string, string> = { en: form.names.en.trim() };
      for (const l of OTHER_LANGUAGES) if (form.names[l].trim()) names[l] = form.names[l].trim();
      const body = whole
        ? {
            ...profile,
            type: form.type,
            code: form.code.trim() || null,
            acronym: form.acronym.trim() || null,
            names,
            parentId: form.parentId || null,
          }
        : {
            city: profile.city,
            website: profile.website,
            mandateSummary: profile.mandateSummary,
            dimensions: profile.dimensions,
          };
      return id
        ? api.patch<OrganisationView>(`/directory/organisations/${id}`, body)
        : api.post<OrganisationView>('/directory/organisations', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      await navigate({ to: '/directory/organisations/$id', params: { id: saved.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (id && existing.isPending) return <Loader aria-label={t('directory.loading')} />;
  if (existing.error) return <ProblemAlert error={existing.error} />;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

  return (
    <Stack gap="md" maw={820} component="form" onSubmit={submit} aria-label={heading}>
      <Title order={1}>{heading}</Title>
      <Text c="dimmed">{whole ? t('directory.organisationEditor.intro') : t('directory.organisationEditor.profileOnly')}</Text>
      {whole ? (
        <>
          <NativeSelect
            label={t('directory.organisationEditor.type')}
            required
            value={form.type}
            onChange={(e) => set({ type: e.currentTarget.value })}
            data={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`directory.type.${type}`) }))}
            error={fieldError(save.error, '/type')}
          />
          <TextInput
            label={t('directory.organisationEditor.nameIn', { language: languageName('en') })}
            required
            value={form.names.en}
            onChange={(e) => set({ names: { ...form.names, en: e.currentTarget.value } })}
            error={fieldErrorWithin(save.error, '/names/en')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {OTHER_LANGUAGES.map((l) => (
              <TextInput
                key={l}
                label={t('directory.organisationEditor.nameIn', { language: languageName(l) })}
                value={form.names[l]}
                onChange={(e) => set({ names: { ...form.names, [l]: e.currentTarget.value } })}
                error={fieldError(save.error, `/names/${l}`)}
              />
            ))}
          </SimpleGrid>
          <Group grow align="flex-start">
            <TextInput
              label={t('directory.organisationEditor.acronym')}
              value={form.acronym}
              onChange={(e) => set({ acronym: e.currentTarget.value })}
              error={fieldError(save.error, '/acronym')}
            />
            <TextInput
              label={t('directory.organisationEditor.code')}
              description={t('directory.organisationEditor.codeHelp')}
              value={form.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fieldError(save.error, '/code')}
            />
          </Group>
          <OrganisationPicker
            label={t('directory.organisationEditor.parent')}
            value={form.parentId}
            onChange={(parentId) => set({ parentId })}
            exclude={id ? [id] : []}
            error={fieldError(save.error, '/parentId')}
          />
          <CountryPicker
            label={t('directory.search.country')}
            value={form.countryIso2}
            onChange={(countryIso2) => set({ countryIso2 })}
            error={fieldError(save.error, '/countryIso2')}
          />
        </>
      ) : null}
      <TextInput
        label={t('directory.organisationEditor.city')}
        value={form.city}
        onChange={(e) => set({ city: e.currentTarget.value })}
        error={fieldError(save.error, '/city')}
      />
      <TextInput
        label={t('directory.organisationEditor.website')}
        placeholder="https://"
        value={form.website}
        onChange={(e) => set({ website: e.currentTarget.value })}
        error={fieldError(save.error, '/website')}
      />
      <Textarea
        label={t('directory.organisation.mandate')}
        value={form.mandateSummary}
        onChange={(e) => set({ mandateSummary: e.currentTarget.value })}
        autosize
        minRows={3}
        error={fieldError(save.error, '/mandateSummary')}
      />
      <Checkbox.Group
        label={t('directory.activity.dimension')}
        value={form.dimensions}
        onChange={(dimensions) => set({ dimensions })}
        error={fieldErrorWithin(save.error, '/dimensions')}
      >
        <Group gap="md" mt={4}>
          {DIMENSIONS.map((d) => (
            <Checkbox key={d} value={d} label={t(`directory.dimension.${d}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('directory.save')}
        </Button>
      </Group>
    </Stack>
  );
}
