import { Agent } from 'node:http';
import { sendUntilAcknowledged } from '../faults/retrying-publisher';

const LANES = 8;
const GIVE_UP_AFTER_MS = 60_000;

export interface Published {
  /** Ids of the events answered 202. */
  acknowledged: string[];
  /** Acknowledged by each web process, in the order of the URLs. */
  byWeb: number[];
  /** Sends repeated after a refused connection, a 5xx or a 429, as a producer would repeat them. */
  retries: number;
}

/**
 * Posts each event, event i to web process i mod n, from a few concurrent lanes, retried as a
 * careful producer does (`sendUntilAcknowledged`). An event counts as acknowledged only once answered 202.
 */
export async function publishAll(
  webUrls: string[],
  apiKey: string,
  events: Array<{ id: string }>,
  options: { onAcknowledged?: (count: number) => void } = {},
): Promise<Published> {
  const agents = webUrls.map(() => new Agent({ keepAlive: true, maxSockets: LANES }));
  const published: Published = { acknowledged: [], byWeb: webUrls.map(() => 0), retries: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < events.length) {
        const index = next++;
        const web = index % webUrls.length;
        const event = events[index]!;
        const outcome = await sendUntilAcknowledged(agents[web]!, new URL('/api/v1/events', webUrls[web]), apiKey, JSON.stringify(event), {
          giveUpAfterMs: GIVE_UP_AFTER_MS,
          onAttemptFailed: () => (published.retries += 1),
        });
        if (outcome.kind === 'refused') throw new Error(`event ${event.id} was refused with ${outcome.status}`);
        if (outcome.kind === 'acknowledged') {
          published.acknowledged.push(event.id);
          published.byWeb[web]! += 1;
          options.onAcknowledged?.(published.acknowledged.length);
        }
      }
    }),
  );
  for (const agent of agents) agent.destroy();
  return published;
}
