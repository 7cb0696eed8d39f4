// A person's joined-up view below the profile: standing (active enforcements with end dates),
// reports they filed and reports about them, sessions (each a link) and their disputes — each shown only when the
// viewer may read that area.
import { For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { EnforcementFieldsFragment } from "../../gql/graphql";
import { PersonDisputesDocument, PersonSessionsDocument } from "./users.documents";
import { UserStandingDocument } from "../safety/safety.documents";
import { Badge, Empty, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { Table, type Column } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { fmtMoney } from "../money/money";
import { KindBadge, words } from "../safety/labels";
import { PersonReports } from "./person-reports";

export const PersonActivity: Component<{ userId: string }> = (props) => {
  const { can } = useViewer();
  return (
    <>
      <Show when={can("read", "Enforcement", true)}>
        <PersonStanding userId={props.userId} />
      </Show>
      <Show when={can("read", "Report", true)}>
        <PersonReports userId={props.userId} />
      </Show>
      <Show when={can("read", "Session", true)}>
        <PersonSessions userId={props.userId} />
      </Show>
      <Show when={can("read", "Dispute", true)}>
        <PersonDisputes userId={props.userId} />
      </Show>
    </>
  );
};

/** "strike until …", so an account with an active strike never reads as plainly active. */
const activeLine = (e: EnforcementFieldsFragment) =>
  `${e.reason}${e.endsAt ? ` · until ${fmtDate(e.endsAt)}` : e.dropsOutAt ? ` · counts until ${fmtDate(e.dropsOutAt)}` : ""}${e.appealDeadline ? ` · appeal by ${fmtDate(e.appealDeadline)}` : ""}`;

const PersonStanding: Component<{ userId: string }> = (props) => {
  const [res] = createQuery({ query: UserStandingDocument, variables: () => ({ userId: props.userId, first: 10 }) });
  const active = () => {
    const s = res.data?.userStanding;
    if (!s) return [];
    // A strike that suspends is listed both as a strike and as a suspension: show it once.
    const all = [...(s.ban ? [s.ban] : []), ...s.suspensions, ...s.activeStrikes, ...s.warnings];
    return all.filter((e, i) => all.findIndex((o) => o.id === e.id) === i);
  };
  return (
    <>
      <h2>Standing</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(d) => (
          <>
            <p data-testid="person-standing">
              <Badge tone={active().length ? "bad" : "ok"}>
                {active().length ? `${words(d().userStanding.status)} with ${active().length} active enforcement${active().length > 1 ? "s" : ""}` : words(d().userStanding.status)}
              </Badge>{" "}
              <span class="muted">next upheld violation brings {words(d().userStanding.nextStep)}</span>{" "}
              <A href={`/safety/users/${props.userId}`}>Full standing</A>
            </p>
            <Show when={active().length}>
              <ul data-testid="person-enforcements">
                <For each={active()}>
                  {(e) => (
                    <li>
                      <KindBadge kind={e.kind} /> {activeLine(e)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </>
  );
};

type SessionRow = { id: string; topic: string; startsAt: string; state: string; priceMinor: number; currency: string; mentor: { id: string; displayName: string }; mentee: { id: string; displayName: string } };

const SESSION_COLUMNS: Column<SessionRow>[] = [
  { header: "Session", cell: (s) => <A href={`/sessions/${s.id}`}>{s.topic || "Session"}</A> },
  { header: "When", cell: (s) => fmtDate(s.startsAt) },
  { header: "Mentor · mentee", cell: (s) => `${s.mentor.displayName} · ${s.mentee.displayName}` },
  { header: "State", cell: (s) => words(s.state) },
  { header: "Price", cell: (s) => fmtMoney({ amountMinor: s.priceMinor, currency: s.currency }) },
];

const PersonSessions: Component<{ userId: string }> = (props) => {
  const [res] = createQuery({ query: PersonSessionsDocument, variables: () => ({ userId: props.userId, first: 50 }) });
  return (
    <>
      <h2>Sessions</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={res.data!.sessions.edges.length} fallback={<Empty>No sessions.</Empty>}>
          <Table rows={res.data!.sessions.edges.map((e) => e.node)} columns={SESSION_COLUMNS} compact testId="person-sessions" />
        </Show>
      </Show>
    </>
  );
};

const PersonDisputes: Component<{ userId: string }> = (props) => {
  // The dispute list has no party filter: the latest 50 are narrowed to this person's.
  const [res] = createQuery({ query: PersonDisputesDocument, variables: () => ({ first: 50 }), context: { additionalTypenames: ["Dispute"] } });
  const rows = () => (res.data?.disputes.edges ?? []).map((e) => e.node).filter((d) => d.mentor.id === props.userId || d.mentee.id === props.userId);
  return (
    <>
      <h2>Disputes</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={rows().length} fallback={<Empty>No disputes.</Empty>}>
          <ul data-testid="person-disputes">
            <For each={rows()}>
              {(d) => (
                <li>
                  <A href={`/disputes/${d.id}`}>{d.reason}</A> · {words(d.status)} · opened {fmtDate(d.createdAt)} · <A href={`/sessions/${d.sessionId}`}>session</A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
};
