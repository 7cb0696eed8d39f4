// Progress tracking (seed 004): goals with milestones per mentorship; tasks the mentor assigns
// and the mentee completes. Percentages are derived from these rows, never stored or typed in.
import { z } from "zod";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { zId, zText, zName } from "../../lib/validate.js";
import { assertActive, authorizeParty, loadMentorship, partyOf } from "./mentorships.service.js";

// ---- derivation (pure) -----------------------------------------------------------------------
type TaskLike = { status: string };
type MilestoneLike = { reachedAt: Date | null; tasks: TaskLike[] };
type GoalLike = { status: string; milestones: MilestoneLike[]; tasks: (TaskLike & { milestoneId: string | null })[] };

const ratio = (tasks: TaskLike[]) => {
  const counted = tasks.filter((t) => t.status !== "CANCELLED");
  return counted.length ? counted.filter((t) => t.status === "DONE").length / counted.length : 0;
};
/** A reached milestone is complete; otherwise its share of done tasks counts. */
export const milestoneFraction = (m: MilestoneLike) => (m.reachedAt ? 1 : ratio(m.tasks));
/** An achieved goal is complete; else the mean of its milestones, or of its own tasks without milestones. */
export function goalFraction(g: GoalLike): number {
  if (g.status === "ACHIEVED") return 1;
  if (g.milestones.length) return g.milestones.reduce((s, m) => s + milestoneFraction(m), 0) / g.milestones.length;
  return ratio(g.tasks.filter((t) => !t.milestoneId));
}
/** Mean over goals that are not abandoned; 0 without goals. */
export function mentorshipFraction(goals: GoalLike[]): number {
  const live = goals.filter((g) => g.status !== "ABANDONED");
  return live.length ? live.reduce((s, g) => s + goalFraction(g), 0) / live.length : 0;
}
export const percent = (f: number) => Math.round(f * 100);

export const GOAL_PROGRESS_SELECT = {
  status: true,
  milestones: { select: { reachedAt: true, tasks: { select: { status: true } } } },
  tasks: { select: { status: true, milestoneId: true } },
} as const;

// ---- writes ------------------------------------------------------------------------------------
// Every write authorizes against its mentorship row (authorizeParty), so a program suspension
// refuses it with its reason; goals, milestones and tasks need a running (ACTIVE) mentorship.
const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "must be a real date");

const goalInput = z.object({ mentorshipId: zId, title: zName(300).min(1, "is required"), description: zText(5000).default(""), targetDate: zDay.optional() });

export const createGoal = defineCommand({
  name: "progress.createGoal",
  input: goalInput,
  load: (c, i) => loadMentorship(c, i.mentorshipId),
  authorize: (g, m) => void authorizeParty(g, m, "Only the mentor and the mentee set goals"),
  run: (c, m, i) => {
    assertActive(m);
    return c.tx.goal.create({ data: { mentorshipId: m.id, title: i.title, description: i.description, targetDate: i.targetDate ?? null, createdBy: partyOf(c, m), createdAt: c.now } });
  },
});

async function loadGoal(c: CommandContext, goalId: string) {
  const goal = await c.tx.goal.findUnique({ where: { id: goalId } });
  if (!goal) throw notFound("Goal", goalId);
  return { goal, m: await loadMentorship(c, goal.mentorshipId) };
}

const goalStatusInput = z.object({ goalId: zId, status: z.enum(["ACTIVE", "ACHIEVED", "ABANDONED"]) });

export const setGoalStatus = defineCommand({
  name: "progress.setGoalStatus",
  input: goalStatusInput,
  load: (c, i) => loadGoal(c, i.goalId),
  authorize: (g, { m }) => void authorizeParty(g, m),
  run: (c, { goal }, i) => c.tx.goal.update({ where: { id: goal.id }, data: { status: i.status } }),
});

const milestoneInput = z.object({ goalId: zId, title: zName(300).min(1, "is required"), description: zText(5000).default(""), dueOn: zDay.optional(), position: z.number().int().min(0).max(1000).optional() });

export const addMilestone = defineCommand({
  name: "progress.addMilestone",
  input: milestoneInput,
  load: (c, i) => loadGoal(c, i.goalId),
  authorize: (g, { m }) => void authorizeParty(g, m, "Only the mentor and the mentee add milestones"),
  run: async (c, { goal, m }, i) => {
    assertActive(m);
    const position = i.position ?? (await c.tx.milestone.count({ where: { goalId: goal.id } }));
    return c.tx.milestone.create({ data: { goalId: goal.id, mentorshipId: goal.mentorshipId, title: i.title, description: i.description, dueOn: i.dueOn ?? null, position, createdAt: c.now } });
  },
});

const reachedInput = z.object({ milestoneId: zId, reached: z.boolean() });

/** The mentor documents a milestone as reached (certification criteria count these). */
export const setMilestoneReached = defineCommand({
  name: "progress.setMilestoneReached",
  input: reachedInput,
  load: async (c, i) => {
    const ms = await c.tx.milestone.findUnique({ where: { id: i.milestoneId } });
    if (!ms) throw notFound("Milestone", i.milestoneId);
    return { ms, m: await loadMentorship(c, ms.mentorshipId) };
  },
  authorize: (g, { m }) => g.require(authorizeParty(g, m) === "MENTOR", "The mentor marks milestones as reached"),
  run: (c, { ms }, i) => c.tx.milestone.update({ where: { id: ms.id }, data: { reachedAt: i.reached ? (ms.reachedAt ?? c.now) : null } }),
});

const taskInput = z.object({
  mentorshipId: zId,
  goalId: zId.optional(),
  milestoneId: zId.optional(),
  title: zName(300).min(1, "is required"),
  description: zText(5000).default(""),
  dueAt: z.date().optional(),
});

/** The mentor assigns a task to the mentee (seed 004: mentees complete assigned tasks). */
export const assignTask = defineCommand({
  name: "progress.assignTask",
  input: taskInput,
  load: (c, i) => loadMentorship(c, i.mentorshipId),
  authorize: (g, m) => g.require(authorizeParty(g, m) === "MENTOR", "The mentor assigns tasks"),
  run: async (c, m, i) => {
    assertActive(m);
    let goalId = i.goalId ?? null;
    if (i.milestoneId) {
      const ms = await c.tx.milestone.findUnique({ where: { id: i.milestoneId } });
      if (!ms || ms.mentorshipId !== m.id) throw notFound("Milestone", i.milestoneId);
      if (goalId && goalId !== ms.goalId) throw new DomainError("BAD_USER_INPUT", "milestoneId: belongs to another goal", { fields: { milestoneId: "belongs to another goal" } });
      goalId = ms.goalId;
    } else if (goalId) {
      const g = await c.tx.goal.findUnique({ where: { id: goalId } });
      if (!g || g.mentorshipId !== m.id) throw notFound("Goal", goalId);
    }
    const task = await c.tx.task.create({ data: { mentorshipId: m.id, goalId, milestoneId: i.milestoneId ?? null, title: i.title, description: i.description, dueAt: i.dueAt ?? null, createdAt: c.now } });
    await c.notify([{ userId: m.menteeId, kind: "task.assigned", subject: `New task: ${task.title}`, body: task.description || "Your mentor assigned you a task.", payload: { mentorshipId: m.id, taskId: task.id }, dedupeKey: `task-assigned:${task.id}`, channels: ["IN_APP"] }]);
    return task;
  },
});

async function loadTask(c: CommandContext, taskId: string) {
  const task = await c.tx.task.findUnique({ where: { id: taskId } });
  if (!task) throw notFound("Task", taskId);
  return { task, m: await loadMentorship(c, task.mentorshipId) };
}

const completeInput = z.object({ taskId: zId, note: zText(2000).default("") });

/** The mentee completes a task assigned to them. */
export const completeTask = defineCommand({
  name: "progress.completeTask",
  input: completeInput,
  load: (c, i) => loadTask(c, i.taskId),
  authorize: (g, { m }) => g.require(authorizeParty(g, m) === "MENTEE", "The mentee completes tasks"),
  run: async (c, { task }, i) => {
    const done = await c.tx.task.updateMany({ where: { id: task.id, status: "OPEN" }, data: { status: "DONE", completedAt: c.now, completionNote: i.note } });
    if (!done.count) throw conflict(`The task is ${task.status.toLowerCase()}`);
    return c.tx.task.findUniqueOrThrow({ where: { id: task.id } });
  },
});

const cancelTaskInput = z.object({ taskId: zId });

/** The mentor withdraws a task (it no longer counts towards progress). */
export const cancelTask = defineCommand({
  name: "progress.cancelTask",
  input: cancelTaskInput,
  load: (c, i) => loadTask(c, i.taskId),
  authorize: (g, { m }) => g.require(authorizeParty(g, m) === "MENTOR", "The mentor withdraws tasks"),
  run: async (c, { task }) => {
    const done = await c.tx.task.updateMany({ where: { id: task.id, status: "OPEN" }, data: { status: "CANCELLED" } });
    if (!done.count) throw conflict(`The task is ${task.status.toLowerCase()}`);
    return c.tx.task.findUniqueOrThrow({ where: { id: task.id } });
  },
});
