import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { ProgramKind, ProgramRole } from "../../generated/prisma/enums.js";
import { addProgramMember, createProgram, removeProgramMember } from "./programs.service.js";

const ProgramKindEnum = builder.enumType(ProgramKind, { name: "ProgramKind" });
const ProgramRoleEnum = builder.enumType(ProgramRole, { name: "ProgramRole" });

const ProgramRef = builder.prismaObject("Program", {
  description: "A mentorship or counselling program / course (seed 003) with its mentors and support staff.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    kind: t.expose("kind", { type: ProgramKindEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    members: t.relation("members", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("ProgramMember") }) }),
  }),
});

const ProgramMemberRef = builder.prismaObject("ProgramMember", {
  fields: (t) => ({
    program: t.relation("program"),
    user: t.relation("user"),
    role: t.expose("role", { type: ProgramRoleEnum }),
    addedAt: t.expose("addedAt", { type: "DateTime" }),
  }),
});

builder.queryField("programs", (t) =>
  t.prismaField({
    type: ["Program"],
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => getDb().program.findMany({ ...query, where: accessibleBy(ctx.ability).ofType("Program"), orderBy: { name: "asc" } }),
  }),
);

builder.queryField("program", (t) =>
  t.prismaField({
    type: "Program",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().program.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Program"), { id: String(id) }] } });
      if (!row) throw notFound("Program", String(id));
      return row;
    },
  }),
);

const CreateProgramInput = builder.inputType("CreateProgramInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    kind: t.field({ type: ProgramKindEnum, required: false }),
  }),
});

builder.mutationField("createProgram", (t) =>
  t.field({
    type: ProgramRef,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateProgramInput, required: true }) },
    resolve: (_r, { input }, ctx) => createProgram(ctx.deps, { name: input.name, description: input.description ?? undefined, kind: input.kind ?? undefined }),
  }),
);

builder.mutationField("addProgramMember", (t) =>
  t.field({
    type: ProgramMemberRef,
    authScopes: { role: "ADMIN" },
    args: { programId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => addProgramMember(ctx.deps, { programId: String(a.programId), userId: String(a.userId) }),
  }),
);

builder.mutationField("removeProgramMember", (t) =>
  t.boolean({
    authScopes: { role: "ADMIN" },
    args: { programId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => removeProgramMember(ctx.deps, { programId: String(a.programId), userId: String(a.userId) }),
  }),
);
