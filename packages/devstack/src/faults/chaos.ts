import { sleep } from '../bench/runs/stats';
import type { SupervisedProcess } from '../supervisor';
import type { RestartableServers } from './restartable-servers';
import type { RunningPublication } from './retrying-publisher';

export interface ChaosPlan {
  workerKills: number;
  /** Each kill comes this long (uniformly drawn) after the worker was last seen running again. */
  killGapMs: [number, number];
  temporalDownMs: number;
  /** The web kill, the PostgreSQL restart and the Temporal outage start at random moments spread over this window. */
  windowMs: number;
}

export interface Fault {
  what: string;
  /** Seconds since the chaos began. */
  at: number;
}

/** The process's supervisor stopped restarting it: the lane that kills it cannot go on. */
class GaveUp extends Error {}

const between = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * Two lanes at once, both at random moments: the worker killed with SIGKILL again and again (its
 * supervisor starts it again), and, in order, the web server killed with SIGKILL while requests
 * are in flight, PostgreSQL restarted, and the Temporal dev server stopped for a while.
 */
export async function runChaos(
  plan: ChaosPlan,
  targets: { worker: SupervisedProcess; web: SupervisedProcess; servers: RestartableServers; publication: RunningPublication },
  log: (line: string) => void,
): Promise<Fault[]> {
  const started = Date.now();
  const faults: Fault[] = [];
  const note = (what: string) => {
    const fault = { what, at: (Date.now() - started) / 1000 };
    faults.push(fault);
    log(`${fault.at.toFixed(1).padStart(6)} s  ${what}`);
  };

  const workerLane = async () => {
    for (let kill = 1; kill <= plan.workerKills; kill += 1) {
      await runningPid(targets.worker);
      await sleep(between(...plan.killGapMs));
      const pid = await runningPid(targets.worker);
      killGroup(pid);
      note(`worker killed with SIGKILL (${kill} of ${plan.workerKills}, pid ${pid})`);
    }
  };

  const infrastructureLane = async () => {
    const at = (from: number, to: number) => sleep(Math.max(0, started + between(from, to) * plan.windowMs - Date.now()));
    await at(0.1, 0.3);
    const pid = await runningPid(targets.web);
    // Requests are in flight nearly always while events are posted; after the last, it is killed idle.
    for (let waitedMs = 0; targets.publication.inFlight === 0 && waitedMs < 30_000; waitedMs += 2) await sleep(2);
    const inFlight = targets.publication.inFlight;
    killGroup(pid);
    note(`web server killed with SIGKILL with ${inFlight} requests in flight (pid ${pid})`);
    await at(0.3, 0.5);
    note('PostgreSQL stopping (fast shutdown) …');
    const downMs = await targets.servers.restartPostgres();
    note(`PostgreSQL started again after ${(downMs / 1000).toFixed(1)} s`);
    await at(0.5, 0.7);
    await targets.servers.stopTemporal();
    note(`Temporal dev server stopped for ${plan.temporalDownMs / 1000} s`);
    await sleep(plan.temporalDownMs);
    await targets.servers.startTemporal();
    note('Temporal dev server started again on the same SQLite file');
  };

  // A lane whose process is gone for good says so and stops; what was lost is for the reconciliation to show.
  const reportGaveUp = (error: unknown) => {
    if (!(error instanceof GaveUp)) throw error;
    note(error.message);
  };
  await Promise.all([workerLane().catch(reportGaveUp), infrastructureLane().catch(reportGaveUp)]);
  return faults;
}

/** The supervised process's pid once it is running (its supervisor may be waiting to restart it). */
async function runningPid(app: SupervisedProcess): Promise<number> {
  let reason: string | undefined;
  void app.gaveUp.then((why) => (reason = why));
  for (;;) {
    if (app.pid !== undefined) return app.pid;
    if (reason !== undefined) throw new GaveUp(`the ${app.name}'s supervisor gave up: ${reason}`);
    await sleep(50);
  }
}

/** SIGKILL to the process's group: the app leads its own (startProcess spawns it detached). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // it died by itself in the meantime; its supervisor already knows
  }
}
