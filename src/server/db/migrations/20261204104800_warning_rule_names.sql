-- A rule's name in the languages of the interface (language code → name), beside the name it was
-- created with: the demonstration's rules are named in all six, so a reader sees them in theirs.
alter table warning_rule add column names jsonb not null default '{}'::jsonb;
