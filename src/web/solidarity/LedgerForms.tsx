import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { type PledgeView, recordPledge, recordRelocation, useCountryNames, useLedgerWrite } from './queries';

const TYPES = ['relocation_places', 'resettlement_places', 'money', 'experts', 'in_kind'] as const;

/** The States a person may record for: a delegation its own; the co-ordinator any participating State. */
function useRecordableStates() {
  const session = useSession();
  const { countries } = useCountryNames();
  const own = (session?.grants ?? []).flatMap((g) => (g.scopeType === 'country' && g.countryIso2 ? [g.countryIso2] : []));
  const global = (session?.grants ?? []).some((g) => g.scopeType === 'global');
  return countries
    .filter((c) => c.osceStatus === 'participating' && (global || own.includes(c.iso2)))
    .map((c) => ({ value: c.iso2, label: c.name }));
}

const today = () => new Date().toISOString().slice(0, 10);

export function PledgeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const states = useRecordableStates();
  const { countries } = useCountryNames();
  const write = useLedgerWrite(recordPledge);
  const [country, setCountry] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('relocation_places');
  const [quantity, setQuantity] = useState<number | ''>('');
  const [currency, setCurrency] = useState('EUR');
  const [beneficiary, setBeneficiary] = useState('');
  const [pledgedOn, setPledgedOn] = useState(today());
  const [description, setDescription] = useState('');
  const [attempted, setAttempted] = useState(false);
  const chosen = country || states[0]?.value || '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (quantity === '') return;
    write.mutate(
      {
        countryIso2: chosen,
        type,
        quantity,
        currency: type === 'money' ? currency : null,
        beneficiaryIso2: beneficiary || null,
        pledgedOn,
        description,
      },
      { onSuccess: onClose },
    );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('solidarity.ledger.recordPledge')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={write.error} />
          <NativeSelect
            label={t('solidarity.state')}
            value={chosen}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={states}
          />
          <NativeSelect
            label={t('solidarity.ledger.type')}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as (typeof TYPES)[number])}
            data={TYPES.map((value) => ({ value, label: t(`solidarity.type.${value}`) }))}
          />
          <NumberInput
            label={t('solidarity.ledger.quantity')}
            required
            min={0}
            value={quantity}
            onChange={(value) => setQuantity(typeof value === 'number' ? value : '')}
            error={fieldError(write.error, '/quantity') ?? (attempted && quantity === '' ? t('form.required') : undefined)}
          />
          {type === 'money' ? (
            <TextInput
              label={t('solidarity.ledger.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              maxLength={3}
              error={fieldError(write.error, '/currency')}
            />
          ) : null}
          <NativeSelect
            label={t('solidarity.ledger.beneficiary')}
            value={beneficiary}
            onChange={(e) => setBeneficiary(e.currentTarget.value)}
            data={[
              { value: '', label: t('solidarity.ledger.noBeneficiary') },
              ...countries.map((c) => ({ value: c.iso2, label: c.name })),
            ]}
          />
          <TextInput
            label={t('solidarity.ledger.pledgedOn')}
            type="date"
            value={pledgedOn}
            onChange={(e) => setPledgedOn(e.currentTarget.value)}
            error={fieldError(write.error, '/pledgedOn')}
          />
          <TextInput
            label={t('solidarity.ledger.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {t('solidarity.ledger.recordPledge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RelocationModal({ opened, onClose, pledges }: { opened: boolean; onClose: () => void; pledges: PledgeView[] }) {
  const { t } = useTranslation();
  const states = useRecordableStates();
  const { name } = useCountryNames();
  const write = useLedgerWrite(recordRelocation);
  const [country, setCountry] = useState('');
  const [from, setFrom] = useState('IT');
  const [period, setPeriod] = useState(today().slice(0, 7));
  const [persons, setPersons] = useState<number | ''>('');
  const [pledge, setPledge] = useState('');
  const [attempted, setAttempted] = useState(false);
  const chosen = country || states[0]?.value || '';
  const own = pledges.filter((p) => p.countryIso2 === chosen && p.type === 'relocation_places' && p.status !== 'withdrawn');

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (persons === '') return;
    write.mutate({ countryIso2: chosen, fromIso2: from, period, persons, pledgeId: pledge || null }, { onSuccess: onClose });
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('solidarity.ledger.recordRelocation')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={write.error} />
          <NativeSelect
            label={t('solidarity.ledger.receivingState')}
            value={chosen}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={states}
          />
          <NativeSelect
            label={t('solidarity.ledger.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data={['IT', 'GR', 'HU'].map((iso2) => ({ value: iso2, label: name(iso2) }))}
          />
          <TextInput
            label={t('solidarity.ledger.month')}
            type="month"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            error={fieldError(write.error, '/period')}
          />
          <NumberInput
            label={t('solidarity.ledger.persons')}
            required
            min={0}
            allowDecimal={false}
            value={persons}
            onChange={(value) => setPersons(typeof value === 'number' ? value : '')}
            error={fieldError(write.error, '/persons') ?? (attempted && persons === '' ? t('form.required') : undefined)}
          />
          <NativeSelect
            label={t('solidarity.ledger.againstPledge')}
            value={pledge}
            onChange={(e) => setPledge(e.currentTarget.value)}
            data={[
              { value: '', label: t('solidarity.ledger.noPledge') },
              ...own.map((p) => ({
                value: p.id,
                label: `${p.pledgedOn} · ${p.quantity} · ${t(`solidarity.status.${p.status}`)}`,
              })),
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {t('solidarity.ledger.recordRelocation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
