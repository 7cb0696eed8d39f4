// One way to define a write. Every mutation's service and every job goes through `defineCommand`:
//   parse input → open one transaction → load the rows it acts on → authorize against them
//   → run → audit (stamped with the injected clock) → notices → domain events (handled by the
//   table's owner inside the same transaction) → commit → realtime publishing strictly after.
// A command without an authorization step cannot be registered, and an authorization step that
// checked nothing fails at run time: deny by default is a property of the path, not of each site.
import type { z } from "zod";
import type { AppAbility, Action, SubjectName } from "../authz/actions.js";
import { assertCan } from "../authz/assert.js";
import { systemAbility } from "../authz/system.js";
import { systemActor, type Actor } from "../authz/viewer.js";
import type { DbTx } from "./db.js";
import type { ServiceDeps } from "./deps.js";
import { DomainError } from "./errors.js";
import { dispatchEvent, type DomainEventName, type DomainEvents } from "./events.js";
import type { PubSub, Topics } from "./pubsub.js";
import { parseInput } from "./validate.js";

/** One setting for every command transaction (lock waits included). */
export const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface Notice {
  userId: string;
  kind: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
  /** Idempotency of the notice itself: the same key is stored once per channel. */
  dedupeKey: string;
  channels?: ("IN_APP" | "EMAIL")[];
  sendAfter?: Date;
}

/** The authorization step's view: every helper records that a check was made. */
export interface Guard {
  readonly actor: Actor | null;
  readonly ability: AppAbility;
  /** Throws FORBIDDEN (or FEATURE_SUSPENDED with its reason) unless the ability allows it on the row. */
  can(action: Action, type: SubjectName, row?: Record<string, unknown>, message?: string): void;
  /** The signed-in user acting, or UNAUTHENTICATED. Counts as a check only together with `can`. */
  user(): Extract<Actor, { kind: "USER" }>;
  /** Throws FORBIDDEN with `message` unless `ok`: for checks CASL cannot express (party of a row). */
  require(ok: boolean, message: string, code?: "FORBIDDEN" | "NOT_FOUND"): void;
  /** An explicit, reasoned opt-out for deliberately public writes (sign-up, log-in). */
  allowAnyone(why: string): void;
}

export interface CommandContext {
  readonly name: string;
  readonly tx: DbTx;
  readonly actor: Actor | null;
  readonly ability: AppAbility;
  readonly now: Date;
  readonly requestId?: string;
  readonly deps: ServiceDeps;
  audit(entry: AuditEntry): Promise<void>;
  /** Outbox rows; returns the in-app notices created (duplicates by dedupe key are skipped). */
  notify(notices: Notice[]): Promise<{ id: string; userId: string }[]>;
  /** A domain event: its owner's handlers write their tables now, in this transaction. */
  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void>;
  /** Realtime, after commit only (a rolled-back write announces nothing). */
  publish<K extends keyof Topics>(topic: K, ...args: Topics[K]): void;
  afterCommit(fn: (pubsub: PubSub) => void): void;
}

export interface CommandDefinition<I, L, R> {
  /** `<module>.<verb>`: the audit and metrics name. */
  name: string;
  input: z.ZodType<I>;
  /** Loads (and may lock) the rows the command acts on, inside its transaction. */
  load?: (c: CommandContext, input: I) => Promise<L>;
  /** Mandatory: decides against the loaded rows. Must make at least one check through the guard. */
  authorize: (g: Guard, loaded: L, input: I) => void | Promise<void>;
  run: (c: CommandContext, loaded: L, input: I) => Promise<R>;
}

export interface Command<R> {
  (deps: ServiceDeps, input: unknown): Promise<R>;
  /** Runs inside an existing command's transaction (event handlers, composed commands). */
  within(c: CommandContext, input: unknown): Promise<R>;
  readonly definition: CommandDefinition<unknown, unknown, R>;
}

/** Writes the effects' rows; the audit and notifications modules provide it at composition. */
export interface EffectWriters {
  audit(tx: DbTx, actor: Actor | null, entry: AuditEntry, at: Date, requestId?: string): Promise<{ id: string }>;
  notices(tx: DbTx, notices: Notice[], now: Date): Promise<{ id: string; userId: string }[]>;
}

let writers: EffectWriters | null = null;
export function provideEffectWriters(w: EffectWriters): void {
  writers = w;
}
function effectWriters(): EffectWriters {
  if (!writers) throw new Error("Command effect writers were not provided (modules/index.ts composes them)");
  return writers;
}

const registry = new Map<string, CommandDefinition<unknown, unknown, unknown>>();
/** Every registered command (tests walk it; metrics name by it). */
export const registeredCommands = (): ReadonlyMap<string, CommandDefinition<unknown, unknown, unknown>> => registry;

type CommandObserver = (name: string) => void;
const observers = new Set<CommandObserver>();
/** Tells `fn` the name of every command that starts (tests prove mutations run commands). */
export function observeCommands(fn: CommandObserver): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}
const started = (name: string) => {
  for (const o of observers) o(name);
};

class Effects {
  readonly after: ((pubsub: PubSub) => void)[] = [];
  flush(pubsub: PubSub): void {
    for (const f of this.after) {
      try {
        f(pubsub);
      } catch {
        // Publishing is best effort once the write has committed; the row is the truth.
      }
    }
  }
}

function guardFor(deps: ServiceDeps, name: string): { guard: Guard; checked(): boolean } {
  let checks = 0;
  const guard: Guard = {
    actor: deps.actor,
    ability: deps.ability,
    can(action, type, row, message) {
      checks++;
      assertCan(deps.ability, action, type, row, message);
    },
    user() {
      if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
      return deps.actor;
    },
    require(ok, message, code = "FORBIDDEN") {
      checks++;
      if (!ok) throw new DomainError(code, message);
    },
    allowAnyone(why) {
      if (!why.trim()) throw new Error(`${name}: allowAnyone needs a reason`);
      checks++;
    },
  };
  return { guard, checked: () => checks > 0 };
}

function contextFor(deps: ServiceDeps, name: string, tx: DbTx, effects: Effects, now: Date): CommandContext {
  const c: CommandContext = {
    name,
    tx,
    actor: deps.actor,
    ability: deps.ability,
    now,
    requestId: deps.requestId,
    deps,
    async audit(entry) {
      const row = await effectWriters().audit(tx, deps.actor, entry, now, deps.requestId);
      effects.after.push((p) => p.publish("auditEntryAdded", { id: row.id }));
    },
    async notify(notices) {
      const created = await effectWriters().notices(tx, notices, now);
      effects.after.push((p) => {
        for (const n of created) p.publish("notificationAdded", n.userId, { id: n.id });
      });
      return created;
    },
    emit: (event, payload) => dispatchEvent(c, event, payload),
    publish(topic, ...args) {
      effects.after.push((p) => (p.publish as (t: string, ...a: unknown[]) => void)(topic, ...args));
    },
    afterCommit(fn) {
      effects.after.push(fn);
    },
  };
  return c;
}

async function execute<I, L, R>(def: CommandDefinition<I, L, R>, deps: ServiceDeps, c: CommandContext, input: I): Promise<R> {
  const loaded = (def.load ? await def.load(c, input) : undefined) as L;
  const { guard, checked } = guardFor(deps, def.name);
  await def.authorize(guard, loaded, input);
  if (!checked()) throw new DomainError("INTERNAL_SERVER_ERROR", `The command ${def.name} made no authorization check`);
  return def.run(c, loaded, input);
}

export function defineCommand<I, L = undefined, R = unknown>(def: CommandDefinition<I, L, R>): Command<R> {
  if (typeof def.authorize !== "function") throw new Error(`Command ${def.name} has no authorization step`);
  if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(def.name)) throw new Error(`Command name ${def.name} must read <module>.<verb>`);
  if (registry.has(def.name)) throw new Error(`Command ${def.name} is registered twice`);
  registry.set(def.name, def as CommandDefinition<unknown, unknown, unknown>);

  const run = async (deps: ServiceDeps, raw: unknown): Promise<R> => {
    started(def.name);
    // Bad input is refused before a transaction is opened.
    const input = parseInput(def.input, raw);
    const effects = new Effects();
    const now = deps.clock.now();
    const result = await deps.db.$transaction((tx) => execute(def, deps, contextFor(deps, def.name, tx, effects, now), input), TRANSACTION_OPTIONS);
    effects.flush(deps.pubsub);
    return result;
  };
  const within = (c: CommandContext, raw: unknown) => {
    started(def.name);
    return execute(def, c.deps, { ...c, name: def.name }, parseInput(def.input, raw));
  };
  return Object.assign(run, { within, definition: def as CommandDefinition<unknown, unknown, R> });
}

/** Carries a rehearsal's result out of the transaction it rolls back. */
class RolledBack {
  constructor(readonly result: unknown) {}
}

/**
 * A dry run: `fn` gets a command context whose transaction is always rolled back, so a preview
 * runs the very code of the real commands (their `within`, event handlers included) and reports
 * what they did instead of re-deriving it. Nothing written stays; after-commit effects
 * (realtime, viewer-cache announcements) are dropped. Its rows are locked only while it runs.
 */
export async function rehearse<R>(deps: ServiceDeps, name: string, fn: (c: CommandContext) => Promise<R>): Promise<R> {
  const now = deps.clock.now();
  try {
    await deps.db.$transaction(async (tx) => {
      throw new RolledBack(await fn(contextFor(deps, name, tx, new Effects(), now)));
    }, TRANSACTION_OPTIONS);
  } catch (e) {
    if (e instanceof RolledBack) return e.result as R;
    throw e;
  }
  throw new Error(`${name}: the rehearsal was not rolled back`);
}

/** Dependencies for a job or detector: a named system actor with the system ability, audited as SYSTEM. */
export function asSystem(name: string, deps: Omit<ServiceDeps, "actor" | "ability">): ServiceDeps {
  return { ...deps, actor: systemActor(name), ability: systemAbility() };
}
