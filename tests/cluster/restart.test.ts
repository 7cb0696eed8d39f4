// kill -9 of a process with jobs on while sessions are overdue; on restart it ends them (at their
// stipulated end) and announces them, seen by a subscriber on another process through Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createClient, type Client } from "graphql-ws";
import { subscribe } from "../helpers/app.js";
import { clusterUnavailable, startCluster, until, type Cluster } from "../helpers/cluster.js";
import { onceEach, overdueLiveSessions, tally } from "../helpers/cluster-fixtures.js";

const skip = await clusterUnavailable();
if (skip) console.warn(`SKIPPED tests/cluster/restart.test.ts: ${skip}`);

let cluster: Cluster;
let ws: Client | undefined;

describe.skipIf(!!skip)(`restart after kill -9${skip ? ` (SKIPPED: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    // Process 0 runs jobs, but only its start-up catch-up round within this test (interval of
    // an hour); process 1 serves the subscriber and runs no jobs.
    cluster = await startCluster({ processes: 2, envFor: (i): Record<string, string> => (i === 0 ? { JOB_INTERVAL_MS: "3600000" } : { JOBS: "off" }) });
  }, 120_000);

  afterAll(async () => {
    await ws?.dispose();
    await cluster?.stop();
  });

  it("sessions overdue when the process died are ended at their stipulated end and announced on restart", async () => {
    const [jobsNode, watcher] = cluster.nodes;
    const token = await cluster.adminToken(watcher);
    ws = createClient({ url: watcher.api.url.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const feed = subscribe<{ liveSessions: { id: string; state: string } }>(ws, `subscription { liveSessions { id state } }`);
    // The feed is live once an announcement made through Redis arrives: a staff end of a live
    // probe session (a fresh probe per attempt: one published before the subscription is lost).
    await until("an announcement through Redis", async () => {
      const [probe] = await overdueLiveSessions(cluster.db, 1, "probe");
      await cluster.db.session.update({ where: { id: probe }, data: { endsAt: new Date(Date.now() + 3_600_000) } });
      await cluster.gql(watcher, `mutation($id: ID!) { endSession(input: { sessionId: $id, reason: "probe" }) { id } }`, { id: probe }, token);
      return feed.until(() => feed.events.some((e) => e.data?.liveSessions.id === probe), 1_000).then(() => true, () => false);
    });

    // overdue while the jobs process is up (its next round is an hour away), then SIGKILL
    const ids = await overdueLiveSessions(cluster.db, 30, "overdue");
    await cluster.kill(jobsNode);
    expect(jobsNode.api.child.signalCode).toBe("SIGKILL");
    expect(await cluster.db.session.count({ where: { id: { in: ids }, state: "LIVE" } })).toBe(30);

    const restarted = await cluster.restart(jobsNode);
    await until("the catch-up round ended them", async () => (await cluster.db.session.count({ where: { id: { in: ids }, state: "ENDED" } })) === 30).catch(async (e) => {
      const health = await fetch(`${restarted.api.url}/health`).then((r) => r.text());
      const states = await cluster.db.session.groupBy({ by: ["state"], where: { id: { in: ids } }, _count: true });
      throw new Error(`${(e as Error).message}\nhealth ${health} states ${JSON.stringify(states)} env ${JSON.stringify(restarted.env)}\nrestarted process output:\n${restarted.api.output().slice(-4000)}`);
    });
    const rows = await cluster.db.session.findMany({ where: { id: { in: ids } }, select: { endedAt: true, endsAt: true, endedBy: true } });
    for (const r of rows) expect([r.endedBy, r.endedAt?.getTime()]).toEqual(["SYSTEM", r.endsAt.getTime()]);
    await feed.until(() => ids.every((id) => feed.events.some((e) => e.data?.liveSessions.id === id)), 20_000);
    expect(tally(ids, feed.events.map((e) => e.data?.liveSessions.id ?? ""))).toEqual(onceEach(ids));
    const audits = await cluster.db.auditLog.findMany({ where: { subjectId: { in: ids } }, select: { subjectId: true } });
    expect(tally(ids, audits.map((a) => a.subjectId))).toEqual(onceEach(ids));
    expect(restarted.api.child.exitCode).toBeNull();
  }, 90_000);
});
