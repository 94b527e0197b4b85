import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { postJson } from '../bench/http-post';

const LANES = 8;
const ATTEMPTS = 10;

export interface Published {
  /** Ids of the events answered 202. */
  acknowledged: string[];
  /** Acknowledged by each web process, in the order of the URLs. */
  byWeb: number[];
  /** Sends repeated after a refused connection, a 5xx or a 429, as a producer would repeat them. */
  retries: number;
}

/**
 * Posts each event once, event i to web process i mod n, from a few concurrent lanes; a send that
 * fails for a reason other than the event (no connection, 5xx, 429) is repeated with the same id,
 * which the server deduplicates. An event counts as acknowledged only once answered 202.
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
        const body = JSON.stringify(events[index]);
        for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
          const status = await postJson(agents[web]!, new URL('/api/v1/events', webUrls[web]), apiKey, body).catch(() => 0);
          if (status === 202) {
            published.acknowledged.push(events[index]!.id);
            published.byWeb[web]! += 1;
            options.onAcknowledged?.(published.acknowledged.length);
            break;
          }
          if (status !== 0 && status !== 429 && status < 500) throw new Error(`event ${events[index]!.id} was refused with ${status}`);
          published.retries += 1;
          await sleep(100 * attempt);
        }
      }
    }),
  );
  for (const agent of agents) agent.destroy();
  return published;
}
