// Landing page: who is signed in, where to go, and the charts the API can feed today.
import { For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { useViewer, allows } from "../../lib/viewer";
import { navLinks } from "../../lib/nav";
import { WorkQueues } from "./work-queues";
import { OverviewAuditDocument, OverviewDailyTotalsDocument } from "./overview.documents";
import { fmtMoney } from "../money/money";
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
        <Show when={can("read", "Dispute", true) || can("read", "Report", true)}>
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

// Counted by the API over every row of the window (per UTC day), not from a page of sessions.
const SessionCharts: Component = () => {
  const [res] = createQuery({ query: OverviewDailyTotalsDocument, variables: { days: DAYS } });
  const days = () => res.data?.dailyTotals ?? [];
  // The API's days are UTC dates: label them in UTC so a bar never shifts to its neighbour.
  const label = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
  const held = () => days().map((d) => ({ label: label(d.day), value: d.sessionsHeld }));
  const onTime = () =>
    days().map((d) => ({
      label: label(d.day),
      value: d.onTimeRate == null ? 0 : Math.round(d.onTimeRate * 100),
      detail: d.mentorJoins ? `${d.onTimeJoins} of ${d.mentorJoins} joins` : "no joins",
    }));
  const refunds = () =>
    days().map((d) => ({ label: label(d.day), value: d.refunds, detail: d.refunded.length ? d.refunded.map((m) => fmtMoney(m)).join(" + ") : undefined }));
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <BarChart title={`Sessions held per day (last ${DAYS} days)`} points={held()} />
        <BarChart title="Mentor on-time rate per day (joined within the grace)" points={onTime()} format={(v) => `${v}%`} tone="#7a5af8" />
        <BarChart title="Refunds per day (count, sum in the tooltip)" points={refunds()} tone="#d92d20" />
      </Show>
    </>
  );
};

export default OverviewPage;
