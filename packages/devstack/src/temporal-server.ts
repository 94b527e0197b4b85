import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { holdLifeline } from './lifeline';
import { ensureDatabase } from './postgres';
import { getFreeLowPort, getFreePort } from './ports';
import { stopChild, type ProcessExit } from './processes';
import { cacheDir, ensureWheelTool } from './tools';

/** The real Temporal server, built from the Go module proxy (DESIGN.md §7); later patch releases need a newer Go. */
export const TEMPORAL_SERVER_VERSION = '1.32.0';
const MODULE = 'go.temporal.io/server';

/** Where the server and its SQL schema tool live once built; `go install` names each after its package. */
export function temporalServerBinaries() {
  const dir = path.join(cacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  return { dir, server: path.join(dir, 'server'), sqlTool: path.join(dir, 'sql') };
}

/**
 * Builds the Temporal server and its SQL tool with `go install` on first use (several minutes on 2
 * cores, once; cached beside the other tools). The binaries are moved into place only once both are
 * built, so an interrupted build never leaves half a toolset behind.
 */
export function ensureTemporalServer(log: (line: string) => void = console.log) {
  const binaries = temporalServerBinaries();
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;
  log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} from the Go module proxy (once, several minutes; cached in ${binaries.dir}) …`);
  mkdirSync(path.dirname(binaries.dir), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(binaries.dir), '.temporal-server-build-'));
  try {
    const go = spawnSync('go', ['install', `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GOBIN: staging },
    });
    if (go.status !== 0) throw new Error(`go install of the Temporal server failed (exit ${go.status}); is Go installed and the module proxy reachable?`);
    rmSync(binaries.dir, { recursive: true, force: true });
    renameSync(staging, binaries.dir);
    return binaries;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface TemporalServerHandle {
  address: string;
  pid: number;
  /** Resolves when the server exits, whether stopped or not. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const STORES = { default: 'temporal', visibility: 'temporal_visibility' } as const;

/**
 * The real Temporal server with its persistence and visibility on PostgreSQL, all four services in
 * one process, its frontend on `port`: the shape Cascade runs on beyond one machine. Creates and
 * migrates its two databases on `postgres` first (with the schemas embedded in its SQL tool), and
 * registers the `default` namespace; resolves once a client can use it.
 */
export async function startTemporalServer(options: {
  postgres: PostgresServer;
  port: number;
  /** Its configuration goes here. */
  dataDir: string;
  onLog?: (line: string) => void;
}): Promise<TemporalServerHandle> {
  const log = options.onLog ?? (() => undefined);
  const binaries = ensureTemporalServer(log);
  for (const [store, database] of Object.entries(STORES)) await migrateStore(binaries.sqlTool, options.postgres, database, store as keyof typeof STORES);
  mkdirSync(options.dataDir, { recursive: true });
  const dynamicConfig = path.join(options.dataDir, 'dynamic-config.yaml');
  // Eager workflow start, as on the dev server: the worker starts runs eagerly (DESIGN.md §8).
  writeFileSync(dynamicConfig, 'system.enableEagerWorkflowStart:\n  - value: true\n');
  const configFile = path.join(options.dataDir, 'temporal-server.yaml');
  writeFileSync(configFile, await serverConfig(options.postgres, options.port, dynamicConfig));

  const child = spawn(binaries.server, ['--config-file', configFile, '--allow-no-auth', 'start'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lifeline = holdLifeline(-child.pid!, 'SIGTERM');
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => {
      lifeline.release();
      resolve({ code, signal });
    }),
  );
  let recent: string[] = [];
  const forward = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => {
        recent = [...recent, line].slice(-20);
        log(line);
      });
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const address = `127.0.0.1:${options.port}`;
  const stop = () => stopChild(child, { group: true, graceMs: 20_000 });
  try {
    await registerDefaultNamespace(address, exited, () => recent.join('\n'));
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, pid: child.pid!, exited, stop };
}

/** Creates a store's database and brings its schema to the server's version; a no-op when it is there. */
async function migrateStore(sqlTool: string, postgres: PostgresServer, database: string, store: keyof typeof STORES): Promise<void> {
  await ensureDatabase(postgresUrl(postgres, 'postgres'), database);
  const tool = (...args: string[]) => {
    const connection = ['--plugin', 'postgres12', '--endpoint', postgres.host, '--port', String(postgres.port), '--user', postgres.user, '--password', postgres.password, '--database', database];
    const result = spawnSync(sqlTool, [...connection, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`temporal sql tool ${args[0]} on ${database} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().slice(-2000)}`);
  };
  if (!(await hasTable(postgres, database, 'schema_version'))) tool('setup-schema', '--version', '0.0');
  tool('update-schema', '--schema-name', `postgresql/v12/${store === 'default' ? 'temporal' : 'visibility'}`);
}

const postgresUrl = (postgres: PostgresServer, database: string) =>
  `postgresql://${encodeURIComponent(postgres.user)}:${encodeURIComponent(postgres.password)}@${postgres.host}:${postgres.port}/${database}`;

async function hasTable(postgres: PostgresServer, database: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl(postgres, database) });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1", [table]);
    return Boolean(rowCount);
  } finally {
    await client.end();
  }
}

/** The server's configuration: each service on free ports on 127.0.0.1, no metrics or profiler listening. */
async function serverConfig(postgres: PostgresServer, frontendPort: number, dynamicConfigFile: string): Promise<string> {
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${postgres.host}:${postgres.port}"
        connectProtocol: tcp
        user: ${JSON.stringify(postgres.user)}
        password: ${JSON.stringify(postgres.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = async (grpcPort: number) => `
    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${await getFreeLowPort()}
      bindOnLocalHost: true`;
  return `log:
  stdout: true
  level: error
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store(STORES.default, 20)}
    visibility:${store(STORES.visibility, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${await service(frontendPort)}
      httpPort: ${await getFreePort()}
  matching:${await service(await getFreePort())}
  history:${await service(await getFreePort())}
  worker:${await service(await getFreePort())}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:${frontendPort}"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${JSON.stringify(dynamicConfigFile)}
  pollInterval: 10s
`;
}

/** Registers `default` with a day of retention, by the Temporal CLI; true once done or already there (a server started on these databases before). */
function registerNamespace(address: string): boolean {
  const cli = ensureWheelTool('temporal');
  const result = spawnSync(cli, ['operator', 'namespace', 'create', '--namespace', 'default', '--retention', '24h', '--address', address], { encoding: 'utf8' });
  return result.status === 0 || /already (exists|registered)/i.test(result.stderr);
}

/**
 * Registers `default` (a day of retention) once the frontend answers, and waits until it serves
 * the namespace: a new namespace reaches the frontend's cache some seconds after registration.
 */
async function registerDefaultNamespace(address: string, exited: Promise<ProcessExit>, recentLog: () => string, timeoutMs = 120_000): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  let registered = false;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The Temporal server exited during start-up:\n${recentLog()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      try {
        if (!registered) registered = registerNamespace(address);
        await connection.workflowService.listWorkflowExecutions({ namespace: 'default', pageSize: 1 });
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await sleep(500);
    }
  }
  throw new Error(`The Temporal server did not serve the default namespace on ${address} within ${timeoutMs / 1000}s:\n${recentLog()}`);
}
