import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { getFreePort } from './ports';
import { clearStalePostgresLocks } from './postgres-locks';

let dataDir: string;
let port: number;
const lockFile = () => path.join(dataDir, 'postmaster.pid');
const socketLock = () => path.join('/tmp', `.s.PGSQL.${port}.lock`);

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-locks-'));
  port = await getFreePort();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(socketLock(), { force: true });
});

describe('clearStalePostgresLocks', () => {
  it('removes locks whose pid is dead, and says so', () => {
    const dead = spawnSync('true').pid!;
    writeFileSync(lockFile(), `${dead}\n${dataDir}\n`);
    writeFileSync(socketLock(), `${dead}\n`);
    const lines: string[] = [];
    clearStalePostgresLocks(dataDir, port, (line) => lines.push(line));
    expect(existsSync(lockFile())).toBe(false);
    expect(existsSync(socketLock())).toBe(false);
    expect(lines).toEqual([
      `Removing the stale lock ${lockFile()} (pid ${dead} is not a running PostgreSQL)`,
      `Removing the stale lock ${socketLock()} (pid ${dead} is not a running PostgreSQL)`,
    ]);
  });

  it('removes a lock whose pid now belongs to another program, as after a reboot', () => {
    writeFileSync(lockFile(), `${process.pid}\n${dataDir}\n`);
    clearStalePostgresLocks(dataDir, port);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('removes a lock cut short before its pid was written, and one naming a process group', () => {
    for (const content of ['', 'garbage\n', '-1\n', '0\n']) {
      writeFileSync(lockFile(), content);
      clearStalePostgresLocks(dataDir, port);
      expect(existsSync(lockFile())).toBe(false);
    }
  });

  it('refuses to start, naming the pid, when a running PostgreSQL holds the lock', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const pid = rows[0]!.pid;
      writeFileSync(lockFile(), `${pid}\n${dataDir}\n`);
      expect(() => clearStalePostgresLocks(dataDir, port)).toThrow(
        `PostgreSQL (pid ${pid}) is already running and holds ${lockFile()}; stop it (kill -INT ${pid}) or use another data directory and port`,
      );
      expect(existsSync(lockFile())).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('does nothing when there is no lock', () => {
    expect(() => clearStalePostgresLocks(dataDir, port)).not.toThrow();
  });
});
