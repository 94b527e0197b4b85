import { ConfigurationError } from '@cascade/env';
import { connect } from '@nats-io/transport-node';
import { consumeNatsSource, type NatsConsumerOptions } from './consume';
import { parseNatsUrl } from './server-url';
import type { NatsSource } from './sources';

/**
 * Connects to NATS and consumes every configured source; `stop()` drains and closes. The
 * credentials in the URL are handed to the client apart, so only credential-free URLs are logged.
 */
export async function startNatsSources(
  url: string,
  sources: NatsSource[],
  options: Omit<NatsConsumerOptions, 'nc'>,
): Promise<{ stop(): Promise<void> }> {
  const { servers, user, pass, token } = parseNatsUrl(url);
  const nc = await connect({ servers, user, pass, token, name: 'cascade-worker' }).catch((error: Error) => {
    throw new ConfigurationError('NATS_URL', `cannot reach NATS at ${servers.join(', ')}: ${error.message}`);
  });
  const consumers = await Promise.all(sources.map((source) => consumeNatsSource(source, { ...options, nc })));
  options.logger.info({ servers, streams: sources.map((s) => s.stream) }, 'consuming NATS JetStream sources');
  return {
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
      await nc.drain();
    },
  };
}
