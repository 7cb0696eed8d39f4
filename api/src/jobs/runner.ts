// Timed work. Every job claims its rows with `FOR UPDATE SKIP LOCKED` (or a conditional update),
// so several API processes can run the same loop and each due item is handled exactly once.
import type { Db } from "../lib/db.js";
import type { PubSub } from "../lib/pubsub.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";

export interface JobDeps {
  db: Db;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
  /** Mail settings for the e-mail delivery job (SMTP_URL, MAIL_FROM). */
  mail?: { smtpUrl: string | undefined; mailFrom: string };
  /** Aborted on shutdown: a job that holds claims (leases) finishes its current item and releases the rest. */
  signal?: AbortSignal;
  /** Metrics: told when each job starts; the returned function when it ends. */
  observer?: JobObserver;
}

export interface JobObserver {
  started(job: string): (outcome: "ok" | "failed", handled: number) => void;
}

export interface Job {
  name: string;
  /** Handles everything due at `deps.clock.now()`; returns how many items it handled. */
  run(deps: JobDeps): Promise<number>;
}

export interface JobsHandle {
  /** Runs every job once now (start-up catch-up, tests). */
  tick(): Promise<Record<string, number>>;
  /** Completed rounds since start (health endpoint: lets operators and tests see the loop move). */
  readonly rounds: number;
  /** Lets the running job finish (no further job starts), then resolves. */
  stop(): Promise<void>;
}

let registered: readonly Job[] = [];
/** The composition root (modules/index.ts) hands over every module's jobs, in run order. */
export function provideJobs(list: readonly Job[]): void {
  registered = list;
}

export async function runAllJobs(deps: JobDeps, list: readonly Job[] = registered): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const job of list) {
    // On shutdown the job step in progress finishes; the rest wait for the next process.
    if (deps.signal?.aborted) break;
    const done = deps.observer?.started(job.name);
    try {
      out[job.name] = await job.run(deps);
      done?.("ok", out[job.name]);
    } catch (err) {
      deps.logger.error({ err, job: job.name }, "job failed");
      out[job.name] = -1;
      done?.("failed", 0);
    }
  }
  return out;
}

export function startJobs(deps: JobDeps, intervalMs = Number(process.env.JOB_INTERVAL_MS ?? 5_000)): JobsHandle {
  let running: Promise<unknown> = Promise.resolve();
  const abort = new AbortController();
  const withSignal: JobDeps = { ...deps, signal: abort.signal };
  let rounds = 0;
  const tick = () => {
    const p = running.then(async () => {
      if (abort.signal.aborted) return {};
      const out = await runAllJobs(withSignal);
      rounds++;
      return out;
    });
    running = p.catch(() => undefined);
    return p as Promise<Record<string, number>>;
  };
  // Catch up at start: sessions past their end while no process ran are ended now.
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    get rounds() {
      return rounds;
    },
    async stop() {
      abort.abort();
      clearInterval(timer);
      await running;
    },
  };
}
