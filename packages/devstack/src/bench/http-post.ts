import { request, type Agent } from 'node:http';

/**
 * POSTs a JSON body over node:http on the agent's kept-alive connections and answers the status:
 * `fetch` spent about 0.4 ms of CPU per request (this, 0.06 ms), which on 2 cores held the
 * single-event figure near 1,100/s, the client competing with the server for the same cores.
 */
export function postJson(agent: Agent, url: URL, apiKey: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume().once('end', () => resolve(response.statusCode ?? 0));
    })
      .once('error', reject)
      .end(body);
  });
}
