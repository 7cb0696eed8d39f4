import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { ApplicationStatus } from "../../generated/prisma/enums.js";
import { decideMentorApplication, submitMentorApplication } from "./mentor-applications.service.js";

const ApplicationStatusEnum = builder.enumType(ApplicationStatus, { name: "ApplicationStatus" });

const ApplicationRef = builder.prismaObject("MentorApplication", {
  fields: (t) => ({
    id: t.exposeID("id"),
    applicant: t.relation("applicant"),
    experience: t.exposeString("experience"),
    trackRecord: t.exposeString("trackRecord"),
    qualifications: t.exposeString("qualifications"),
    motivation: t.exposeString("motivation"),
    status: t.expose("status", { type: ApplicationStatusEnum }),
    reviewer: t.relation("reviewer", { nullable: true }),
    decisionReason: t.exposeString("decisionReason", { nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("mentorApplications", (t) =>
  t.prismaConnection({
    type: "MentorApplication",
    cursor: "id",
    authScopes: { can: ["read", "MentorApplication"] },
    args: { status: t.arg({ type: ApplicationStatusEnum, required: false }) },
    resolve: (query, _r, { status }, ctx) =>
      getDb().mentorApplication.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("MentorApplication"), status ? { status } : {}] },
        orderBy: { id: "asc" },
      }),
  }),
);

const SubmitMentorApplicationInput = builder.inputType("SubmitMentorApplicationInput", {
  fields: (t) => ({
    experience: t.string({ required: true }),
    trackRecord: t.string({ required: true }),
    qualifications: t.string({ required: true }),
    motivation: t.string({ required: true }),
  }),
});

builder.mutationField("submitMentorApplication", (t) =>
  t.field({
    type: ApplicationRef,
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: SubmitMentorApplicationInput, required: true }) },
    resolve: (_r, { input }, ctx) => submitMentorApplication(ctx.deps, input),
  }),
);

builder.mutationField("decideMentorApplication", (t) =>
  t.field({
    type: ApplicationRef,
    authScopes: { role: "ADMIN" },
    args: { applicationId: t.arg.id({ required: true }), approve: t.arg.boolean({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => decideMentorApplication(ctx.deps, { ...args, applicationId: String(args.applicationId) }),
  }),
);
