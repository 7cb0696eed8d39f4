// The dispute queue: unresolved disputes, nearest response deadline first (overdue on top), with
// filters; the staff feed re-reads it when a dispute is opened, assigned, noted or resolved.
import { Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { DisputeScope } from "../../gql/graphql";
import { DisputeQueueDocument, DisputeQueueUpdatedDocument, ResolvedDisputesDocument } from "./money.documents";
import { Badge, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { MoneyTabs } from "./tabs";
import { createNow, relative } from "../../lib/now";

const DisputesPage: Component = () => {
  const [params, setParams] = useSearchParams<{ view?: string; scope?: string }>();
  const cursor = createCursor();
  const view = () => params.view ?? "all";
  const resolved = () => view() === "resolved";
  const filter = () => ({
    scope: (params.scope as DisputeScope) || undefined,
    ...(view() === "mine" ? { assignedToMe: true } : {}),
    ...(view() === "unassigned" ? { unassigned: true } : {}),
    ...(view() === "overdue" ? { overdue: true } : {}),
  });
  const [queue, refetchQueue] = createQuery({
    query: DisputeQueueDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: filter() }),
    pause: resolved,
  });
  const [done, refetchDone] = createQuery({
    query: ResolvedDisputesDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: { statuses: ["RESOLVED" as const], scope: filter().scope } }),
    pause: () => !resolved(),
  });
  const [feed] = createSubscription({ query: DisputeQueueUpdatedDocument }, (n: number = 0) => {
    if (resolved()) refetchDone({ requestPolicy: "network-only" });
    else refetchQueue({ requestPolicy: "network-only" });
    return n + 1;
  });
  const res = () => (resolved() ? done : queue);
  const conn = () => (resolved() ? done.data?.disputes : queue.data?.disputeQueue);
  const now = createNow(30_000);
  const set = (p: Record<string, string | undefined>) => {
    cursor.reset();
    setParams(p);
  };

  return (
    <section>
      <header class="row">
        <h1>Disputes</h1>
        <Show when={feed.fetching && !feed.error}>
          <Badge tone="ok">live</Badge>
        </Show>
      </header>
      <MoneyTabs />
      <div class="filters">
        <label>
          Show
          <select value={view()} onChange={(e) => set({ view: e.currentTarget.value })}>
            <option value="all">open queue</option>
            <option value="mine">assigned to me</option>
            <option value="unassigned">unassigned</option>
            <option value="overdue">overdue</option>
            <option value="resolved">resolved</option>
          </select>
        </label>
        <label>
          Scope
          <select value={params.scope ?? ""} onChange={(e) => set({ scope: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <option value="SESSION">session</option>
            <option value="MENTORSHIP">mentorship</option>
          </select>
        </label>
      </div>
      <ErrorBox error={feed.error} />
      <DataTable
        state={connectionState(res, conn)}
        cursor={cursor}
        empty="No disputes here."
        testId="disputes"
        rowAttrs={(d) => ({ "data-testid": "dispute-row", "data-dispute-id": d.id, classList: { overdue: d.overdue } })}
        columns={[
          {
            header: "Dispute",
            cell: (d) => (
              <>
                <A href={`/disputes/${d.id}`}>{d.reason}</A>
                <div class="muted">
                  {d.scope.toLowerCase()} · opened by the {d.openedBy.toLowerCase()} · {fmtDate(d.createdAt)}
                </div>
              </>
            ),
          },
          {
            header: "Parties",
            cell: (d) => (
              <>
                {d.mentor.displayName} (mentor)
                <br />
                {d.mentee.displayName} (mentee)
              </>
            ),
          },
          {
            header: "Status",
            cell: (d) => (
              <>
                <Badge tone={d.status === "RESOLVED" ? "ok" : "info"}>{d.status.toLowerCase().replace("_", " ")}</Badge>
                <Show when={d.outcome}>
                  <div class="muted">{d.outcome!.toLowerCase().replace("_", " ")}</div>
                </Show>
              </>
            ),
          },
          {
            header: "Respond by",
            cell: (d) => (
              <>
                {fmtDate(d.responseDueAt)}
                <Show when={d.status !== "RESOLVED"}>
                  <div class="muted" data-testid="due-countdown">
                    {new Date(d.responseDueAt).getTime() >= now() ? `due ${relative(new Date(d.responseDueAt).getTime() - now())}` : `overdue by ${relative(now() - new Date(d.responseDueAt).getTime()).replace("in ", "")}`}
                  </div>
                </Show>
                <Show when={d.overdue}>
                  {" "}
                  <Badge tone="bad">overdue</Badge>
                </Show>
                <Show when={!d.overdue && d.status !== "RESOLVED" && new Date(d.responseDueAt).getTime() - now() < 6 * 3_600_000}>
                  {" "}
                  <Badge tone="warn">due soon</Badge>
                </Show>
              </>
            ),
          },
          { header: "Assignee", cell: (d) => d.assignee?.displayName ?? <span class="muted">unassigned</span> },
        ]}
      />
    </section>
  );
};

export default DisputesPage;
