/** NATS_URL taken apart: server URLs safe to log, and the credentials the client presents. */
export interface NatsServerSettings {
  /** The server URLs without their userinfo. */
  servers: string[];
  user?: string;
  pass?: string;
  token?: string;
}

/** An optional scheme, then everything up to the last `@` (a host holds none; a password may). */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)?(.*)@(?=[^@]*$)/i;

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * Splits NATS_URL (`nats://user:pass@host:4222`, `nats://token@host`, or a comma-separated list of
 * servers) into credential-free server URLs and the credentials. nats.js ignores userinfo in a
 * server URL, and a URL that carries it must never reach a log line or an error message.
 */
export function parseNatsUrl(url: string): NatsServerSettings {
  const settings: NatsServerSettings = { servers: [] };
  for (const server of url.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const match = USERINFO.exec(server);
    if (!match) {
      settings.servers.push(server);
      continue;
    }
    settings.servers.push(`${match[1] ?? ''}${server.slice(match[0].length)}`);
    const userinfo = match[2] ?? '';
    const colon = userinfo.indexOf(':');
    if (colon === -1) {
      settings.token ??= decode(userinfo);
    } else {
      settings.user ??= decode(userinfo.slice(0, colon));
      settings.pass ??= decode(userinfo.slice(colon + 1));
    }
  }
  return settings;
}
