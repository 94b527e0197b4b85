/** Who publishes: an API key (or another source) of one tenant, with what it may publish. */
export interface Publisher {
  tenantId: string;
  /** Recorded on each event: an API key id, `nats:<stream>`, or `run:<runId>` for emits. */
  id: string;
  /** Event type prefixes this publisher may use; empty means any. */
  namespaces: readonly string[];
  /** The service the publisher belongs to, for restricted namespaces. */
  service?: string | null;
}

/** A namespace (type prefix) that only its owning service may publish, as 004 requires for `money.*`. */
export interface RestrictedNamespace {
  prefix: string;
  owner: string;
}

export const DEFAULT_RESTRICTED_NAMESPACES: readonly RestrictedNamespace[] = [{ prefix: 'money.', owner: 'money' }];

/**
 * Parses `prefix=owner` pairs separated by commas (CASCADE_RESTRICTED_NAMESPACES), e.g.
 * `money.=money,audit.=audit`; an empty string means no restrictions.
 */
export function parseRestrictedNamespaces(setting: string): RestrictedNamespace[] {
  return setting
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [prefix, owner] = pair.split('=').map((part) => part?.trim());
      if (!prefix || !owner) throw new Error(`"${pair}" is not prefix=owner`);
      return { prefix, owner };
    });
}

/** Why `publisher` may not publish `type`, or undefined when it may. */
export function checkPublisher(publisher: Publisher, type: string, restricted: readonly RestrictedNamespace[]): string | undefined {
  const rule = restricted.find((r) => type.startsWith(r.prefix));
  if (rule && publisher.service !== rule.owner) {
    return `"${type}" is in the restricted namespace ${rule.prefix}* which only the ${rule.owner} service may publish`;
  }
  if (publisher.namespaces.length && !publisher.namespaces.some((prefix) => type.startsWith(prefix))) {
    return `This key may publish only ${publisher.namespaces.map((n) => `${n}*`).join(', ')}; "${type}" is outside them`;
  }
  return undefined;
}
