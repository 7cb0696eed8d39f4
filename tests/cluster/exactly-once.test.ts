// Timed jobs exactly once across real processes: three API processes (jobs on in each) over one
// PostgreSQL and one Redis race for the same due work; then one is killed with SIGKILL while the
// run is under way and the other two finish it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createClient, type Client } from "graphql-ws";
import { subscribe } from "../helpers/app.js";
import { clusterUnavailable, startCluster, until, type Cluster } from "../helpers/cluster.js";
import { duePartialRefunds, onceEach, overdueLiveSessions, sessionsStartingSoon, tally } from "../helpers/cluster-fixtures.js";

const skip = await clusterUnavailable();
if (skip) console.warn(`SKIPPED tests/cluster/exactly-once.test.ts: ${skip}`);

let cluster: Cluster;
let ws: Client | undefined;
let feed: ReturnType<typeof subscribe<{ liveSessions: { id: string; state: string } }>>;

describe.skipIf(!!skip)(`exactly once across 3 API processes${skip ? ` (SKIPPED: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    // Short job interval: the three loops overlap constantly (the race under test).
    cluster = await startCluster({ processes: 3, env: { JOB_INTERVAL_MS: "250" } });
    // Staff feed on the third process: every process's announcement reaches it through Redis.
    const token = await cluster.adminToken(cluster.nodes[2]);
    ws = createClient({ url: cluster.nodes[2].api.url.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    feed = subscribe(ws, `subscription { liveSessions { id state } }`);
    // Live once a probe session ended by whichever process gets it is announced here (a fresh
    // probe per attempt: one announced before the subscription reached Redis is lost).
    await until("an announcement through Redis", async () => {
      const [probe] = await overdueLiveSessions(cluster.db, 1, "probe");
      return feed.until(() => feed.events.some((e) => e.data?.liveSessions.id === probe), 2_000).then(() => true, () => false);
    }, 60_000);
  }, 120_000);

  afterEach((ctx) => {
    // a failed test says what the processes logged (a failing job is retried silently otherwise)
    if (ctx.task.result?.state === "fail") console.error(cluster.errors().slice(-20).join("\n"));
  });

  afterAll(async () => {
    await ws?.dispose();
    await cluster?.stop();
  });

  it("a batch of sessions reaching their end is auto-ended once each: one state change, one audit entry, one event", async () => {
    const ids = await overdueLiveSessions(cluster.db, 60, "batch");
    await until("all 60 ended", async () => (await cluster.db.session.count({ where: { id: { in: ids }, state: "ENDED" } })) === 60);
    const rows = await cluster.db.session.findMany({ where: { id: { in: ids } }, select: { id: true, endedAt: true, endsAt: true, endedBy: true } });
    // ended at the stipulated end, by the system
    for (const r of rows) expect([r.endedBy, r.endedAt?.getTime()]).toEqual(["SYSTEM", r.endsAt.getTime()]);
    const presence = await cluster.db.sessionPresence.findMany({ where: { sessionId: { in: ids }, kind: "AUTO_END" }, select: { sessionId: true } });
    expect(tally(ids, presence.map((p) => p.sessionId))).toEqual(onceEach(ids));
    const audits = await cluster.db.auditLog.findMany({ where: { subjectId: { in: ids } }, select: { subjectId: true, action: true } });
    expect(audits.every((a) => a.action === "session.auto_end")).toBe(true);
    expect(tally(ids, audits.map((a) => a.subjectId))).toEqual(onceEach(ids));
    await feed.until(() => ids.every((id) => feed.events.some((e) => e.data?.liveSessions.id === id)), 20_000);
    // every process runs the job twice more: a late duplicate (row or event) would show now
    await waitTicks(cluster, 2);
    expect(await cluster.db.auditLog.count({ where: { subjectId: { in: ids } } })).toBe(60);
    expect(tally(ids, feed.events.map((e) => e.data?.liveSessions.id ?? ""))).toEqual(onceEach(ids));
  });

  it("reminders are sent once", async () => {
    const { ids, userIds } = await sessionsStartingSoon(cluster.db, 10, "remind");
    const reminders = () => cluster.db.notification.findMany({ where: { userId: { in: userIds }, kind: "session.reminder" }, select: { userId: true, channel: true, payload: true } });
    await until("a reminder for every participant", async () => new Set((await reminders()).map((n) => n.userId)).size === userIds.length);
    // let every process run the job again: a duplicate would appear now
    await waitTicks(cluster, 2);
    const rows = await reminders();
    const channels = new Set(rows.map((r) => r.channel));
    expect(rows.length).toBe(userIds.length * channels.size);
    const perUserChannel = tally(userIds.flatMap((u) => [...channels].map((c) => `${u}:${c}`)), rows.map((r) => `${r.userId}:${r.channel}`));
    expect(Object.values(perUserChannel).every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((r) => (r.payload as { sessionId: string }).sessionId))).toEqual(new Set(ids));
  });

  it("uncontested partial refunds are paid once", async () => {
    const ids = await duePartialRefunds(cluster.db, 20, "payout");
    await until("all 20 paid", async () => (await cluster.db.partialRefundRequest.count({ where: { sessionId: { in: ids }, status: "PAID" } })) === 20);
    await waitTicks(cluster, 2);
    const refunds = await cluster.db.refund.findMany({ where: { sessionId: { in: ids } }, select: { sessionId: true, amountMinor: true, kind: true } });
    expect(tally(ids, refunds.map((r) => r.sessionId))).toEqual(onceEach(ids));
    expect(refunds.every((r) => r.amountMinor === 1500 && r.kind === "HANG_UP")).toBe(true);
    const charges = await cluster.db.charge.findMany({ where: { sessionId: { in: ids } }, select: { refundedMinor: true } });
    expect(charges.map((c) => c.refundedMinor)).toEqual(ids.map(() => 1500));
  });

  it("kill -9 of one process in the middle of a run: the others finish the work, nothing twice, nothing lost", async () => {
    const n = 400;
    const ids = await overdueLiveSessions(cluster.db, n, "kill");
    const ended = () => cluster.db.session.count({ where: { id: { in: ids }, state: "ENDED" } });
    // the run is under way: some ended, most not yet
    const atKill = await until("the run to be under way", async () => {
      const k = await ended();
      return k > 0 && k < n ? k : undefined;
    }, 30_000, 10);
    const victim = cluster.nodes[0];
    await cluster.kill(victim);
    expect(victim.api.child.signalCode).toBe("SIGKILL");
    expect(atKill).toBeLessThan(n);
    await until(`all ${n} ended by the survivors`, async () => (await ended()) === n, 45_000);
    await waitTicks(cluster, 2);
    const audits = await cluster.db.auditLog.findMany({ where: { subjectId: { in: ids } }, select: { subjectId: true } });
    expect(tally(ids, audits.map((a) => a.subjectId))).toEqual(onceEach(ids));
    const presence = await cluster.db.sessionPresence.findMany({ where: { sessionId: { in: ids }, kind: "AUTO_END" }, select: { sessionId: true } });
    expect(tally(ids, presence.map((p) => p.sessionId))).toEqual(onceEach(ids));
  }, 90_000);
});

/**
 * Waits until every live process has completed `rounds` more job rounds, observed through the
 * health endpoint's job counter (no sleeping on a guess).
 */
async function waitTicks(c: Cluster, rounds: number): Promise<true> {
  const live = c.nodes.filter((n) => n.api.child.exitCode === null && !n.api.child.signalCode);
  const read = async () => Promise.all(live.map(async (n) => ((await (await fetch(`${n.api.url}/health`)).json()) as { jobs?: { rounds: number } }).jobs?.rounds ?? 0));
  const start = await read();
  await until(`${rounds} more job rounds in every process`, async () => (await read()).every((r, i) => r >= start[i] + rounds), 20_000);
  return true;
}
