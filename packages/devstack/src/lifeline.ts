import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The watcher's whole program. Its stdin is a pipe whose write end only the runner holds and never
 * writes to, so `read` returns only at end of file, which the kernel delivers when the runner is
 * gone, however it died (SIGKILL included). It then sends the target its stop signal, and SIGKILL
 * if it is still there after ten seconds. Only shell built-ins wait on the pipe, so killing the
 * watcher leaves nothing behind.
 *
 * Process ids are reused (this kind of machine wraps at 32,768), so a target that has exited may
 * be another process by the time the watcher acts: before each signal it checks that the pid (a
 * group's leader) still has the start time it had when the watch began (field 22 of
 * /proc/<pid>/stat), and leaves it alone otherwise. Where /proc has no such file, it signals as is.
 */
const WATCHER = `
target=$1; sig=$2; started=$3; pid=\${target#-}
same() {
  [ -z "$started" ] && return 0
  s=$(cat /proc/$pid/stat 2>/dev/null) || return 1
  s=\${s##*) }
  set -- $s
  [ "\${20}" = "$started" ]
}
while read -r _; do :; done
same || exit 0
kill -s "$sig" -- "$target" 2>/dev/null || exit 0
i=0
while same && kill -0 -- "$target" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -ge 100 ]; then same && kill -s KILL -- "$target" 2>/dev/null; exit 0; fi
  sleep 0.1
done
`;

/** The start time of a process, in clock ticks since boot, where /proc tells it; '' elsewhere. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: starttime is the 20th of them.
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

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
export function holdLifeline(pid: number, signal: NodeJS.Signals, started = processStartTime(Math.abs(pid))): Lifeline {
  const watcher = spawn('sh', ['-c', WATCHER, 'cascade-lifeline', String(pid), signal.replace(/^SIG/, ''), started], {
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
