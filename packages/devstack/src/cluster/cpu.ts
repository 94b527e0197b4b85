import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime: its own CPU and its waited-for children's. */
  ticks: number;
  /** Its command line: PostgreSQL backends name their database there. */
  title: string;
}

/** Every process's CPU so far, from /proc (Linux only, as this machine is). */
export type CpuSnapshot = Map<number, ProcStat>;

export function snapshotCpu(): CpuSnapshot {
  const stats: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name (which may hold spaces and parentheses): state, ppid, … utime is field 14.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime!, title });
    } catch {
      // gone between the listing and the read
    }
  }
  return stats;
}

/**
 * CPU seconds each named group of process trees (roots and all their descendants, as they are
 * `after`) used between two snapshots; a process that started in between counts from zero.
 */
export function cpuSecondsBetween(before: CpuSnapshot, after: CpuSnapshot, groups: Record<string, number[]>): Record<string, number> {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of after) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const used = (pid: number) => (after.get(pid)?.ticks ?? 0) - (before.get(pid)?.ticks ?? 0);
  const tree = (root: number): number => used(root) + (children.get(root) ?? []).reduce((sum, child) => sum + tree(child), 0);
  return Object.fromEntries(Object.entries(groups).map(([name, roots]) => [name, roots.reduce((sum, root) => sum + tree(root), 0) / TICKS_PER_SECOND]));
}

/** The postmaster's backends by the database each serves: their title reads `postgres: <user> <database> <client> …`. */
export function postgresBackendsByDatabase(snapshot: CpuSnapshot, postmaster: number): Record<string, number[]> {
  const byDatabase: Record<string, number[]> = {};
  for (const [pid, { ppid, title }] of snapshot) {
    const database = ppid === postmaster ? /^postgres: \S+ (\S+) \d/.exec(title)?.[1] : undefined;
    if (database) (byDatabase[database] ??= []).push(pid);
  }
  return byDatabase;
}
