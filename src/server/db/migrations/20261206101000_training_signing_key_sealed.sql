-- The certificate signing key the installation draws for itself is sealed at rest: AES-256-GCM
-- under a key the database never holds (TRAINING_SEALING_KEY, else the data directory's
-- training-signing.key), kept as text `sealed:v1:` followed by IV, ciphertext and tag in base64url.
--
-- The database cannot seal a key drawn before, as it has no sealing key: the server seals it at
-- each start, after the migrations (src/server/training/certificates/key-sealing.ts), and reads it
-- as it is until then. The check allows both forms.

alter table training_signing_key add constraint training_signing_key_private_ck
  check (private_pem ~ '^sealed:v1:[A-Za-z0-9_-]+$' or private_pem like '-----BEGIN PRIVATE KEY-----%');
