-- A rule may ignore tiny bases: a change from 2 to 9 is +350% but says nothing. With a minimum
-- base, the rule fires only where the larger of the value and its reference reaches it.
alter table warning_rule add column minimum_base double precision;
alter table warning_rule add constraint warning_rule_minimum_base_ck
  check (minimum_base is null or (minimum_base >= 0 and minimum_base <> 'NaN'::float8 and minimum_base <> 'Infinity'::float8));

-- The inbox pages through open alerts by period, filtered by status, level and rule.
create index warning_alert_inbox_idx on warning_alert (status, period desc, fired_at desc);
