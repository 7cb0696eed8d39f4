import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { createCertificationProgram, enrollInCertification, evaluateMentee, type CriteriaProgress, type RubricCriterion } from "./certifications.service.js";
import { certificationProgress, issueCertificate, revokeCertificate, verifyCertificate, type CertificateVerification } from "./certificates.service.js";

const RubricCriterionRef = builder.objectRef<RubricCriterion>("RubricCriterion").implement({
  fields: (t) => ({ key: t.exposeString("key"), label: t.exposeString("label"), maxPoints: t.exposeInt("maxPoints") }),
});

const ProgramRef = builder.prismaObject("CertificationProgram", {
  description: "A certification: criteria (completed sessions, milestones reached, minimum average evaluation score) and the rubric mentors score.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    minCompletedSessions: t.exposeInt("minCompletedSessions"),
    minMilestonesReached: t.exposeInt("minMilestonesReached"),
    minEvaluationScore: t.exposeInt("minEvaluationScore", { nullable: true, description: "Percent; null: no evaluation needed." }),
    mentoringProgramId: t.exposeID("mentoringProgramId", { nullable: true }),
    rubric: t.field({ type: [RubricCriterionRef], select: { rubric: true }, resolve: (p) => p.rubric as unknown as RubricCriterion[] }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const EnrollmentRef = builder.prismaObject("CertificationEnrollment", {
  fields: (t) => ({ program: t.relation("program"), menteeId: t.exposeID("menteeId"), enrolledAt: t.expose("enrolledAt", { type: "DateTime" }) }),
});

const ScoreRef = builder.objectRef<{ key: string; points: number }>("RubricScore").implement({
  fields: (t) => ({ key: t.exposeString("key"), points: t.exposeInt("points") }),
});

const EvaluationRef = builder.prismaObject("Evaluation", {
  fields: (t) => ({
    id: t.exposeID("id"),
    program: t.relation("program"),
    menteeId: t.exposeID("menteeId"),
    mentorId: t.exposeID("mentorId"),
    mentorshipId: t.exposeID("mentorshipId"),
    scores: t.field({ type: [ScoreRef], select: { scores: true }, resolve: (e) => Object.entries(e.scores as Record<string, number>).map(([key, points]) => ({ key, points })) }),
    scorePercent: t.exposeInt("scorePercent"),
    comment: t.exposeString("comment"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const IssuerEnum = builder.enumType("CertificateIssuer", { values: ["AUTOMATIC", "STAFF"] as const });

const CertificateRef = builder.prismaObject("Certificate", {
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code", { description: "Public verification code (verifyCertificate)." }),
    program: t.relation("program"),
    menteeId: t.exposeID("menteeId"),
    holderName: t.string({ select: { mentee: { select: { displayName: true } } }, resolve: (c) => c.mentee.displayName }),
    issuedAt: t.expose("issuedAt", { type: "DateTime" }),
    issuedBy: t.expose("issuedBy", { type: IssuerEnum }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    revokeReason: t.exposeString("revokeReason", { nullable: true }),
  }),
});

const ProgressRef = builder.objectRef<CriteriaProgress>("CertificationProgress").implement({
  fields: (t) => ({
    completedSessions: t.exposeInt("completedSessions"),
    requiredSessions: t.exposeInt("requiredSessions"),
    milestonesReached: t.exposeInt("milestonesReached"),
    requiredMilestones: t.exposeInt("requiredMilestones"),
    evaluationScore: t.exposeInt("evaluationScore", { nullable: true }),
    requiredScore: t.exposeInt("requiredScore", { nullable: true }),
    evaluations: t.exposeInt("evaluations"),
    met: t.exposeBoolean("met"),
  }),
});

const StatusEnum = builder.enumType("CertificateStatus", { values: ["VALID", "REVOKED", "UNKNOWN"] as const });

const VerificationRef = builder.objectRef<CertificateVerification>("CertificateVerification").implement({
  description: "The public answer for a certificate code: valid only if issued and not revoked.",
  fields: (t) => ({
    code: t.exposeString("code"),
    valid: t.exposeBoolean("valid"),
    status: t.field({ type: StatusEnum, resolve: (v) => v.status }),
    programName: t.exposeString("programName", { nullable: true }),
    holderName: t.exposeString("holderName", { nullable: true }),
    issuedAt: t.expose("issuedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("certificationPrograms", (t) =>
  t.prismaField({
    type: ["CertificationProgram"],
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => getDb().certificationProgram.findMany({ ...query, where: accessibleBy(ctx.ability).ofType("CertificationProgram"), orderBy: { name: "asc" } }),
  }),
);

builder.queryField("certificates", (t) =>
  t.prismaConnection({
    type: "Certificate",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Mentees: their own certificates. Staff: all, optionally of one mentee.",
    args: { menteeId: t.arg.id({ required: false }) },
    resolve: (query, _r, a, ctx) =>
      getDb().certificate.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Certificate"), a.menteeId ? { menteeId: String(a.menteeId) } : {}] }, orderBy: { id: "desc" } }),
  }),
);

builder.queryField("evaluations", (t) =>
  t.prismaConnection({
    type: "Evaluation",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Mentees: evaluations of them; mentors: the ones they wrote; staff: all.",
    args: { programId: t.arg.id({ required: false }), menteeId: t.arg.id({ required: false }) },
    resolve: (query, _r, a, ctx) =>
      getDb().evaluation.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("Evaluation"), { programId: a.programId ? String(a.programId) : undefined, menteeId: a.menteeId ? String(a.menteeId) : undefined }] },
        orderBy: { id: "desc" },
      }),
  }),
);

builder.queryField("certificationProgress", (t) =>
  t.field({
    type: ProgressRef,
    authScopes: { authenticated: true },
    description: "Criteria progress of a mentee (default: the viewer); mentors see their mentees', staff anyone's.",
    args: { programId: t.arg.id({ required: true }), menteeId: t.arg.id({ required: false }) },
    resolve: (_r, a, ctx) => certificationProgress(ctx.deps, { programId: String(a.programId), menteeId: a.menteeId ? String(a.menteeId) : undefined }),
  }),
);

builder.queryField("verifyCertificate", (t) =>
  t.field({
    type: VerificationRef,
    // public: employers and other third parties check a certificate by its code without an
    // account; the answer names the program and holder only, and a revoked one is not valid.
    skipTypeScopes: true,
    authScopes: { public: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_r, { code }, ctx) => verifyCertificate(ctx.deps, { code }),
  }),
);

const RubricCriterionInput = builder.inputType("RubricCriterionInput", {
  fields: (t) => ({ key: t.string({ required: true }), label: t.string({ required: true }), maxPoints: t.int({ required: true }) }),
});

const CreateCertificationProgramInput = builder.inputType("CreateCertificationProgramInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    minCompletedSessions: t.int({ required: false }),
    minMilestonesReached: t.int({ required: false }),
    minEvaluationScore: t.int({ required: false }),
    rubric: t.field({ type: [RubricCriterionInput], required: true }),
    mentoringProgramId: t.id({ required: false, description: "The mentoring program whose mentorships earn it; none: programless mentorships." }),
  }),
});

builder.mutationField("createCertificationProgram", (t) =>
  t.field({
    type: ProgramRef,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: CreateCertificationProgramInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createCertificationProgram(ctx.deps, {
        name: input.name,
        description: input.description ?? undefined,
        minCompletedSessions: input.minCompletedSessions ?? undefined,
        minMilestonesReached: input.minMilestonesReached ?? undefined,
        minEvaluationScore: input.minEvaluationScore ?? null,
        rubric: input.rubric,
        mentoringProgramId: input.mentoringProgramId ? String(input.mentoringProgramId) : null,
      }),
  }),
);

builder.mutationField("enrollInCertification", (t) =>
  t.field({
    type: EnrollmentRef,
    authScopes: { role: "MENTEE" },
    args: { programId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => enrollInCertification(ctx.deps, { programId: String(a.programId) }),
  }),
);

const ScoreInput = builder.inputType("RubricScoreInput", { fields: (t) => ({ key: t.string({ required: true }), points: t.int({ required: true }) }) });
const EvaluateMenteeInput = builder.inputType("EvaluateMenteeInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    mentorshipId: t.id({ required: true }),
    scores: t.field({ type: [ScoreInput], required: true }),
    comment: t.string({ required: false }),
  }),
});

builder.mutationField("evaluateMentee", (t) =>
  t.field({
    type: EvaluationRef,
    description: "The mentor of a mentorship scores its (enrolled) mentee against the program's rubric; a certificate is issued when the criteria are then met.",
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: EvaluateMenteeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      evaluateMentee(ctx.deps, { programId: String(input.programId), mentorshipId: String(input.mentorshipId), scores: input.scores, comment: input.comment ?? undefined }),
  }),
);

const IssueCertificateInput = builder.inputType("IssueCertificateInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    menteeId: t.id({ required: true }),
    reason: t.string({ required: true }),
    overrideUnmetCriteria: t.boolean({ required: false, description: "Required (true) to issue when the criteria are not met; recorded in the audit log." }),
  }),
});

builder.mutationField("issueCertificate", (t) =>
  t.field({
    type: CertificateRef,
    description: "Staff issue a certificate (audited with the reason); with unmet criteria only with overrideUnmetCriteria.",
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: IssueCertificateInput, required: true }) },
    resolve: (_r, { input }, ctx) => issueCertificate(ctx.deps, { programId: String(input.programId), menteeId: String(input.menteeId), reason: input.reason, overrideUnmetCriteria: input.overrideUnmetCriteria ?? false }),
  }),
);

const RevokeCertificateInput = builder.inputType("RevokeCertificateInput", {
  fields: (t) => ({ certificateId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("revokeCertificate", (t) =>
  t.field({
    type: CertificateRef,
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: RevokeCertificateInput, required: true }) },
    resolve: (_r, { input }, ctx) => revokeCertificate(ctx.deps, { certificateId: String(input.certificateId), reason: input.reason }),
  }),
);
