import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** An undici dispatcher, as Node's fetch takes it in `init.dispatcher`. */
export type PinnedDispatcher = NonNullable<RequestInit['dispatcher']> & { destroy(): Promise<void> };
type AgentClass = new (options: { connect: { lookup: LookupFunction } }) => PinnedDispatcher;

let agentClass: Promise<AgentClass> | undefined;

/**
 * Node's fetch is undici, but Node does not export undici's `Agent`. Its global dispatcher is one,
 * published under the symbol undici defines for sharing it between copies (set on the first
 * fetch), so its class is borrowed from there. Without it we fail closed rather than connect
 * unpinned.
 */
function bundledAgentClass(): Promise<AgentClass> {
  agentClass ??= (async () => {
    const key = Symbol.for('undici.globalDispatcher.1');
    const holder = globalThis as unknown as Record<symbol, { constructor?: unknown } | undefined>;
    if (!holder[key]) await (await fetch('data:,')).arrayBuffer();
    const constructor = holder[key]?.constructor;
    if (typeof constructor !== 'function' || constructor.name !== 'Agent') {
      throw new Error('This Node.js exposes no undici Agent, so outbound requests cannot pin their checked address');
    }
    return constructor as AgentClass;
  })();
  return agentClass;
}

/**
 * A dispatcher whose connections go only to `addresses`, the ones already resolved and checked:
 * a DNS answer that changes between the check and the connect (DNS rebinding) is never asked
 * for. TLS still verifies the certificate against the URL's host name.
 */
export async function createPinnedDispatcher(addresses: readonly LookupAddress[]): Promise<PinnedDispatcher> {
  const Agent = await bundledAgentClass();
  const lookup: LookupFunction = (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const candidates = family ? addresses.filter((address) => address.family === family) : [...addresses];
    const [first] = candidates;
    if (!first) {
      callback(Object.assign(new Error(`No checked IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      callback(null, candidates);
    } else {
      callback(null, first.address, first.family);
    }
  };
  return new Agent({ connect: { lookup } });
}
