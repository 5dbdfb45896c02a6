// The local stack watches the servers it started: one that dies (killed, crashed) ends the stack with a line naming
// it and a non-zero exit, instead of leaving an API and a worker that answer errors until someone notices.
import { alive } from './processes';

export interface Supervised {
  /** e.g. 'PostgreSQL (embedded)'. */
  name: string;
  /** The process to watch, read each time (a server may write its pid file late). */
  pid: () => number | undefined;
}

export interface Supervisor {
  /** Resolves with the name of the first supervised server found dead. */
  died: Promise<string>;
  watch(server: Supervised): void;
  /** The first supervised server dead right now, looked at now (whatever else ended the stack first). */
  check(): string | undefined;
  /** Stops watching: servers stopped on purpose are not deaths. */
  stop(): void;
}

const EVERY_MS = 1_000;

export function supervise(): Supervisor {
  const servers: Supervised[] = [];
  // the last pid seen: a server that went away with its pid file is as dead as one killed
  const lastPid = new Map<Supervised, number>();
  let report: (name: string) => void = () => undefined;
  const died = new Promise<string>((resolve) => (report = resolve));
  const check = () => {
    for (const server of servers) {
      const pid = server.pid() ?? lastPid.get(server);
      if (pid !== undefined) lastPid.set(server, pid);
      if (pid !== undefined && !alive(pid)) return `${server.name} (pid ${pid}) died`;
    }
    return undefined;
  };
  const timer = setInterval(() => {
    const death = check();
    if (death) {
      clearInterval(timer);
      report(death);
    }
  }, EVERY_MS);
  timer.unref();
  return { died, check, watch: (server) => void servers.push(server), stop: () => clearInterval(timer) };
}
