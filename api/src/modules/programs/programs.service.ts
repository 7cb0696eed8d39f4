import { z } from "zod";
import { announceViewerChanged } from "../auth/index.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { zName } from "../../lib/validate.js";

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

const createInput = z.object({
  name: zName(120).min(2),
  description: z.string().trim().max(5000).default(""),
  kind: z.enum(["MENTORSHIP", "COUNSELLING", "COURSE"]).default("MENTORSHIP"),
});

export const createProgram = defineCommand({
  name: "programs.create",
  input: createInput,
  authorize: (g) => g.can("create", "Program"),
  run: async (c, _none, data) => {
    try {
      const p = await c.tx.program.create({ data: { ...data, createdAt: c.now } });
      await c.audit({ action: "program.create", subjectType: "Program", subjectId: p.id, after: p });
      return p;
    } catch (e) {
      // Two creations of one name at once: the unique index lets one through.
      if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "A program with this name already exists");
      throw e;
    }
  },
});

const memberInput = z.object({ programId: z.string().min(1), userId: z.string().min(1) });

/** Ties a user to a program; the program role follows the account role (mentor, support, mentee). */
export const addProgramMember = defineCommand({
  name: "programs.addMember",
  input: memberInput,
  load: async (c, { programId, userId }) => {
    const [program, user] = await Promise.all([c.tx.program.findUnique({ where: { id: programId } }), c.tx.user.findUnique({ where: { id: userId } })]);
    if (!program) throw notFound("Program", programId);
    if (!user) throw notFound("User", userId);
    return { program, user };
  },
  authorize: (g, { program }) => g.can("update", "Program", program),
  run: async (c, { user }, { programId, userId }) => {
    if (user.role === "ADMIN") throw new DomainError("BAD_USER_INPUT", "Admins oversee every program and are not members");
    const role = user.role;
    const m = await c.tx.programMember.upsert({
      where: { programId_userId: { programId, userId } },
      create: { programId, userId, role, addedAt: c.now },
      update: {},
    });
    await c.audit({ action: "program.addMember", subjectType: "Program", subjectId: programId, after: { userId, role } });
    // Program-wide restrictions follow membership: the user's cached viewer is stale now.
    c.afterCommit((pubsub) => announceViewerChanged(pubsub, userId));
    return m;
  },
});

export const removeProgramMember = defineCommand({
  name: "programs.removeMember",
  input: memberInput,
  load: async (c, { programId, userId }) => {
    const member = await c.tx.programMember.findUnique({ where: { programId_userId: { programId, userId } }, include: { program: true } });
    if (!member) throw notFound("Program membership");
    return member;
  },
  authorize: (g, member) => g.can("update", "Program", member.program),
  run: async (c, _member, { programId, userId }) => {
    const res = await c.tx.programMember.deleteMany({ where: { programId, userId } });
    if (res.count === 0) throw notFound("Program membership");
    await c.audit({ action: "program.removeMember", subjectType: "Program", subjectId: programId, before: { userId } });
    c.afterCommit((pubsub) => announceViewerChanged(pubsub, userId));
    return true;
  },
});
