import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import pg from 'pg';

// A CommonJS module: its namespace is reached through the default export under ESM.
const { temporal } = proto;

/**
 * Counts the SQL statements every pg client of this process sends while `counting` is on, by
 * kind and first table ("INSERT action_executions"): the worker's Prisma pool goes through
 * pg.Client.prototype.query, so this sees each round trip the activities make.
 */
export function startStatementCounter() {
  const counts = new Map<string, number>();
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const shape = statementShape(text);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    return original.apply(this, args);
  };
  return {
    stop(): Map<string, number> {
      prototype.query = original;
      return counts;
    },
  };
}

function statementShape(sql: string): string {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE)\s+((?:"?\w+"?\.)?"?\w+"?)/i.exec(sql)?.[1]?.replace(/"/g, '').replace(/^public\./, '');
  return table ? `${keyword} ${table}` : keyword;
}

type AsyncFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

export interface ActivityStats {
  calls: number;
  totalMs: number;
  /** Process CPU (all threads) while the activity ran: its own cost only when runs go one at a time. */
  cpuMs: number;
}

/** Calls, time and CPU per activity, taken by wrapping each activity function. */
export class ActivityTimer {
  private stats = new Map<string, ActivityStats>();

  wrap<T extends AsyncFunctions>(activities: T): T {
    const wrapped: AsyncFunctions = {};
    for (const [name, run] of Object.entries(activities)) {
      wrapped[name] = async (...args) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        try {
          return await run(...args);
        } finally {
          const used = process.cpuUsage(cpu);
          const entry = this.stats.get(name) ?? { calls: 0, totalMs: 0, cpuMs: 0 };
          entry.calls += 1;
          entry.totalMs += performance.now() - started;
          entry.cpuMs += (used.user + used.system) / 1000;
          this.stats.set(name, entry);
        }
      };
    }
    return wrapped as T;
  }

  /** What was recorded since the last call, and a fresh start. */
  take(): Map<string, ActivityStats> {
    const taken = this.stats;
    this.stats = new Map();
    return taken;
  }
}

export interface HistoryFigures {
  events: number;
  /** From WorkflowExecutionStarted to the last event (its completion, for a closed run), by server clock. */
  spanMs: number;
  /** Protobuf-encoded size, as the server stores and sends it. */
  bytes: number;
  /** Event type → count, e.g. MARKER_RECORDED → 3 (one per local activity). */
  types: Map<string, number>;
}

export async function historyOf(client: Client, workflowId: string): Promise<HistoryFigures> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const types = new Map<string, number>();
  for (const event of events) {
    const name = (temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? String(event.eventType)).replace(/^EVENT_TYPE_/, '');
    types.set(name, (types.get(name) ?? 0) + 1);
  }
  const spanMs = events.length ? eventTimeMs(events.at(-1)!) - eventTimeMs(events[0]!) : NaN;
  return { events: events.length, spanMs, bytes: temporal.api.history.v1.History.encode(history).finish().length, types };
}

function eventTimeMs(event: proto.temporal.api.history.v1.IHistoryEvent): number {
  const seconds = event.eventTime?.seconds ?? 0;
  return (typeof seconds === 'number' ? seconds : seconds.toNumber()) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
}

export const BENCH_PROCESS = 'bench (worker+client)';

/** CPU seconds each process of this tree (this one, the Temporal dev server, PostgreSQL) has used so far, by pid. */
export function cpuSecondsByProcess(): Map<number, { name: string; seconds: number }> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        return [{ pid: Number(pid), comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return []; // exited while we read
      }
    });
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of processes) {
      if (!mine.has(entry.pid) && mine.has(entry.ppid)) {
        mine.add(entry.pid);
        grew = true;
      }
    }
  }
  return new Map(
    processes
      .filter((entry) => mine.has(entry.pid))
      .map((entry) => [entry.pid, { name: entry.pid === process.pid ? BENCH_PROCESS : entry.comm.startsWith('postgres') ? 'postgres' : entry.comm, seconds: entry.ticks / ticksPerSecond }]),
  );
}

/**
 * CPU seconds used between two readings, summed by process name. A process that exited in between
 * (an idle PostgreSQL backend) drops out, so its last slice is missed rather than subtracted.
 */
export function cpuDelta(before: ReturnType<typeof cpuSecondsByProcess>, after: ReturnType<typeof cpuSecondsByProcess>): Map<string, number> {
  const used = new Map<string, number>();
  for (const [pid, { name, seconds }] of after) used.set(name, (used.get(name) ?? 0) + seconds - (before.get(pid)?.seconds ?? 0));
  return used;
}

/** Resident set size of this process's child named `comm` (e.g. the Temporal dev server), in bytes. */
export function rssOfChild(comm: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/^Name:\s+(.*)$/m.exec(status)?.[1] !== comm || Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1]) !== process.pid) continue;
      return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN) * 1024;
    } catch {
      continue;
    }
  }
  return undefined;
}
