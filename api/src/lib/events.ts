// Domain events: how one module asks for another module's rows to change. The emitting command
// calls `c.emit(...)` inside its transaction; the owning module's handler makes the change in the
// same transaction, so the table's owner stays its only writer and both commit or neither does.
// Modules declare their events by augmenting `DomainEvents`:
//   declare module "../../lib/events.js" { interface DomainEvents { "safety.enforcementIssued": {...} } }
import type { CommandContext } from "./command.js";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}
export type DomainEventName = keyof DomainEvents;

type Handler<K extends DomainEventName> = (c: CommandContext, payload: DomainEvents[K]) => Promise<void>;
const handlers = new Map<string, Handler<never>[]>();

/** Registers the owner's handler (called from a module's front door at composition). */
export function onEvent<K extends DomainEventName>(name: K, handler: Handler<K>): void {
  const list = handlers.get(name) ?? [];
  list.push(handler as Handler<never>);
  handlers.set(name, list);
}

/** Handlers for an event, in registration order (tests check every emitted event has an owner). */
export const eventHandlers = (name: string): readonly unknown[] => handlers.get(name) ?? [];

export async function dispatchEvent<K extends DomainEventName>(c: CommandContext, name: K, payload: DomainEvents[K]): Promise<void> {
  const list = handlers.get(name);
  if (!list?.length) throw new Error(`No module handles the event ${String(name)}`);
  for (const h of list) await (h as Handler<K>)(c, payload);
}
