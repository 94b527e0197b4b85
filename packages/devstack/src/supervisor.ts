import { describeExit, stopChild, type ManagedProcess } from './processes';

export interface RestartPolicy {
  /** Wait before the first restart; doubled after each crash up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stayed up this long before crashing is restarted after `initialDelayMs` again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** EX_CONFIG: the web app and the worker exit so on a bad setting, which a restart would only repeat. */
const CONFIGURATION_ERROR = 78;

export interface SupervisedProcess {
  name: string;
  /** The running child's pid; undefined while it waits to be restarted. */
  readonly pid: number | undefined;
  /** From now on a crash restarts the process; before (during start-up) a crash is final. */
  keepAlive(): void;
  /** Resolves with the reason once the supervisor gives up: a crash during start-up or a configuration error. */
  gaveUp: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Keeps one app process running: when it exits on its own, it is started again after a delay that
 * doubles with each crash (1 s, 2 s, … 30 s), back to the first once it had stayed up a minute, so
 * a process that crashes at once does not spin while one that crashes rarely comes back quickly.
 * A configuration error ends supervision only on the first launch: a relaunch runs the same
 * configuration, which has started before, so its exit 78 says a server it checks at start
 * (PostgreSQL, Temporal) is not answering yet, as while one restarts, and it is restarted too.
 */
export function superviseProcess(
  name: string,
  launch: () => ManagedProcess,
  options: { log: (line: string) => void; policy?: RestartPolicy },
): SupervisedProcess {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  let current: ManagedProcess | undefined;
  let startedAt = 0;
  let delayMs = policy.initialDelayMs;
  let restarting = false;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let launches = 0;
  let giveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((resolve) => (giveUp = resolve));

  const start = () => {
    const started = launch();
    launches += 1;
    current = started;
    startedAt = Date.now();
    options.log(`Started the ${name} (pid ${started.child.pid})`);
    void started.exited.then((exit) => {
      if (stopping) return;
      current = undefined;
      const how = `The ${name} ${describeExit(exit)}`;
      if (!restarting) return giveUp(`${how} during start-up; see its output above`);
      if (exit.code === CONFIGURATION_ERROR && launches === 1) return giveUp(`${how}: a configuration error, which a restart would repeat`);
      if (Date.now() - startedAt >= policy.stableAfterMs) delayMs = policy.initialDelayMs;
      options.log(`${how}; restarting it in ${delayMs / 1000} s`);
      restartTimer = setTimeout(() => stopping || start(), delayMs);
      delayMs = Math.min(delayMs * 2, policy.maxDelayMs);
    });
  };
  start();

  return {
    name,
    get pid() {
      return current?.child.pid;
    },
    keepAlive() {
      restarting = true;
    },
    gaveUp,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      if (current) await stopChild(current.child, { group: true });
    },
  };
}
