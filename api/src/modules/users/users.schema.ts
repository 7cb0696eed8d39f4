import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { Role, AccountStatus } from "../../generated/prisma/enums.js";
import { createAccount, setAccountStatus, setUserRole, updateMentorProfile, updateMyProfile } from "./users.service.js";

export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const AccountStatusEnum = builder.enumType(AccountStatus, { name: "AccountStatus" });

const UserRef = builder.prismaObject("User", {
  fields: (t) => ({
    id: t.exposeID("id"),
    displayName: t.exposeString("displayName"),
    role: t.expose("role", { type: RoleEnum }),
    status: t.expose("status", { type: AccountStatusEnum }),
    timeZone: t.exposeString("timeZone"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    // Contact details are private: only the person and staff see them.
    email: t.string({
      nullable: true,
      select: { email: true },
      resolve: (u, _a, ctx) =>
        ctx.viewer && (ctx.viewer.id === u.id || ctx.viewer.role === "ADMIN" || ctx.viewer.role === "SUPPORT") ? u.email : null,
    }),
    mentorProfile: t.relation("mentorProfile", {
      nullable: true,
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("MentorProfile") }),
    }),
    programMemberships: t.relation("programMemberships", {
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("ProgramMember") }),
    }),
  }),
});

const MentorProfileRef = builder.prismaObject("MentorProfile", {
  fields: (t) => ({
    headline: t.exposeString("headline"),
    bio: t.exposeString("bio"),
    expertise: t.exposeStringList("expertise"),
    hourlyRateMinor: t.exposeInt("hourlyRateMinor", { description: "Integer minor units (cents) of `currency`." }),
    currency: t.exposeString("currency"),
    approved: t.exposeBoolean("approved"),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    user: t.relation("user"),
  }),
});

builder.queryField("user", (t) =>
  t.prismaField({
    type: "User",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const row = await getDb().user.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("User"), { id: String(id) }] } });
      // Rows the viewer may not read are indistinguishable from rows that do not exist.
      if (!row) throw notFound("User", String(id));
      return row;
    },
  }),
);

const UserFilter = builder.inputType("UserFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Matches name or email (email only for staff)." }),
    role: t.field({ type: RoleEnum, required: false }),
    status: t.field({ type: AccountStatusEnum, required: false }),
  }),
});

builder.queryField("users", (t) =>
  t.prismaConnection({
    type: "User",
    cursor: "id",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { filter: t.arg({ type: UserFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      getDb().user.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("User"),
            filter?.role ? { role: filter.role } : {},
            filter?.status ? { status: filter.status } : {},
            filter?.search
              ? { OR: [{ displayName: { contains: filter.search, mode: "insensitive" } }, { email: { contains: filter.search, mode: "insensitive" } }] }
              : {},
          ],
        },
        orderBy: { id: "asc" },
      }),
  }),
);

builder.queryField("mentors", (t) =>
  t.prismaConnection({
    type: "User",
    cursor: "id",
    authScopes: { authenticated: true },
    args: { search: t.arg.string({ required: false }), expertise: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      getDb().user.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("User"),
            { role: "MENTOR", status: "ACTIVE", mentorProfile: { is: { approved: true } } },
            args.expertise ? { mentorProfile: { is: { expertise: { has: args.expertise } } } } : {},
            args.search
              ? { OR: [{ displayName: { contains: args.search, mode: "insensitive" } }, { mentorProfile: { is: { headline: { contains: args.search, mode: "insensitive" } } } }] }
              : {},
          ],
        },
        orderBy: { id: "asc" },
      }),
  }),
);

const UpdateMyProfileInput = builder.inputType("UpdateMyProfileInput", {
  fields: (t) => ({ displayName: t.string({ required: false }), timeZone: t.string({ required: false }) }),
});
const opt = <T>(v: T | null | undefined) => v ?? undefined;

builder.mutationField("updateMyProfile", (t) =>
  t.field({
    type: UserRef,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: UpdateMyProfileInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateMyProfile(ctx.deps, { displayName: opt(input.displayName), timeZone: opt(input.timeZone) }),
  }),
);

const UpdateMentorProfileInput = builder.inputType("UpdateMentorProfileInput", {
  fields: (t) => ({
    headline: t.string({ required: false }),
    bio: t.string({ required: false }),
    expertise: t.stringList({ required: false }),
    hourlyRateMinor: t.int({ required: false }),
    currency: t.string({ required: false }),
  }),
});

builder.mutationField("updateMentorProfile", (t) =>
  t.field({
    type: MentorProfileRef,
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: UpdateMentorProfileInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      updateMentorProfile(ctx.deps, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined))),
  }),
);

const CreateAccountInput = builder.inputType("CreateAccountInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    timeZone: t.string({ required: false }),
  }),
});

builder.mutationField("createAccount", (t) =>
  t.field({
    type: UserRef,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: (_r, { input }, ctx) => createAccount(ctx.deps, ctx.authSettings.passwordHashCost, { ...input, timeZone: opt(input.timeZone) }),
  }),
);

builder.mutationField("setUserRole", (t) =>
  t.field({
    type: UserRef,
    authScopes: { role: "ADMIN" },
    args: { userId: t.arg.id({ required: true }), role: t.arg({ type: RoleEnum, required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => setUserRole(ctx.deps, { ...args, userId: String(args.userId) }),
  }),
);

const SettableStatus = builder.enumType("SettableAccountStatus", { values: ["ACTIVE", "DEACTIVATED"] as const });

builder.mutationField("setAccountStatus", (t) =>
  t.field({
    type: UserRef,
    authScopes: { role: "ADMIN" },
    args: { userId: t.arg.id({ required: true }), status: t.arg({ type: SettableStatus, required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => setAccountStatus(ctx.deps, { ...args, userId: String(args.userId) }),
  }),
);
