import { type Actor, scopeOf } from '../../access/check.js';
import type { LanguageCode } from '../../reference/values.js';
import type { AlertView } from '../alerts/schemas.js';
import type { RuleView } from '../rules/schemas.js';
import { type Frequency, periodLabel } from './periods.js';
import type { IndicatorRow } from './queries.js';
import type { IndicatorView } from './schemas.js';

export type Lang = LanguageCode;

export function presentIndicator(row: IndicatorRow, lang: Lang): IndicatorView {
  const names = { en: row.name_en, fr: row.name_fr, de: row.name_de, it: row.name_it, ru: row.name_ru, es: row.name_es };
  return {
    code: row.code,
    name: names[lang],
    names,
    unit: row.unit,
    source: row.source,
    frequency: row.frequency,
    direction: row.direction,
    description: row.description,
  };
}

export interface RuleRow {
  id: string;
  indicator_code: string;
  country_iso2: string | null;
  kind: RuleView['kind'];
  threshold: number;
  window_periods: number | null;
  level: RuleView['level'];
  name: string;
  /** The name in the interface languages, by language code (the demonstration's rules). */
  names: Record<string, string> | null;
  minimum_base: number | null;
  active: boolean;
}

/** Whether the actor may act with the verb on a record of this country (null: every country). */
export function mayActOn(actor: Actor | null, verb: 'warning.rule.edit' | 'warning.alert.decide', country: string | null) {
  const scope = scopeOf(actor, verb);
  return scope.all || (country !== null && scope.countries.has(country));
}

export function presentRule(actor: Actor | null, row: RuleRow): RuleView {
  return {
    id: row.id,
    indicator: row.indicator_code,
    country: row.country_iso2,
    kind: row.kind,
    threshold: row.threshold,
    windowPeriods: row.window_periods,
    level: row.level,
    name: row.name,
    names: row.names ?? {},
    minimumBase: row.minimum_base,
    active: row.active,
    actions: mayActOn(actor, 'warning.rule.edit', row.country_iso2) ? ['edit'] : [],
  };
}

export interface AlertRow {
  id: string;
  rule_id: string;
  rule_name: string;
  rule_names: Record<string, string> | null;
  kind: RuleView['kind'];
  window_periods: number | null;
  indicator_code: string;
  indicator_name: string;
  frequency: Frequency;
  country_iso2: string;
  period: string;
  value: number;
  reference_value: number | null;
  measure: number;
  threshold: number;
  level: RuleView['level'];
  fired_at: Date;
  status: AlertView['status'];
  note: string;
  decided_by_name: string | null;
  decided_at: Date | null;
  /** The codes of the drivers of displacement named for the alert. */
  drivers: string[];
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 2 }));

/** The sentence that says why an alert fired, from the values recorded with it. */
export function explain(
  row: Pick<
    AlertRow,
    'kind' | 'value' | 'reference_value' | 'measure' | 'threshold' | 'window_periods' | 'indicator_name' | 'period' | 'frequency'
  >,
) {
  const when = periodLabel(row.period, row.frequency);
  const what = `${row.indicator_name} ${when}: ${fmt(row.value)}`;
  switch (row.kind) {
    case 'threshold':
      return `${what}, beyond the threshold of ${fmt(row.threshold)}.`;
    case 'change_previous':
      return `${what}, a change of ${fmt(row.measure)}% from ${fmt(row.reference_value ?? 0)} in the previous period (threshold ${fmt(row.threshold)}%).`;
    case 'change_year':
      return `${what}, a change of ${fmt(row.measure)}% from ${fmt(row.reference_value ?? 0)} a year earlier (threshold ${fmt(row.threshold)}%).`;
    default:
      return `${what}, ${fmt(row.measure)} standard deviations from the mean of the ${row.window_periods} periods before (${fmt(row.reference_value ?? 0)}; threshold ${fmt(row.threshold)}).`;
  }
}

export function presentAlert(actor: Actor | null, row: AlertRow): AlertView {
  const may = row.status === 'open' && mayActOn(actor, 'warning.alert.decide', row.country_iso2);
  return {
    id: row.id,
    rule: {
      id: row.rule_id,
      name: row.rule_name,
      names: row.rule_names ?? {},
      kind: row.kind,
      windowPeriods: row.window_periods,
    },
    indicator: row.indicator_code,
    country: row.country_iso2,
    period: row.period,
    label: periodLabel(row.period, row.frequency),
    value: row.value,
    referenceValue: row.reference_value,
    measure: row.measure,
    threshold: row.threshold,
    level: row.level,
    firedAt: new Date(row.fired_at).toISOString(),
    explanation: explain(row),
    status: row.status,
    note: row.note,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    drivers: row.drivers ?? [],
    actions: may ? ['acknowledge', 'dismiss'] : [],
    mayClassify: mayActOn(actor, 'warning.alert.decide', row.country_iso2),
  };
}
