import { Button, Checkbox, Group, NumberInput, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldErrorWithin } from '../app/field-errors';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { CountriesPicker } from '../reference/pickers';
import type { MissionView } from './queries';
import { type CompetenceNeed, CompetenceRows, type LanguageNeed, LanguageRows } from './RequirementRows';

interface Form {
  code: string;
  title: string;
  hostCountries: string[];
  startsOn: string;
  endsOn: string;
  termsOfReference: string;
  mandateReference: string;
  mandateDate: string;
  competences: CompetenceNeed[];
  languages: LanguageNeed[];
  teamMin: number;
  teamMax: number;
  minOrganisations: number;
  allDimensions: boolean;
}

const empty: Form = {
  code: '',
  title: '',
  hostCountries: [],
  startsOn: '',
  endsOn: '',
  termsOfReference: '',
  mandateReference: '',
  mandateDate: '',
  competences: [],
  languages: [],
  teamMin: 2,
  teamMax: 4,
  minOrganisations: 1,
  allDimensions: false,
};

function formOf(m: MissionView): Form {
  return {
    code: m.code,
    title: m.title,
    hostCountries: m.countries.map((c) => c.iso2),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    termsOfReference: m.termsOfReference,
    mandateReference: m.mandateReference ?? '',
    mandateDate: m.mandateDate ?? '',
    competences: m.competences,
    languages: m.languages,
    teamMin: m.teamMin,
    teamMax: m.teamMax,
    minOrganisations: m.minOrganisations,
    allDimensions: m.allDimensions,
  };
}

/**
 * Drafts a mission or edits one: where and when, its mandate and terms of reference, the
 * competences and languages the team needs, and its size. What was typed stays after a refusal,
 * and the refused field says why.
 */
export function MissionForm({
  mission,
  onSaved,
  onCancel,
}: {
  mission?: MissionView;
  onSaved: (mission: MissionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(() => (mission ? formOf(mission) : empty));
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const heading = mission ? t('missions.form.editTitle') : t('missions.create.title');
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code: form.code.trim(),
        title: form.title.trim(),
        hostCountries: form.hostCountries,
        startsOn: form.startsOn,
        endsOn: form.endsOn,
        termsOfReference: form.termsOfReference.trim(),
        mandateReference: form.mandateReference.trim() || null,
        mandateDate: form.mandateDate || null,
        competences: form.competences,
        languages: form.languages,
        teamMin: form.teamMin,
        teamMax: form.teamMax,
        minOrganisations: form.minOrganisations,
        allDimensions: form.allDimensions,
      };
      return mission ? api.patch<MissionView>(`/missions/${mission.id}`, body) : api.post<MissionView>('/missions', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['missions'] });
      onSaved(saved);
    },
  });
  const error = save.error;
  return (
    <form
      aria-label={heading}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={960}>
        <Title order={2}>{heading}</Title>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('missions.fields.code')}
            description={t('missions.form.codeHelp')}
            required
            value={form.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={fieldError(error, '/code')}
          />
          <TextInput
            label={t('missions.fields.title')}
            required
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={fieldError(error, '/title')}
            miw={320}
          />
        </Group>
        <CountriesPicker
          label={t('missions.fields.countries')}
          required
          value={form.hostCountries}
          onChange={(hostCountries) => set({ hostCountries })}
          error={fieldErrorWithin(error, '/hostCountries')}
        />
        <Group align="flex-start">
          <TextInput
            type="date"
            label={t('missions.create.startsOn')}
            required
            value={form.startsOn}
            onChange={(e) => set({ startsOn: e.currentTarget.value })}
            error={fieldError(error, '/startsOn')}
          />
          <TextInput
            type="date"
            label={t('missions.create.endsOn')}
            required
            value={form.endsOn}
            onChange={(e) => set({ endsOn: e.currentTarget.value })}
            error={fieldError(error, '/endsOn')}
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            label={t('missions.form.mandateReference')}
            description={t('missions.form.mandateReferenceHelp')}
            value={form.mandateReference}
            onChange={(e) => set({ mandateReference: e.currentTarget.value })}
            error={fieldError(error, '/mandateReference')}
            miw={320}
          />
          <TextInput
            type="date"
            label={t('missions.form.mandateDate')}
            value={form.mandateDate}
            onChange={(e) => set({ mandateDate: e.currentTarget.value })}
            error={fieldError(error, '/mandateDate')}
          />
        </Group>
        <Textarea
          label={t('missions.form.termsOfReference')}
          value={form.termsOfReference}
          onChange={(e) => set({ termsOfReference: e.currentTarget.value })}
          autosize
          minRows={4}
          error={fieldError(error, '/termsOfReference')}
        />
        <CompetenceRows value={form.competences} onChange={(competences) => set({ competences })} error={error} />
        <LanguageRows value={form.languages} onChange={(languages) => set({ languages })} error={error} />
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('missions.create.teamMin')}
            min={1}
            max={50}
            value={form.teamMin}
            onChange={(v) => set({ teamMin: Number(v) })}
            error={fieldError(error, '/teamMin')}
          />
          <NumberInput
            label={t('missions.create.teamMax')}
            min={1}
            max={50}
            value={form.teamMax}
            onChange={(v) => set({ teamMax: Number(v) })}
            error={fieldError(error, '/teamMax')}
          />
          <NumberInput
            label={t('missions.create.minOrganisations')}
            min={1}
            max={50}
            value={form.minOrganisations}
            onChange={(v) => set({ minOrganisations: Number(v) })}
            error={fieldError(error, '/minOrganisations')}
          />
        </Group>
        <Checkbox
          label={t('missions.create.allDimensions')}
          checked={form.allDimensions}
          onChange={(e) => set({ allDimensions: e.currentTarget.checked })}
        />
        <ProblemAlert error={error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {mission ? t('common.save') : t('missions.create.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
