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

function askKernelForPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
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
