// Progress tracking (seed 004): goals with milestones per mentorship; tasks the mentor assigns
// and the mentee completes. Percentages are derived from these rows, never stored or typed in.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText, zName } from "../../lib/validate.js";
import type { Goal, Milestone, Task } from "../../generated/prisma/client.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";
import { asParty, assertOpen, TX } from "./mentorships.service.js";

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
const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "must be a real date");

const goalInput = z.object({ mentorshipId: zId, title: zName(300).min(1, "is required"), description: zText(5000).default(""), targetDate: zDay.optional() });

export async function createGoal(deps: ServiceDeps, input: unknown): Promise<Goal> {
  const i = parseInput(goalInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { m, party } = await asParty(deps, tx, i.mentorshipId, "Only the mentor and the mentee set goals");
    assertOpen(m);
    return tx.goal.create({ data: { mentorshipId: m.id, title: i.title, description: i.description, targetDate: i.targetDate ?? null, createdBy: party, createdAt: now } });
  }, TX);
}

const goalStatusInput = z.object({ goalId: zId, status: z.enum(["ACTIVE", "ACHIEVED", "ABANDONED"]) });

export async function setGoalStatus(deps: ServiceDeps, input: unknown): Promise<Goal> {
  const i = parseInput(goalStatusInput, input);
  return deps.db.$transaction(async (tx) => {
    const g = await tx.goal.findUnique({ where: { id: i.goalId } });
    if (!g) throw notFound("Goal", i.goalId);
    await asParty(deps, tx, g.mentorshipId);
    return tx.goal.update({ where: { id: g.id }, data: { status: i.status } });
  }, TX);
}

const milestoneInput = z.object({ goalId: zId, title: zName(300).min(1, "is required"), description: zText(5000).default(""), dueOn: zDay.optional(), position: z.number().int().min(0).max(1000).optional() });

export async function addMilestone(deps: ServiceDeps, input: unknown): Promise<Milestone> {
  const i = parseInput(milestoneInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const g = await tx.goal.findUnique({ where: { id: i.goalId } });
    if (!g) throw notFound("Goal", i.goalId);
    const { m } = await asParty(deps, tx, g.mentorshipId, "Only the mentor and the mentee add milestones");
    assertOpen(m);
    const position = i.position ?? (await tx.milestone.count({ where: { goalId: g.id } }));
    return tx.milestone.create({ data: { goalId: g.id, mentorshipId: g.mentorshipId, title: i.title, description: i.description, dueOn: i.dueOn ?? null, position, createdAt: now } });
  }, TX);
}

const reachedInput = z.object({ milestoneId: zId, reached: z.boolean() });

/** The mentor documents a milestone as reached (certification criteria count these). */
export async function setMilestoneReached(deps: ServiceDeps, input: unknown): Promise<Milestone> {
  const i = parseInput(reachedInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ms = await tx.milestone.findUnique({ where: { id: i.milestoneId } });
    if (!ms) throw notFound("Milestone", i.milestoneId);
    const { party } = await asParty(deps, tx, ms.mentorshipId);
    if (party !== "MENTOR") throw new DomainError("FORBIDDEN", "The mentor marks milestones as reached");
    return tx.milestone.update({ where: { id: ms.id }, data: { reachedAt: i.reached ? (ms.reachedAt ?? now) : null } });
  }, TX);
}

const taskInput = z.object({
  mentorshipId: zId,
  goalId: zId.optional(),
  milestoneId: zId.optional(),
  title: zName(300).min(1, "is required"),
  description: zText(5000).default(""),
  dueAt: z.date().optional(),
});

/** The mentor assigns a task to the mentee (seed 004: mentees complete assigned tasks). */
export async function assignTask(deps: ServiceDeps, input: unknown): Promise<Task> {
  const i = parseInput(taskInput, input);
  const now = deps.clock.now();
  const { task, created } = await deps.db.$transaction(async (tx) => {
    const { m, party } = await asParty(deps, tx, i.mentorshipId);
    if (party !== "MENTOR") throw new DomainError("FORBIDDEN", "The mentor assigns tasks");
    assertOpen(m);
    let goalId = i.goalId ?? null;
    if (i.milestoneId) {
      const ms = await tx.milestone.findUnique({ where: { id: i.milestoneId } });
      if (!ms || ms.mentorshipId !== m.id) throw notFound("Milestone", i.milestoneId);
      if (goalId && goalId !== ms.goalId) throw new DomainError("BAD_USER_INPUT", "milestoneId: belongs to another goal", { fields: { milestoneId: "belongs to another goal" } });
      goalId = ms.goalId;
    } else if (goalId) {
      const g = await tx.goal.findUnique({ where: { id: goalId } });
      if (!g || g.mentorshipId !== m.id) throw notFound("Goal", goalId);
    }
    const task = await tx.task.create({ data: { mentorshipId: m.id, goalId, milestoneId: i.milestoneId ?? null, title: i.title, description: i.description, dueAt: i.dueAt ?? null, createdAt: now } });
    const created = await enqueueNotices(tx, [{ userId: m.menteeId, kind: "task.assigned", subject: `New task: ${task.title}`, body: task.description || "Your mentor assigned you a task.", payload: { mentorshipId: m.id, taskId: task.id }, dedupeKey: `task-assigned:${task.id}`, channels: ["IN_APP"] }], now);
    return { task, created };
  }, TX);
  announceNotices(deps.pubsub, created);
  return task;
}

const completeInput = z.object({ taskId: zId, note: zText(2000).default("") });

/** The mentee completes a task assigned to them. */
export async function completeTask(deps: ServiceDeps, input: unknown): Promise<Task> {
  const i = parseInput(completeInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: i.taskId } });
    if (!task) throw notFound("Task", i.taskId);
    const { party } = await asParty(deps, tx, task.mentorshipId);
    if (party !== "MENTEE") throw new DomainError("FORBIDDEN", "The mentee completes tasks");
    const done = await tx.task.updateMany({ where: { id: task.id, status: "OPEN" }, data: { status: "DONE", completedAt: now, completionNote: i.note } });
    if (!done.count) throw conflict(`The task is ${task.status.toLowerCase()}`);
    return tx.task.findUniqueOrThrow({ where: { id: task.id } });
  }, TX);
}

const cancelTaskInput = z.object({ taskId: zId });

/** The mentor withdraws a task (it no longer counts towards progress). */
export async function cancelTask(deps: ServiceDeps, input: unknown): Promise<Task> {
  const i = parseInput(cancelTaskInput, input);
  return deps.db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: i.taskId } });
    if (!task) throw notFound("Task", i.taskId);
    const { party } = await asParty(deps, tx, task.mentorshipId);
    if (party !== "MENTOR") throw new DomainError("FORBIDDEN", "The mentor withdraws tasks");
    const done = await tx.task.updateMany({ where: { id: task.id, status: "OPEN" }, data: { status: "CANCELLED" } });
    if (!done.count) throw conflict(`The task is ${task.status.toLowerCase()}`);
    return tx.task.findUniqueOrThrow({ where: { id: task.id } });
  }, TX);
}
