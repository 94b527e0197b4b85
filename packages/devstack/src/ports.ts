import net from 'node:net';

/** Ports this process handed out: free when asked for, but maybe not bound yet by whoever got them. */
const handedOut = new Set<number>();

/** Asks the kernel for a free TCP port on loopback, never the same one twice in this process. */
export async function getFreePort(): Promise<number> {
  for (;;) {
    const port = await askKernelForPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

/**
 * A free port below the kernel's ephemeral range (from 32768), where the kernel hands out none:
 * Temporal stores its membership ports as a PostgreSQL smallint, so they must stay under 32768.
 */
export async function getFreeLowPort(from = 20_000, to = 32_000): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (handedOut.has(port)) continue;
    if (await bindable(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

function bindable(port: number): Promise<boolean> {
  return askKernelForPort(port).then(
    () => true,
    () => false,
  );
}

function askKernelForPort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves true when something accepts TCP connections on `port`. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
