import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anyMissing, useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { CountryPicker } from '../reference/pickers';
import { type PledgeView, recordPledge, recordRelocation, useCountryNames, useLedgerWrite } from './queries';

/** The States that send relocated persons under the EU schemes. */
const FRONTLINE = ['IT', 'GR', 'HU'] as const;

const TYPES = ['relocation_places', 'resettlement_places', 'money', 'experts', 'in_kind'] as const;

/** The States a person may record for: a delegation its own; the co-ordinator any participating State. */
function useRecordableStates() {
  const session = useSession();
  const { countries } = useCountryNames();
  const own = (session?.grants ?? []).flatMap((g) => (g.scopeType === 'country' && g.countryIso2 ? [g.countryIso2] : []));
  const global = (session?.grants ?? []).some((g) => g.scopeType === 'global');
  return countries.filter((c) => c.osceStatus === 'participating' && (global || own.includes(c.iso2))).map((c) => c.iso2);
}

const today = () => new Date().toISOString().slice(0, 10);

export function PledgeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const states = useRecordableStates();
  const write = useLedgerWrite(recordPledge);
  const [country, setCountry] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('relocation_places');
  const [quantity, setQuantity] = useState<number | ''>('');
  const [currency, setCurrency] = useState('EUR');
  const [beneficiary, setBeneficiary] = useState('');
  const [pledgedOn, setPledgedOn] = useState(today());
  const [description, setDescription] = useState('');
  const [attempted, setAttempted] = useState(false);
  const chosen = country || states[0] || '';
  const missing = { '/countryIso2': !chosen, '/quantity': quantity === '' };
  const errorOf = useFieldErrors(write.error, attempted ? missing : {});

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (anyMissing(missing) || quantity === '') return;
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
          <CountryPicker
            label={t('solidarity.state')}
            required
            only={states}
            value={chosen || null}
            onChange={(code) => setCountry(code ?? '')}
            error={errorOf('/countryIso2')}
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
            error={errorOf('/quantity')}
          />
          {type === 'money' ? (
            <TextInput
              label={t('solidarity.ledger.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              maxLength={3}
              error={errorOf('/currency')}
            />
          ) : null}
          <CountryPicker
            label={t('solidarity.ledger.beneficiary')}
            placeholder={t('solidarity.ledger.noBeneficiary')}
            value={beneficiary || null}
            onChange={(code) => setBeneficiary(code ?? '')}
            error={errorOf('/beneficiaryIso2')}
          />
          <TextInput
            label={t('solidarity.ledger.pledgedOn')}
            type="date"
            value={pledgedOn}
            onChange={(e) => setPledgedOn(e.currentTarget.value)}
            error={errorOf('/pledgedOn')}
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
  const write = useLedgerWrite(recordRelocation);
  const [country, setCountry] = useState('');
  const [from, setFrom] = useState('IT');
  const [period, setPeriod] = useState(today().slice(0, 7));
  const [persons, setPersons] = useState<number | ''>('');
  const [pledge, setPledge] = useState('');
  const [attempted, setAttempted] = useState(false);
  const chosen = country || states[0] || '';
  const own = pledges.filter((p) => p.countryIso2 === chosen && p.type === 'relocation_places' && p.status !== 'withdrawn');
  const missing = { '/countryIso2': !chosen, '/persons': persons === '' };
  const errorOf = useFieldErrors(write.error, attempted ? missing : {});

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (anyMissing(missing) || persons === '') return;
    write.mutate({ countryIso2: chosen, fromIso2: from, period, persons, pledgeId: pledge || null }, { onSuccess: onClose });
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('solidarity.ledger.recordRelocation')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={write.error} />
          <CountryPicker
            label={t('solidarity.ledger.receivingState')}
            required
            only={states}
            value={chosen || null}
            onChange={(code) => setCountry(code ?? '')}
            error={errorOf('/countryIso2')}
          />
          <CountryPicker
            label={t('solidarity.ledger.from')}
            required
            only={FRONTLINE}
            value={from}
            onChange={(code) => setFrom(code ?? 'IT')}
            error={errorOf('/fromIso2')}
          />
          <TextInput
            label={t('solidarity.ledger.month')}
            type="month"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            error={errorOf('/period')}
          />
          <NumberInput
            label={t('solidarity.ledger.persons')}
            required
            min={0}
            allowDecimal={false}
            value={persons}
            onChange={(value) => setPersons(typeof value === 'number' ? value : '')}
            error={errorOf('/persons')}
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
