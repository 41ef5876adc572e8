-- A registrant may say their gender, for the participation statistics only: female, male, another
-- gender, or that they prefer not to say. Left empty it stays null ("not stated"). It is never on
-- the participant list others see.

alter table conference_registration add column gender text;

alter table conference_registration
  add constraint conference_registration_gender_ck check (gender is null or gender in ('female', 'male', 'other', 'undisclosed'));
