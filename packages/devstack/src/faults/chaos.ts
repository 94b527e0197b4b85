import { sleep } from '../bench/runs/stats';
import type { SupervisedProcess } from '../supervisor';
import type { RestartableServers } from './restartable-servers';
import type { RunningPublication } from './retrying-publisher';

export interface ChaosPlan {
  workerKills: number;
  /**
   * Each kill comes this long (uniformly drawn) after the worker is working again (its heartbeat
   * row is written once it polls); every second kill then waits for a request of the workflow's
   * side effect to be in flight, so the effect is done and its answer never seen.
   */
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

export interface ChaosOutcome {
  faults: Fault[];
  /** Seconds from each worker kill until its successor was working (its heartbeat row written). */
  workerBackSeconds: number[];
  /** Seconds from Temporal answering again until the target saw the next side-effect request: runs going on. */
  workResumedAfterTemporalSeconds: number | undefined;
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
  targets: {
    worker: SupervisedProcess;
    /** Whether the worker of that pid has started its work: until then a kill only interrupts its start-up. */
    workerWorking: (pid: number) => Promise<boolean>;
    /** Side-effect requests the target holds unanswered. */
    effectsInFlight: () => number;
    /** Side-effect requests the target has received so far. */
    effectsSeen: () => number;
    web: SupervisedProcess;
    servers: RestartableServers;
    publication: RunningPublication;
  },
  log: (line: string) => void,
): Promise<ChaosOutcome> {
  const started = Date.now();
  const faults: Fault[] = [];
  const workerBackSeconds: number[] = [];
  let workResumedAfterTemporalSeconds: number | undefined;
  const note = (what: string) => {
    const fault = { what, at: (Date.now() - started) / 1000 };
    faults.push(fault);
    log(`${fault.at.toFixed(1).padStart(6)} s  ${what}`);
  };

  /**
   * Seconds from `since` until the worker is working. The pid is read afresh each time: a relaunch
   * that exits again (PostgreSQL restarting under it) is followed by another.
   */
  const workingWorker = async (since: number) => {
    const working = async () => targets.workerWorking(await runningPid(targets.worker));
    while (!(await working()) && Date.now() - since < 120_000) await sleep(200);
    return (Date.now() - since) / 1000;
  };

  const workerLane = async () => {
    let killedAt: number | undefined;
    for (let kill = 1; kill <= plan.workerKills; kill += 1) {
      const backSeconds = await workingWorker(killedAt ?? started);
      if (killedAt !== undefined) workerBackSeconds.push(backSeconds);
      await sleep(between(...plan.killGapMs));
      const midRequest = kill % 2 === 0;
      // Bounded: once the backlog is done no request comes, and the kill lands between runs.
      for (let waitedMs = 0; midRequest && targets.effectsInFlight() === 0 && waitedMs < 10_000; waitedMs += 2) await sleep(2);
      const inFlight = targets.effectsInFlight();
      const pid = await runningPid(targets.worker);
      killGroup(pid);
      killedAt = Date.now();
      // Until its supervisor has seen the exit, the pid (and its heartbeat row) is the dead worker's.
      while (targets.worker.pid === pid) await sleep(10);
      const midEffect = inFlight ? `, ${inFlight} side-effect requests in flight` : '';
      const previous = kill === 1 ? '' : `; it was working ${backSeconds.toFixed(1)} s after the previous kill`;
      note(`worker killed with SIGKILL (${kill} of ${plan.workerKills}, pid ${pid}${midEffect}${previous})`);
    }
    if (killedAt !== undefined) {
      workerBackSeconds.push(await workingWorker(killedAt));
      note(`worker working again ${workerBackSeconds.at(-1)!.toFixed(1)} s after the last kill`);
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
    const backAt = Date.now();
    note('Temporal dev server started again on the same SQLite file');
    // The worker rode the outage out (or its relaunch waited for Temporal): the next effect says runs go on.
    const seen = targets.effectsSeen();
    for (let waitedMs = 0; targets.effectsSeen() === seen && waitedMs < 120_000; waitedMs += 50) await sleep(50);
    if (targets.effectsSeen() > seen) {
      workResumedAfterTemporalSeconds = (Date.now() - backAt) / 1000;
      note(`runs went on ${workResumedAfterTemporalSeconds.toFixed(1)} s after Temporal answered again (the next side-effect request)`);
    }
  };

  // A lane whose process is gone for good says so and stops; what was lost is for the reconciliation to show.
  const reportGaveUp = (error: unknown) => {
    if (!(error instanceof GaveUp)) throw error;
    note(error.message);
  };
  await Promise.all([workerLane().catch(reportGaveUp), infrastructureLane().catch(reportGaveUp)]);
  return { faults, workerBackSeconds, workResumedAfterTemporalSeconds };
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
