// Currencies by their ISO 4217 code, named in the interface language by the browser itself: the
// picker shows names, the form keeps the code, and amounts are written in the reader's format.
import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Codes still in use are those the browser can name in English other than by repeating the code. */
function currentCodes(): string[] {
  const english = new Intl.DisplayNames('en', { type: 'currency', fallback: 'none' });
  return Intl.supportedValuesOf('currency').filter((code) => {
    const name = english.of(code);
    return name !== undefined && name !== code && !/\((19|20)\d\d/.test(name);
  });
}

/** The currencies with their names in the interface language, sorted by name. */
export function useCurrencyNames() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const names = new Intl.DisplayNames(lang, { type: 'currency' });
    const options = currentCodes()
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
    return { options, name: (code: string) => names.of(code) ?? code };
  }, [lang]);
}

/** An amount in its currency, written the reader's way (e.g. “€120,000.00” or “120 000,00 €”). */
export function useMoney() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (amount: number, currency: string) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'symbol' }).format(amount);
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (code: string | null) => void;
};

/** One currency, searched by its name in the interface language. */
export function CurrencyPicker({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const { options } = useCurrencyNames();
  return (
    <Select
      searchable
      clearable={!props.required}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
      data={options}
      value={value}
      onChange={(code) => onChange(code)}
    />
  );
}
