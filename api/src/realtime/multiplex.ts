// Multiplexed subscriptions (Hasura's multiplexing): for one event, the subscribers whose
// document, variables and permission class are equal share ONE execution and ONE serialised
// payload. Each subscriber keeps its own source stream (its own filter and visibility check);
// only the per-event work is shared.
//
// A permission class is what the viewer's rules allow on what the subscription selects: the role
// plus, for every object type in the document's selection (types are named after their Prisma
// model, the CASL subject), the viewer's `read` rules — collapsed to "all" when an unconditional
// `can read` stands with no `cannot`. All support staff share one class; a participant's rules
// name their own id, so each participant has their own. A field may be declared multiplexed only
// if everything its selections reach depends on the viewer through nothing but the role and the
// ability on the selected types (tests/realtime/multiplex.test.ts holds this for sessions).
import {
  Kind,
  TypeInfo,
  getNamedType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  createSourceEventStream,
  executeSubscriptionEvent,
  mapSourceToResponseEvent,
  validateSubscriptionArgs,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { WebSocket } from "ws";
import type { AppAbility, SubjectName } from "../authz/actions.js";
import type { Context } from "../context/context.js";
import { oncePerEvent } from "../lib/per-event.js";

const fields = new Set<string>();

/** Declares a subscription field multiplexable (see the rule above). */
export function multiplexed(fieldName: string): void {
  fields.add(fieldName);
}

export const multiplexStats = { executions: 0, sharedSends: 0 };

function readRules(ability: AppAbility, subject: SubjectName): string {
  const rules = ability.rulesFor("read", subject as never);
  if (!rules.some((r) => r.inverted) && rules.some((r) => !r.conditions && !r.fields)) return "all";
  return JSON.stringify(rules.map((r) => [r.inverted ? 0 : 1, r.conditions ?? null, r.fields ?? null]));
}

export function permissionClass(ctx: Pick<Context, "viewer" | "ability">, subjects: readonly string[]): string {
  if (!ctx.viewer) return "anonymous";
  return [ctx.viewer.role, ...subjects.map((s) => `${s}=${readRules(ctx.ability, s as SubjectName)}`)].join("|");
}

const selectedTypes = new WeakMap<DocumentNode, string[]>();

/** Object types the document selects (once per parsed document; yoga caches parsed documents). */
function typesOf(schema: GraphQLSchema, doc: DocumentNode): string[] {
  let types = selectedTypes.get(doc);
  if (!types) {
    const found = new Set<string>();
    const info = new TypeInfo(schema);
    visit(
      doc,
      visitWithTypeInfo(info, {
        Field() {
          const t = info.getType();
          const named = t ? getNamedType(t) : undefined;
          if (named && isObjectType(named)) found.add(named.name);
        },
      }),
    );
    selectedTypes.set(doc, (types = [...found].sort()));
  }
  return types;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function rootField(doc: DocumentNode, operationName: string | null | undefined): string | undefined {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== "subscription") return undefined;
  const sel = op.selectionSet.selections;
  return sel.length === 1 && sel[0].kind === Kind.FIELD ? sel[0].name.value : undefined;
}

const sharedResults = new WeakSet<ExecutionResult>();

async function subscribeShared(args: ExecutionArgs, key: string) {
  const validated = validateSubscriptionArgs(args);
  if (!("schema" in validated)) return { errors: validated };
  const stream = await createSourceEventStream(validated);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  return mapSourceToResponseEvent(validated, stream, (perEvent) => {
    const event = perEvent.rootValue;
    if (typeof event !== "object" || event === null) return executeSubscriptionEvent(perEvent);
    return oncePerEvent(event, key, async () => {
      multiplexStats.executions++;
      const result = await executeSubscriptionEvent(perEvent);
      sharedResults.add(result);
      return result;
    });
  });
}

/** Routes subscriptions of multiplexable fields through the shared per-event execution. */
export function multiplexPlugin(): Plugin {
  return {
    onSubscribe({ args, setSubscribeFn }) {
      const field = rootField(args.document, args.operationName);
      const ctx = args.contextValue as unknown as Context;
      if (!field || !fields.has(field) || !ctx.viewer) return;
      const subjects = typesOf(args.schema, args.document);
      let doc = documentIds.get(args.document);
      if (doc === undefined) documentIds.set(args.document, (doc = nextDocumentId++));
      const key = `mux\n${doc}\n${args.operationName ?? ""}\n${JSON.stringify(args.variableValues ?? {})}\n${permissionClass(ctx, subjects)}`;
      setSubscribeFn((a) => subscribeShared(a as ExecutionArgs, key) as never);
    },
  };
}

// --- one serialisation per shared result -------------------------------------------------------
// graphql-ws serialises `{id, type: "next", payload}` per subscriber and hands the string to the
// socket synchronously. A shared result's payload is serialised once; its stand-in serialises to a
// marker that the socket's `send` swaps for that JSON.

const MARKER = "\u0000shared-payload";
const MARKED_TAIL = `"payload":${JSON.stringify(MARKER)}}`;
let pendingJson: string | undefined;
const standIns = new WeakMap<ExecutionResult, object>();

/** graphql-ws `onNext`: a stand-in for results shared by a multiplexed group, else undefined. */
export function sharedPayload(result: ExecutionResult): object | undefined {
  if (!sharedResults.has(result)) return undefined;
  let standIn = standIns.get(result);
  if (!standIn) {
    const { errors, ...rest } = result;
    const json = JSON.stringify({ ...rest, ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}) });
    standIn = {
      toJSON: () => {
        pendingJson = json;
        return MARKER;
      },
    };
    standIns.set(result, standIn);
  }
  return standIn;
}

/** Lets a graphql-ws socket send shared payloads (call once per connection). */
export function sendSharedPayloads(socket: WebSocket): void {
  const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    if (pendingJson !== undefined && typeof data === "string" && data.endsWith(MARKED_TAIL)) {
      data = `${data.slice(0, -MARKED_TAIL.length)}"payload":${pendingJson}}`;
      multiplexStats.sharedSends++;
    }
    pendingJson = undefined;
    return send(data, ...rest);
  }) as WebSocket["send"];
}
