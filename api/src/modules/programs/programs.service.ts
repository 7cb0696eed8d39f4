import { z } from "zod";
import { announceViewerChanged } from "../auth/index.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zName } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { recordAudit, announceAudit } from "../audit/index.js";

const createInput = z.object({
  name: zName(120).min(2),
  description: z.string().trim().max(5000).default(""),
  kind: z.enum(["MENTORSHIP", "COUNSELLING", "COURSE"]).default("MENTORSHIP"),
});

export async function createProgram(deps: ServiceDeps, input: unknown) {
  const data = parseInput(createInput, input);
  assertCan(deps.ability, "create", "Program");
  const audits: { id: string }[] = [];
  try {
    const program = await deps.db.$transaction(async (tx) => {
      const p = await tx.program.create({ data: { ...data, createdAt: deps.clock.now() } });
      audits.push(await recordAudit(tx, deps.actor, { action: "program.create", subjectType: "Program", subjectId: p.id, after: p }, deps.requestId));
      return p;
    });
    announceAudit(deps.pubsub, audits);
    return program;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "A program with this name already exists");
    throw e;
  }
}

const memberInput = z.object({ programId: z.string().min(1), userId: z.string().min(1) });

/** Ties a user to a program; the program role follows the account role (mentor, support, mentee). */
export async function addProgramMember(deps: ServiceDeps, input: unknown) {
  const { programId, userId } = parseInput(memberInput, input);
  assertCan(deps.ability, "update", "Program");
  const audits: { id: string }[] = [];
  const member = await deps.db.$transaction(async (tx) => {
    const [program, user] = await Promise.all([tx.program.findUnique({ where: { id: programId } }), tx.user.findUnique({ where: { id: userId } })]);
    if (!program) throw notFound("Program", programId);
    if (!user) throw notFound("User", userId);
    if (user.role === "ADMIN") throw new DomainError("BAD_USER_INPUT", "Admins oversee every program and are not members");
    const role = user.role;
    const m = await tx.programMember.upsert({
      where: { programId_userId: { programId, userId } },
      create: { programId, userId, role, addedAt: deps.clock.now() },
      update: {},
    });
    audits.push(await recordAudit(tx, deps.actor, { action: "program.addMember", subjectType: "Program", subjectId: programId, after: { userId, role } }, deps.requestId));
    return m;
  });
  announceAudit(deps.pubsub, audits);
  // Program-wide restrictions follow membership: the user's cached viewer is stale now.
  announceViewerChanged(deps.pubsub, userId);
  return member;
}

export async function removeProgramMember(deps: ServiceDeps, input: unknown) {
  const { programId, userId } = parseInput(memberInput, input);
  assertCan(deps.ability, "update", "Program");
  const audits: { id: string }[] = [];
  await deps.db.$transaction(async (tx) => {
    const res = await tx.programMember.deleteMany({ where: { programId, userId } });
    if (res.count === 0) throw notFound("Program membership");
    audits.push(await recordAudit(tx, deps.actor, { action: "program.removeMember", subjectType: "Program", subjectId: programId, before: { userId } }, deps.requestId));
  });
  announceAudit(deps.pubsub, audits);
  announceViewerChanged(deps.pubsub, userId);
  return true;
}
