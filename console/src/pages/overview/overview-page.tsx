// Landing page: who is signed in, where to go, and the charts the API can feed today.
import { For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { useViewer, allows } from "../../lib/viewer";
import { navLinks } from "../../lib/nav";
import { WorkQueues } from "./work-queues";
import { OverviewAuditDocument, OverviewSessionsDocument } from "./overview.documents";
import { BarChart, perDay } from "../../components/charts";
import { ErrorBox, Loading } from "../../components/ui";

const OverviewPage: Component = () => {
  const { viewer, can } = useViewer();
  const pages = () => navLinks().filter((p) => p.nav && p.path !== "/" && (!p.need || allows(viewer(), p.need)));
  return (
    <section>
      <h1>Overview</h1>
      <p>Signed in as {viewer()?.user.displayName}.</p>
      <Show when={can("read", "Dispute", true) || can("read", "Report", true)}>
        <WorkQueues />
      </Show>
      <Show when={pages().length} fallback={<p>Your account has no console pages. Staff accounts see their tools here.</p>}>
        <ul class="tiles">
          <For each={pages()}>
            {(p) => (
              <li>
                <A href={p.path}>{p.title}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="charts">
        <Show when={can("read", "Session", true)}>
          <SessionCharts />
        </Show>
      </div>
      <Show when={can("read", "AuditLog", true)}>
        <AuditActivity />
      </Show>
    </section>
  );
};

const AuditActivity: Component = () => {
  const [res] = createQuery({ query: OverviewAuditDocument, variables: { first: 100 } });
  const points = () => perDay(res.data?.auditLog.edges.map((e) => e.node) ?? [], (n) => n.createdAt, 14);
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <BarChart title="Staff and system actions per day (last 100, 14 days)" points={points()} />
      </Show>
    </>
  );
};

const DAYS = 14;

const SessionCharts: Component = () => {
  const since = new Date(Date.now() - DAYS * 86_400_000).toISOString();
  const [res] = createQuery({
    query: OverviewSessionsDocument,
    variables: { first: 100, filter: { from: since, to: new Date().toISOString(), states: ["LIVE", "ENDED", "NO_SHOW"] } },
  });
  const nodes = () => res.data?.sessions.edges.map((e) => e.node) ?? [];
  // Minutes late as the API recorded them when the mentor joined (no grace applied here).
  const delays = () => {
    const joined = nodes().filter((n) => n.mentorJoinedAt && n.mentorLateMinutes != null);
    const bucket = (lo: number, hi: number) => joined.filter((n) => n.mentorLateMinutes! >= lo && n.mentorLateMinutes! <= hi).length;
    return [
      { label: "0 min", value: bucket(0, 0) },
      { label: "1–5", value: bucket(1, 5) },
      { label: "6–10", value: bucket(6, 10) },
      { label: "11–15", value: bucket(11, 15) },
      { label: "> 15", value: bucket(16, Number.MAX_SAFE_INTEGER) },
    ];
  };
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <BarChart title={`Sessions held per day (last ${DAYS} days)`} points={perDay(nodes(), (n) => n.startsAt, DAYS)} />
        <BarChart title="Mentor join delay, minutes after the start" points={delays()} tone="#7a5af8" />
        <Show when={res.data!.sessions.pageInfo.hasNextPage}>
          <p class="muted">Only the first 100 sessions of the period are counted.</p>
        </Show>
      </Show>
    </>
  );
};

export default OverviewPage;
