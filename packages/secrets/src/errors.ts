/** The tenant has no secret by this name. Names the secret, never a value. */
export class SecretNotFoundError extends Error {
  constructor(readonly secretName: string) {
    super(`No secret named "${secretName}" exists in this tenant; add it under Settings → Secrets`);
    this.name = 'SecretNotFoundError';
  }
}

/** The stored ciphertext does not open with this key for this tenant and name. */
export class SecretDecryptionError extends Error {
  constructor(readonly secretName: string, reason: string) {
    super(`The secret "${secretName}" could not be decrypted: ${reason}`);
    this.name = 'SecretDecryptionError';
  }
}

/** A name or value the store refuses to write. */
export class InvalidSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSecretError';
  }
}
