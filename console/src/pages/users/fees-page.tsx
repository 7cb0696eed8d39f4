// A mentor's lateness and fee history: the multiplier applied to new bookings, every change of it
// with the rule and reason behind it, and the late records (each a session) that lowered it.
import { For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { FeeHistoryQuery, FeeMultiplierRule, LateRecordsQuery } from "../../gql/graphql";
import { FeeHistoryDocument, LateRecordsDocument, MentorFeeSummaryDocument } from "./fees.documents";
import { Badge, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState, type Column } from "../../components/paged-list";

type Change = FeeHistoryQuery["feeMultiplierHistory"]["edges"][number]["node"];
type Late = LateRecordsQuery["lateRecords"]["edges"][number]["node"];
type SessionRef = { id: string; startsAt: string; mentee: { displayName: string } };

const RULE_LABEL: Record<FeeMultiplierRule, string> = {
  LATE_PENALTY: "Late start penalty",
  LATE_EXPIRED: "Late record expired",
  ON_TIME_STREAK: "On-time streak reward",
  UPHELD_COMPLAINT: "Upheld complaint",
};

/** Basis points as a multiplier: 9500 → "0.95×". */
export const multiplier = (bps: number) => `${(bps / 10000).toFixed(2)}×`;

const SessionLink = (props: { s: SessionRef }) => (
  <A href={`/sessions/${props.s.id}`}>
    {fmtDate(props.s.startsAt)} with {props.s.mentee.displayName}
  </A>
);

const CHANGE_COLUMNS: Column<Change>[] = [
  { header: "When", cell: (c) => fmtDate(c.createdAt) },
  { header: "Rule", cell: (c) => <Badge tone={c.toBps < c.fromBps ? "bad" : "ok"}>{RULE_LABEL[c.rule]}</Badge> },
  { header: "Multiplier", cell: (c) => `${multiplier(c.fromBps)} → ${multiplier(c.toBps)}` },
  { header: "Reason", cell: (c) => <span data-testid="fee-reason">{c.reason}</span> },
  {
    header: "Sessions",
    cell: (c) => (
      <Show when={c.sessions.length} fallback={<span class="muted">—</span>}>
        <ul class="plain-list">
          <For each={c.sessions}>{(s) => <li><SessionLink s={s} /></li>}</For>
        </ul>
      </Show>
    ),
  },
  { header: "Policy", cell: (c) => `version ${c.policyVersion}` },
];

const LATE_COLUMNS: Column<Late>[] = [
  { header: "Session", cell: (l) => <SessionLink s={l.session} /> },
  { header: "Late", cell: (l) => (l.noShow ? <Badge tone="bad">No-show</Badge> : `${l.lateMinutes} min`) },
  { header: "Penalty", cell: (l) => `−${(l.penaltyBps / 10000).toFixed(2)}×` },
  { header: "Recorded", cell: (l) => fmtDate(l.recordedAt) },
  { header: "Counts", cell: (l) => (l.expiredAt ? <span class="muted">expired {fmtDate(l.expiredAt)}</span> : <Badge tone="warn">still counts</Badge>) },
];

const FeesPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [summary] = createQuery({ query: MentorFeeSummaryDocument, variables: () => ({ mentorId: params.id }), requestPolicy: "cache-and-network" });
  const changesCursor = createCursor();
  const [changes] = createQuery({
    query: FeeHistoryDocument,
    variables: () => ({ mentorId: params.id, first: 25, after: changesCursor.after() }),
    requestPolicy: "cache-and-network",
  });
  const lateCursor = createCursor();
  const [late] = createQuery({
    query: LateRecordsDocument,
    variables: () => ({ mentorId: params.id, first: 25, after: lateCursor.after() }),
    requestPolicy: "cache-and-network",
  });
  const user = () => summary.data?.user;
  return (
    <section>
      <p>
        <A href={`/users/${params.id}`}>← {user()?.displayName ?? "Person"}</A>
      </p>
      <h1>Lateness and fees{user() ? `: ${user()!.displayName}` : ""}</h1>
      <ErrorBox error={summary.error} />
      <Show when={user()?.mentorProfile}>
        {(p) => (
          <dl class="facts">
            <dt>Fee multiplier on new bookings</dt>
            <dd data-testid="fee-multiplier">{multiplier(p().feeMultiplierBps)}</dd>
            <dt>On-time streak</dt>
            <dd>{p().onTimeStreak} sessions since the last reward or late record</dd>
          </dl>
        )}
      </Show>
      <Show when={user() && !user()!.mentorProfile}>
        <p class="empty">This person has no mentor profile.</p>
      </Show>
      <h2>Fee multiplier changes</h2>
      <DataTable
        state={connectionState(() => changes, () => changes.data?.feeMultiplierHistory)}
        cursor={changesCursor}
        empty="The multiplier has never changed."
        testId="fee-changes"
        rowAttrs={() => ({ "data-testid": "fee-change" })}
        columns={CHANGE_COLUMNS}
      />
      <h2>Late records</h2>
      <DataTable
        state={connectionState(() => late, () => late.data?.lateRecords)}
        cursor={lateCursor}
        empty="No late starts recorded."
        testId="late-records"
        rowAttrs={() => ({ "data-testid": "late-record" })}
        columns={LATE_COLUMNS}
      />
    </section>
  );
};

export default FeesPage;
