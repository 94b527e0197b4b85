import { spawn } from 'node:child_process';

/**
 * The watcher's whole program. Its stdin is a pipe whose write end only the runner holds and never
 * writes to, so `read` returns only at end of file, which the kernel delivers when the runner is
 * gone, however it died (SIGKILL included). It then sends the target its stop signal, and SIGKILL
 * if it is still there after ten seconds. Only shell built-ins wait on the pipe, so killing the
 * watcher leaves nothing behind.
 */
const WATCHER = `
while read -r _; do :; done
kill -s "$2" -- "$1" 2>/dev/null || exit 0
i=0
while kill -0 -- "$1" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -ge 100 ]; then kill -s KILL -- "$1" 2>/dev/null; exit 0; fi
  sleep 0.1
done
`;

export interface Lifeline {
  /** Ends the watch without signalling: the process was stopped in order, or has exited. */
  release(): void;
}

/**
 * Ties a child's life to this process's, as Linux's PR_SET_PDEATHSIG would (Node has no API for
 * it, and PostgreSQL and the Temporal CLI cannot be changed to watch for it): a tiny shell watcher,
 * in a process group of its own so a Ctrl-C meant for us does not reach it, stops the child with
 * `signal` once we are gone. A negative `pid` names a process group. PostgreSQL's watcher sends
 * SIGINT, its fast shutdown, which leaves the data consistent.
 */
export function holdLifeline(pid: number, signal: NodeJS.Signals): Lifeline {
  const watcher = spawn('sh', ['-c', WATCHER, 'cascade-lifeline', String(pid), signal.replace(/^SIG/, '')], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the watcher nor its pipe may keep our event loop alive; the pipe stays open while we live.
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void }).unref?.();
  watcher.on('error', () => undefined);
  return {
    release() {
      if (watcher.exitCode === null && watcher.signalCode === null) watcher.kill('SIGKILL');
    },
  };
}
