import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime: its own CPU and its waited-for children's. */
  ticks: number;
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name (which may hold spaces and parentheses): state, ppid, … utime is field 14.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! });
    } catch {
      // gone between the listing and the read
    }
  }
  return stats;
}

/**
 * CPU seconds used so far by each named group of process trees (a root and all its descendants):
 * PostgreSQL's backends count with its postmaster. Linux only, as this machine is.
 */
export function cpuSecondsOf(groups: Record<string, number[]>): Record<string, number> {
  const stats = readStats();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const treeTicks = (root: number): number => (stats.get(root)?.ticks ?? 0) + (children.get(root) ?? []).reduce((sum, child) => sum + treeTicks(child), 0);
  return Object.fromEntries(Object.entries(groups).map(([name, roots]) => [name, roots.reduce((sum, root) => sum + treeTicks(root), 0) / TICKS_PER_SECOND]));
}
