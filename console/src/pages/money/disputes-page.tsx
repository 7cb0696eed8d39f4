// The dispute queue: unresolved disputes, nearest response deadline first (overdue on top), with
// filters; the staff feed re-reads it when a dispute is opened, assigned, noted or resolved.
import { For, Show, createSignal, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { DisputeScope } from "../../gql/graphql";
import { DisputeQueueDocument, DisputeQueueUpdatedDocument, ResolvedDisputesDocument } from "./money.documents";
import { Badge, Empty, ErrorBox, Loading, Pager, createCursor, fmtDate } from "../../components/ui";
import { MoneyTabs } from "./tabs";

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
  const rows = () => conn()?.edges.map((e) => e.node) ?? [];
  const [now] = createSignal(Date.now());
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
      <ErrorBox error={res().error} />
      <Show when={conn()} fallback={<Show when={!res().error}><Loading /></Show>}>
        <Show when={rows().length} fallback={<Empty>No disputes here.</Empty>}>
          <table class="table" data-testid="disputes">
            <thead>
              <tr>
                <th scope="col">Dispute</th>
                <th scope="col">Parties</th>
                <th scope="col">Status</th>
                <th scope="col">Respond by</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(d) => (
                  <tr data-testid="dispute-row" data-dispute-id={d.id} classList={{ overdue: d.overdue }}>
                    <td>
                      <A href={`/disputes/${d.id}`}>{d.reason}</A>
                      <div class="muted">
                        {d.scope.toLowerCase()} · opened by the {d.openedBy.toLowerCase()} · {fmtDate(d.createdAt)}
                      </div>
                    </td>
                    <td>
                      {d.mentor.displayName} (mentor)
                      <br />
                      {d.mentee.displayName} (mentee)
                    </td>
                    <td>
                      <Badge tone={d.status === "RESOLVED" ? "ok" : "info"}>{d.status.toLowerCase().replace("_", " ")}</Badge>
                      <Show when={d.outcome}>
                        <div class="muted">{d.outcome!.toLowerCase().replace("_", " ")}</div>
                      </Show>
                    </td>
                    <td>
                      {fmtDate(d.responseDueAt)}
                      <Show when={d.overdue}>
                        {" "}
                        <Badge tone="bad">overdue</Badge>
                      </Show>
                      <Show when={!d.overdue && d.status !== "RESOLVED" && new Date(d.responseDueAt).getTime() - now() < 6 * 3_600_000}>
                        {" "}
                        <Badge tone="warn">due soon</Badge>
                      </Show>
                    </td>
                    <td>{d.assignee?.displayName ?? <span class="muted">unassigned</span>}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
        <Pager
          busy={res().fetching}
          hasPrev={cursor.hasPrev()}
          hasNext={Boolean(conn()?.pageInfo.hasNextPage)}
          onPrev={cursor.prev}
          onNext={() => cursor.next(conn()?.pageInfo.endCursor)}
        />
      </Show>
    </section>
  );
};

export default DisputesPage;
