import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiLanguage } from '../reference/queries';
import { type AlertView, indicatorsQuery } from './queries';

/**
 * Why an alert fired, in the interface language: written here from the values the server records
 * with the alert (its rule's kind, the value, the reference, the measure and the threshold), with
 * the indicator's name in that language and numbers written the local way.
 */
export function useAlertExplanation(): (alert: AlertView) => string {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const indicators = useQuery(indicatorsQuery(lang));
  const names = new Map((indicators.data ?? []).map((i) => [i.code, i.name]));
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (alert) => {
    const values = {
      indicator: names.get(alert.indicator) ?? alert.indicator,
      period: alert.label,
      value: number.format(alert.value),
      reference: number.format(alert.referenceValue ?? 0),
      measure: number.format(alert.measure),
      threshold: number.format(alert.threshold),
      window: alert.rule.windowPeriods ?? 0,
    };
    return t(`warning.explanation.${alert.rule.kind}`, values);
  };
}

/** A rule's name in the interface language where it has one (the demonstration's rules), else as it was written. */
export function useRuleName(): (rule: { name: string; names: Record<string, string> }) => string {
  const lang = useApiLanguage();
  return (rule) => rule.names[lang] ?? rule.name;
}
