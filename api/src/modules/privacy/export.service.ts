// exportMyData (seed 004 privacy policy): every row of every table that holds the viewer's data,
// found from the Prisma datamodel so tables added later by other modules are included without
// touching this file:
// 1. every model with a relation to User: rows where one of those foreign keys is the viewer
//    (except the foreign keys in EXCLUDED_FKS);
// 2. models without one, holding rows of a parent the viewer owns (agreements, goals, tasks,
//    check-ins of their mentorships; presence, checklist of their sessions; refunds of their
//    charges): rows whose foreign key points at an exported parent row;
// 3. the explicit extras (scalar user ids without a relation, login attempts by e-mail).
// Secrets (password and token hashes) are left out.
import type { DbTx } from "../../lib/db.js";
import { getDatamodel } from "../../generated/pothos-types.js";

type Field = { name: string; kind: string; type: string; relationFromFields?: readonly string[]; relationName?: string };
type Model = { fields: readonly Field[] };

/** Foreign keys whose rows are NOT the user's to see. */
export const EXCLUDED_FKS: Record<string, string[]> = {
  // reports against the user: the reporter's identity is protected (seed 003); the user's
  // enforcements (exported) carry the outcome.
  Report: ["subjectId"],
};

/** Scalar user ids that have no relation in the schema. */
export const SCALAR_USER_FIELDS: Record<string, string[]> = {
  SessionPresence: ["userId"],
  AccountDeletionRequest: ["userId"],
  SessionExpectation: ["coveredById"],
};

/** Parents whose children (models without their own user key) belong to the viewer too. */
export const PARENT_MODELS = ["Mentorship", "Session", "Charge", "MentorshipCheckIn", "Goal", "Milestone"] as const;

const OMIT_FIELDS = new Set(["passwordHash", "tokenHash"]);

const delegate = (db: DbTx, model: string) => (db as unknown as Record<string, { findMany(a: unknown): Promise<Record<string, unknown>[]> }>)[model[0].toLowerCase() + model.slice(1)];

function models(): Record<string, Model> {
  return getDatamodel().datamodel.models as unknown as Record<string, Model>;
}

/** Which foreign keys of a model point at the user, by the datamodel. */
export function userKeysOf(name: string, model: Model): string[] {
  const fromRelations = model.fields.filter((f) => f.kind === "object" && f.type === "User" && f.relationFromFields?.length).flatMap((f) => [...f.relationFromFields!]);
  const keys = [...fromRelations, ...(SCALAR_USER_FIELDS[name] ?? [])];
  return keys.filter((k) => !(EXCLUDED_FKS[name] ?? []).includes(k));
}

function parentKeysOf(model: Model): [field: string, parent: string][] {
  return model.fields
    .filter((f) => f.kind === "object" && (PARENT_MODELS as readonly string[]).includes(f.type) && f.relationFromFields?.length === 1)
    .map((f) => [f.relationFromFields![0], f.type]);
}

const clean = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !OMIT_FIELDS.has(k)));

export interface DataExport {
  exportedAt: string;
  userId: string;
  /** Model name -> rows (every model that can hold the user's data, possibly empty). */
  tables: Record<string, Record<string, unknown>[]>;
}

export async function collectUserData(db: DbTx, userId: string, now: Date): Promise<DataExport> {
  const all = models();
  const tables: Record<string, Record<string, unknown>[]> = {};
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  tables.User = [clean(user as unknown as Record<string, unknown>)];
  const direct = Object.entries(all).filter(([name, m]) => name !== "User" && userKeysOf(name, m).length);
  for (const [name, m] of direct) {
    const keys = userKeysOf(name, m);
    tables[name] = (await delegate(db, name).findMany({ where: { OR: keys.map((k) => ({ [k]: userId })) }, take: 50_000 })).map(clean);
  }
  tables.LoginAttempt = (await db.loginAttempt.findMany({ where: { email: user.email }, take: 50_000 })) as unknown as Record<string, unknown>[];
  // Children of the user's rows, parents first (a Goal's milestones after the Goal).
  const pending = Object.entries(all).filter(([name, m]) => !(name in tables) && parentKeysOf(m).length);
  for (let round = 0; round < 4 && pending.length; round++) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const [name, m] = pending[i];
      const links = parentKeysOf(m).filter(([, parent]) => parent in tables);
      if (!links.length) continue;
      const ors = links.map(([field, parent]) => ({ [field]: { in: tables[parent].map((r) => r.id as string).filter(Boolean) } }));
      tables[name] = (await delegate(db, name).findMany({ where: { OR: ors }, take: 50_000 })).map(clean);
      pending.splice(i, 1);
    }
  }
  return JSON.parse(JSON.stringify({ exportedAt: now.toISOString(), userId, tables })) as DataExport;
}

/** Models whose rows can belong to a user (for the completeness test and the report). */
export function exportableModels(): string[] {
  const all = models();
  const direct = Object.entries(all).filter(([name, m]) => name === "User" || userKeysOf(name, m).length).map(([n]) => n);
  return [...direct, "LoginAttempt"];
}
