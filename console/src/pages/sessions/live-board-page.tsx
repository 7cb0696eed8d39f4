// Live sessions board: sessions live now, starting within the next hours, and recently finished.
// The first list comes from `sessions`; every later change arrives over `liveSessions` and
// replaces the row (new bookings appear, state and presence update) without a reload.
import { createEffect, createMemo, createSignal, For, Show, on, onCleanup, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { BoardSessionFieldsFragment } from "../../gql/graphql";
import { AHEAD_HOURS, BEHIND_HOURS, boardFilter } from "./board-filter";
import { LiveBoardDocument, LiveSessionsDocument } from "./sessions.documents";
import { Badge, Button, Empty, ErrorBox, Loading } from "../../components/ui";
import { createNow, fmtTime } from "../../lib/now";
import { Party, StateBadge, Timer } from "./session-bits";

const POLL_MS = 30_000;
export const BOARD_SIZE = 100;

const LiveBoardPage: Component = () => {
  const now = createNow();
  const [filter, setFilter] = createSignal(boardFilter());
  const [res, refetch] = createQuery({ query: LiveBoardDocument, variables: () => ({ first: BOARD_SIZE, filter: filter() }), requestPolicy: "network-only" });
  // The window slides with time, and not every change is pushed (a new booking is not, today):
  // re-read the board every half minute in the background.
  const poll = setInterval(() => setFilter(boardFilter()), POLL_MS);
  onCleanup(() => clearInterval(poll));
  // Rows by id: whichever arrived last (a fetch or a push) wins.
  const [rows, setRows] = createSignal<Record<string, BoardSessionFieldsFragment>>({});
  createEffect(
    on(
      () => res.data,
      (d) => d && setRows((prev) => ({ ...prev, ...Object.fromEntries(d.sessions.edges.map((e) => [e.node.id, e.node])) })),
    ),
  );
  const [live] = createSubscription({ query: LiveSessionsDocument }, (_prev: null | undefined, d) => {
    setRows((prev) => ({ ...prev, [d.liveSessions.id]: d.liveSessions }));
    return null;
  });
  const all = createMemo(() => {
    const { from, to } = filter();
    return Object.values(rows()).filter((s) => s.startsAt < to && s.endsAt > from);
  });
  const liveNow = () => all().filter((s) => s.state === "LIVE").sort(by((s) => s.endsAt));
  const upcoming = () => all().filter((s) => s.state === "SCHEDULED").sort(by((s) => s.startsAt));
  const finished = () =>
    all()
      .filter((s) => s.state !== "LIVE" && s.state !== "SCHEDULED")
      .sort(by((s) => s.endedAt ?? s.cancelledAt ?? s.endsAt, -1));

  return (
    <section>
      <header class="row">
        <h1>Live sessions</h1>
        <Show when={live.fetching && !live.error} fallback={<Badge tone="warn">not live</Badge>}>
          <Badge tone="ok">live</Badge>
        </Show>
        <Button
          busy={res.fetching}
          onClick={() => {
            setFilter(boardFilter());
            refetch({ requestPolicy: "network-only" });
          }}
        >
          Refresh
        </Button>
      </header>
      <ErrorBox error={live.error} />
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Lane title="Live now" rows={liveNow()} now={now} empty="No session is live." />
        <Lane title={`Starting in the next ${AHEAD_HOURS} hours`} rows={upcoming()} now={now} empty="Nothing scheduled." />
        <Lane title={`Finished in the last ${BEHIND_HOURS} hours`} rows={finished()} now={now} empty="Nothing finished recently." />
      </Show>
    </section>
  );
};

const by =
  <T,>(key: (x: T) => string, dir = 1) =>
  (a: T, b: T) =>
    dir * key(a).localeCompare(key(b));

const Lane: Component<{ title: string; rows: BoardSessionFieldsFragment[]; now: () => number; empty: string }> = (props) => (
  <>
    <h2>
      {props.title} <span class="muted">({props.rows.length})</span>
    </h2>
    <Show when={props.rows.length} fallback={<Empty>{props.empty}</Empty>}>
      <table class="table board">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Topic</th>
            <th scope="col">Mentor</th>
            <th scope="col">Mentee</th>
            <th scope="col">State</th>
            <th scope="col">Timer</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(s) => (
              <tr data-testid="board-session" data-session-id={s.id} data-state={s.state}>
                <td>
                  {fmtTime(s.startsAt)}–{fmtTime(s.endsAt)}
                </td>
                <td>
                  <A href={`/sessions/${s.id}`}>{s.topic || "Session"}</A>
                </td>
                <td>
                  <Party s={s} who="mentor" now={props.now} />
                </td>
                <td>
                  <Party s={s} who="mentee" now={props.now} />
                </td>
                <td>
                  <StateBadge state={s.state} />
                </td>
                <td>
                  <Timer s={s} now={props.now} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  </>
);

export default LiveBoardPage;
