// Public surface of @cascade/secrets: server-only (node:crypto and the database).

export { parseSecretKey, secretsEnvFields, SECRET_KEY_BYTES } from './key';
export { MAX_SECRET_VALUE_LENGTH, secretNamePattern, secretNameSchema, secretValueSchema } from './names';
export { allowedHostSchema, allowedHostsSchema, isHostAllowed, MAX_ALLOWED_HOSTS } from './allowed-hosts';
export { InvalidSecretError, SecretDecryptionError, SecretDestinationRefusedError, SecretNotFoundError } from './errors';
export { createSecretStore, type SecretStore, type SecretSummary, type TenantSecrets } from './store';
export { createRedactor, MIN_REDACTED_LENGTH, type NamedSecret, type Redactor } from './redact';
export { createWebhookSigningSecret, openWebhookSigningSecret } from './webhook-signing-secret';
