-- The TOTP secret is sealed at rest: AES-256-GCM under a key the database never holds
-- (SECOND_FACTOR_KEY, else the data directory's second-factor.key), bound to its person, and kept as
-- text `sealed:v1:` followed by IV, ciphertext and tag in base64url.
--
-- The database cannot seal the secrets enrolled before, as it has no key: the server seals them at
-- each start, after the migrations (src/server/auth/second-factor/sealing.ts), and reads them as
-- they are until then. The check allows both forms.

alter table user_second_factor drop constraint user_second_factor_secret_ck;
alter table user_second_factor add constraint user_second_factor_secret_ck
  check (secret ~ '^[A-Z2-7]{32}$' or secret ~ '^sealed:v1:[A-Za-z0-9_-]+$');
