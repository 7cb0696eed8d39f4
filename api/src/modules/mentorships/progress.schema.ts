import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { addMilestone, assignTask, cancelTask, completeTask, createGoal, goalFraction, GOAL_PROGRESS_SELECT, milestoneFraction, percent, setGoalStatus, setMilestoneReached } from "./progress.service.js";
import { MentorshipPartyEnum, dayString } from "./mentorships.schema.js";

const GoalStatusEnum = builder.enumType("GoalStatus", { values: ["ACTIVE", "ACHIEVED", "ABANDONED"] as const });
const TaskStatusEnum = builder.enumType("TaskStatus", { values: ["OPEN", "DONE", "CANCELLED"] as const });

export const GoalRef = builder.prismaObject("Goal", {
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorshipId: t.exposeID("mentorshipId"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    targetDate: t.string({ nullable: true, select: { targetDate: true }, resolve: (g) => dayString(g.targetDate) }),
    status: t.expose("status", { type: GoalStatusEnum }),
    createdBy: t.expose("createdBy", { type: MentorshipPartyEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    milestones: t.relation("milestones", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Milestone"), orderBy: [{ position: "asc" }, { createdAt: "asc" }] }) }),
    tasks: t.relation("tasks", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Task"), orderBy: { createdAt: "asc" } }) }),
    progressPercent: t.int({
      description: "Derived: 100 when achieved; else the mean of its milestones (reached = 100, otherwise the share of done tasks), or of its own tasks.",
      select: GOAL_PROGRESS_SELECT,
      resolve: (g) => percent(goalFraction(g)),
    }),
  }),
});

export const MilestoneRef = builder.prismaObject("Milestone", {
  fields: (t) => ({
    id: t.exposeID("id"),
    goalId: t.exposeID("goalId"),
    mentorshipId: t.exposeID("mentorshipId"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    position: t.exposeInt("position"),
    dueOn: t.string({ nullable: true, select: { dueOn: true }, resolve: (m) => dayString(m.dueOn) }),
    reachedAt: t.expose("reachedAt", { type: "DateTime", nullable: true }),
    tasks: t.relation("tasks", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Task"), orderBy: { createdAt: "asc" } }) }),
    progressPercent: t.int({
      description: "Derived: 100 when reached, else the share of its done tasks (cancelled ones excluded).",
      select: { reachedAt: true, tasks: { select: { status: true } } },
      resolve: (m) => percent(milestoneFraction(m)),
    }),
  }),
});

export const TaskRef = builder.prismaObject("Task", {
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorshipId: t.exposeID("mentorshipId"),
    goalId: t.exposeID("goalId", { nullable: true }),
    milestoneId: t.exposeID("milestoneId", { nullable: true }),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true }),
    status: t.expose("status", { type: TaskStatusEnum }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    completionNote: t.exposeString("completionNote"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const PARTIES = { role: ["MENTOR", "MENTEE"] } as const;

const CreateGoalInput = builder.inputType("CreateGoalInput", {
  fields: (t) => ({ mentorshipId: t.id({ required: true }), title: t.string({ required: true }), description: t.string({ required: false }), targetDate: t.string({ required: false, description: "YYYY-MM-DD" }) }),
});
builder.mutationField("createGoal", (t) =>
  t.field({
    type: GoalRef,
    authScopes: { role: [...PARTIES.role] },
    args: { input: t.arg({ type: CreateGoalInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => createGoal(ctx.deps, { mentorshipId: String(i.mentorshipId), title: i.title, description: i.description ?? undefined, targetDate: i.targetDate ?? undefined }),
  }),
);

const SetGoalStatusInput = builder.inputType("SetGoalStatusInput", {
  fields: (t) => ({ goalId: t.id({ required: true }), status: t.field({ type: GoalStatusEnum, required: true }) }),
});
builder.mutationField("setGoalStatus", (t) =>
  t.field({
    type: GoalRef,
    authScopes: { role: [...PARTIES.role] },
    args: { input: t.arg({ type: SetGoalStatusInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => setGoalStatus(ctx.deps, { goalId: String(i.goalId), status: i.status }),
  }),
);

const AddMilestoneInput = builder.inputType("AddMilestoneInput", {
  fields: (t) => ({ goalId: t.id({ required: true }), title: t.string({ required: true }), description: t.string({ required: false }), dueOn: t.string({ required: false }), position: t.int({ required: false }) }),
});
builder.mutationField("addMilestone", (t) =>
  t.field({
    type: MilestoneRef,
    authScopes: { role: [...PARTIES.role] },
    args: { input: t.arg({ type: AddMilestoneInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => addMilestone(ctx.deps, { goalId: String(i.goalId), title: i.title, description: i.description ?? undefined, dueOn: i.dueOn ?? undefined, position: i.position ?? undefined }),
  }),
);

const SetMilestoneReachedInput = builder.inputType("SetMilestoneReachedInput", {
  fields: (t) => ({ milestoneId: t.id({ required: true }), reached: t.boolean({ required: true }) }),
});
builder.mutationField("setMilestoneReached", (t) =>
  t.field({
    type: MilestoneRef,
    authScopes: { role: "MENTOR" },
    description: "The mentor documents a milestone as reached (or not).",
    args: { input: t.arg({ type: SetMilestoneReachedInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => setMilestoneReached(ctx.deps, { milestoneId: String(i.milestoneId), reached: i.reached }),
  }),
);

const AssignTaskInput = builder.inputType("AssignTaskInput", {
  fields: (t) => ({
    mentorshipId: t.id({ required: true }),
    goalId: t.id({ required: false }),
    milestoneId: t.id({ required: false }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    dueAt: t.field({ type: "DateTime", required: false }),
  }),
});
builder.mutationField("assignTask", (t) =>
  t.field({
    type: TaskRef,
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: AssignTaskInput, required: true }) },
    resolve: (_r, { input: i }, ctx) =>
      assignTask(ctx.deps, { mentorshipId: String(i.mentorshipId), goalId: str(i.goalId), milestoneId: str(i.milestoneId), title: i.title, description: i.description ?? undefined, dueAt: i.dueAt ?? undefined }),
  }),
);

const CompleteTaskInput = builder.inputType("CompleteTaskInput", { fields: (t) => ({ taskId: t.id({ required: true }), note: t.string({ required: false }) }) });
builder.mutationField("completeTask", (t) =>
  t.field({
    type: TaskRef,
    authScopes: { role: "MENTEE" },
    args: { input: t.arg({ type: CompleteTaskInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => completeTask(ctx.deps, { taskId: String(i.taskId), note: i.note ?? undefined }),
  }),
);

const CancelTaskInput = builder.inputType("CancelTaskInput", { fields: (t) => ({ taskId: t.id({ required: true }) }) });
builder.mutationField("cancelTask", (t) =>
  t.field({
    type: TaskRef,
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: CancelTaskInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => cancelTask(ctx.deps, { taskId: String(i.taskId) }),
  }),
);
