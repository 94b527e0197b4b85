// Server-side entry for processes that host a Temporal worker: the native (Rust core) connection,
// which DESIGN.md §8 measured as the fast way to start runs. Never imported by the web app.
import { Client, type ClientInterceptors } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalSettings } from './index';

export interface NativeTemporal {
  connection: NativeConnection;
  /** A client on the same native connection, for starting and signalling runs from the worker. */
  client: Client;
}

/** `interceptors`: for the client's calls, e.g. the tracing that carries a trace into the runs it starts. */
export async function connectNativeTemporal(settings: TemporalSettings & { interceptors?: ClientInterceptors }): Promise<NativeTemporal> {
  const connection = await NativeConnection.connect({ address: settings.address });
  return { connection, client: new Client({ connection, namespace: settings.namespace, interceptors: settings.interceptors }) };
}
