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

/**
 * The secret may not be sent where a step was about to send it: the request's host is not on the
 * allow-list an admin set for it (or none is set). Names the secret and the host, never the value.
 */
export class SecretDestinationRefusedError extends Error {
  constructor(readonly secretName: string, readonly host: string, readonly allowedHosts: readonly string[]) {
    const allowed = allowedHosts.length
      ? `it may only be sent to ${allowedHosts.join(', ')}`
      : 'no hosts are allowed for it yet';
    super(`The secret "${secretName}" may not be sent to ${host}: ${allowed}. An admin sets its allowed hosts under Settings → Secrets`);
    this.name = 'SecretDestinationRefusedError';
  }
}
