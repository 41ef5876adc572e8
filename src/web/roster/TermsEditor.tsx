import { Button, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PREREQUISITES } from '../../server/roster/schemas.js';
import { fieldErrorWithin } from '../app/field-errors';
import { fieldError } from '../app/ProblemAlert';
import { CountriesPicker, CountryPicker } from '../reference/pickers';
import type { ExpertView } from './queries';

type Prerequisite = ExpertView['prerequisites'][number];
export interface TermsBody {
  nationalities: string[];
  secondingIso2: string | null;
  yearlyCapDays: number;
  prerequisites: Prerequisite[];
}

/** The words for a prerequisite code; one the pages do not know is shown as the structure typed it. */
export function usePrerequisiteName() {
  const { t } = useTranslation();
  return (code: string) => t(`roster.prerequisite.${code}`, { defaultValue: code });
}

/**
 * Edits the terms of an expert's deployments: nationalities and seconding State (a national of a
 * host country is not sent there), the yearly cap of deployment days, and the prerequisites with
 * their expiry dates. Saved as a whole through `onSave`.
 */
export function TermsEditor({
  expert,
  saving,
  error,
  onSave,
}: {
  expert: ExpertView;
  saving: boolean;
  error: unknown;
  onSave: (body: TermsBody) => void;
}) {
  const { t } = useTranslation();
  const name = usePrerequisiteName();
  const next = useRef(0);
  const [nationalities, setNationalities] = useState(expert.nationalities);
  const [seconding, setSeconding] = useState(expert.secondingIso2);
  const [cap, setCap] = useState<number | string>(expert.yearlyCapDays);
  const [prerequisites, setPrerequisites] = useState(() => expert.prerequisites.map((p) => ({ ...p, key: next.current++ })));
  const known = new Set<string>(PREREQUISITES);
  const options = [...PREREQUISITES, ...expert.prerequisites.map((p) => p.code).filter((code) => !known.has(code))].map(
    (code) => ({ value: code, label: name(code) }),
  );
  const change = (i: number, patch: Partial<Prerequisite>) =>
    setPrerequisites(prerequisites.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <form
      aria-label={t('roster.terms.title')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          nationalities,
          secondingIso2: seconding,
          yearlyCapDays: Number(cap),
          prerequisites: prerequisites.filter((p) => p.code).map(({ key: _, ...p }) => p),
        });
      }}
    >
      <Stack gap="xs">
        <Title order={2}>{t('roster.terms.title')}</Title>
        <Group align="flex-start" wrap="wrap">
          <CountriesPicker
            label={t('roster.fields.nationality')}
            required
            value={nationalities}
            onChange={setNationalities}
            error={fieldErrorWithin(error, '/nationalities')}
            miw={280}
          />
          <CountryPicker
            label={t('roster.fields.seconding')}
            value={seconding}
            onChange={setSeconding}
            error={fieldError(error, '/secondingIso2')}
          />
          <NumberInput
            label={t('roster.terms.cap')}
            description={t('roster.terms.capHelp')}
            min={0}
            max={366}
            value={cap}
            onChange={setCap}
            error={fieldError(error, '/yearlyCapDays')}
          />
        </Group>
        <Text fw={500} size="sm">
          {t('roster.fields.prerequisites')}
        </Text>
        {prerequisites.map((p, i) => (
          <Group key={p.key} align="flex-start">
            <Select
              label={t('roster.terms.prerequisite', { n: i + 1 })}
              searchable
              data={options}
              value={p.code || null}
              onChange={(code) => change(i, { code: code ?? '' })}
              error={fieldErrorWithin(error, `/prerequisites/${i}/code`)}
              w={320}
            />
            <TextInput
              type="date"
              label={t('roster.terms.expires', { n: i + 1 })}
              value={p.expiresOn ?? ''}
              onChange={(e) => change(i, { expiresOn: e.currentTarget.value || null })}
              error={fieldError(error, `/prerequisites/${i}/expiresOn`)}
            />
            <Button variant="subtle" mt={24} onClick={() => setPrerequisites(prerequisites.filter((_, j) => j !== i))}>
              {t('roster.period.remove')}
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => setPrerequisites([...prerequisites, { code: '', expiresOn: null, key: next.current++ }])}
        >
          {t('roster.terms.addPrerequisite')}
        </Button>
        <Button type="submit" loading={saving} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
