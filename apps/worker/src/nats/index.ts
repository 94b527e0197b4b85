import { ConfigurationError } from '@cascade/env';
import { connect } from '@nats-io/transport-node';
import { consumeNatsSource, type NatsConsumerOptions } from './consume';
import type { NatsSource } from './sources';

/** Connects to NATS and consumes every configured source; `stop()` drains and closes. */
export async function startNatsSources(
  url: string,
  sources: NatsSource[],
  options: Omit<NatsConsumerOptions, 'nc'>,
): Promise<{ stop(): Promise<void> }> {
  const nc = await connect({ servers: url, name: 'cascade-worker' }).catch((error: Error) => {
    throw new ConfigurationError('NATS_URL', `cannot reach NATS at ${url}: ${error.message}`);
  });
  const consumers = await Promise.all(sources.map((source) => consumeNatsSource(source, { ...options, nc })));
  options.logger.info({ url, streams: sources.map((s) => s.stream) }, 'consuming NATS JetStream sources');
  return {
    async stop() {
      await Promise.all(consumers.map((c) => c.stop()));
      await nc.drain();
    },
  };
}
