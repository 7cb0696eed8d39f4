// Refunds: the latest refunds (by kind), a session's charge and refunds, a user's sessions;
// issuing a refund needs a reason and uses one idempotency key per dialog.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { RefundKind } from "../../gql/graphql";
import { ChargeDocument, RefundsDocument, UserSessionsDocument } from "./money.documents";
import { RefundDialog } from "./refund-dialog";
import { Badge, Button, Empty, ErrorBox, Loading, createCursor, fmtDate } from "../../components/ui";
import { DataTable, Table, connectionState, type Column } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { fmtMoney } from "./money";
import { MoneyTabs } from "./tabs";

// An empty list names no Refund: tell the cache that refund writes invalidate these queries.
export const REFUND_TYPES = { additionalTypenames: ["Refund", "Charge"] };

const KINDS: RefundKind[] = ["CANCELLATION", "DISPUTE", "HANG_UP", "ENFORCEMENT", "STAFF"];

const RefundsPage: Component = () => {
  const [params, setParams] = useSearchParams<{ session?: string; user?: string; kind?: string }>();
  const [sessionDraft, setSessionDraft] = createSignal(params.session ?? "");
  const [userDraft, setUserDraft] = createSignal(params.user ?? "");
  return (
    <section>
      <h1>Refunds</h1>
      <MoneyTabs />
      <div class="row filters">
        <form
          class="row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ session: sessionDraft().trim() || undefined, user: undefined });
          }}
        >
          <label>
            Session id
            <input name="session" value={sessionDraft()} onInput={(e) => setSessionDraft(e.currentTarget.value)} />
          </label>
          <button class="btn primary" type="submit">
            Show charge
          </button>
        </form>
        <form
          class="row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ user: userDraft().trim() || undefined, session: undefined });
          }}
        >
          <label>
            User id
            <input name="user" value={userDraft()} onInput={(e) => setUserDraft(e.currentTarget.value)} />
          </label>
          <button class="btn" type="submit">
            Show sessions
          </button>
        </form>
      </div>
      <Show when={params.session}>{(s) => <SessionCharge sessionId={s()} />}</Show>
      <Show when={params.user}>{(u) => <UserSessions userId={u()} onPick={(id) => { setSessionDraft(id); setParams({ session: id, user: undefined }); }} />}</Show>
      <RecentRefunds kind={(params.kind as RefundKind) || undefined} onKind={(k) => setParams({ kind: k })} />
    </section>
  );
};

const SessionCharge: Component<{ sessionId: string }> = (props) => {
  const { can } = useViewer();
  const [res] = createQuery({ query: ChargeDocument, variables: () => ({ sessionId: props.sessionId }), context: REFUND_TYPES });
  const [issuing, setIssuing] = createSignal(false);
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data?.charge} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(c) => (
          <div class="card" data-testid="charge">
            <header class="row">
              <h2>
                Charge for <A href={`/sessions/${c().sessionId}`}>session</A>
              </h2>
              <Badge>{c().status.toLowerCase().replace("_", " ")}</Badge>
            </header>
            <p>
              {c().payer.displayName} paid {fmtMoney(c().amount)} to {c().payee.displayName} · refunded {fmtMoney(c().refunded)} ·{" "}
              <strong data-testid="charge-refundable">{fmtMoney(c().refundable)} refundable</strong>
            </p>
            <Show when={can("refund", "Charge", true) && c().refundable.amountMinor > 0}>
              <Button kind="danger" onClick={() => setIssuing(true)}>
                Issue refund…
              </Button>
            </Show>
            <RefundTable rows={c().refunds.map((r) => ({ ...r, sessionId: c().sessionId }))} />
            <Show when={issuing()}>
              <RefundDialog charge={c()} onClose={() => setIssuing(false)} />
            </Show>
          </div>
        )}
      </Show>
    </>
  );
};

const UserSessions: Component<{ userId: string; onPick(id: string): void }> = (props) => {
  const [res] = createQuery({ query: UserSessionsDocument, variables: () => ({ first: 50, userId: props.userId }) });
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={res.data!.sessions.edges.length} fallback={<Empty>This user has no sessions.</Empty>}>
          <table class="table compact">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Mentor · mentee</th>
                <th scope="col">State</th>
                <th scope="col">Price</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={res.data!.sessions.edges}>
                {({ node: s }) => (
                  <tr>
                    <td>{fmtDate(s.startsAt)}</td>
                    <td>
                      {s.mentor.displayName} · {s.mentee.displayName}
                    </td>
                    <td>{s.state.toLowerCase()}</td>
                    <td>{fmtMoney({ amountMinor: s.priceMinor, currency: s.currency })}</td>
                    <td>
                      <Button onClick={() => props.onPick(s.id)}>Charge and refunds</Button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </>
  );
};

const RecentRefunds: Component<{ kind?: RefundKind; onKind(k?: string): void }> = (props) => {
  const cursor = createCursor();
  const [res] = createQuery({
    query: RefundsDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: props.kind ? { kinds: [props.kind] } : {} }),
    context: REFUND_TYPES,
  });
  return (
    <>
      <header class="row">
        <h2>Latest refunds</h2>
        <label>
          Kind{" "}
          <select
            value={props.kind ?? ""}
            onChange={(e) => {
              cursor.reset();
              props.onKind(e.currentTarget.value || undefined);
            }}
          >
            <option value="">any</option>
            <For each={KINDS}>{(k) => <option value={k}>{k.toLowerCase().replace("_", " ")}</option>}</For>
          </select>
        </label>
      </header>
      <DataTable
        state={connectionState(() => res, () => res.data?.refunds)}
        cursor={cursor}
        empty="No refunds."
        compact
        testId="refunds"
        rowAttrs={() => ({ "data-testid": "refund-row" })}
        columns={REFUND_COLUMNS}
      />
    </>
  );
};

export type RefundRow = { id: string; kind: RefundKind; reason: string; createdAt: string; sessionId: string; amount: { amountMinor: number; currency: string } };

export const REFUND_COLUMNS: Column<RefundRow>[] = [
  { header: "When", cell: (r) => fmtDate(r.createdAt) },
  { header: "Amount", cell: (r) => fmtMoney(r.amount) },
  { header: "Kind", cell: (r) => r.kind.toLowerCase().replace("_", " ") },
  { header: "Reason", cell: (r) => r.reason },
  { header: "Session", cell: (r) => <A href={`/refunds?session=${r.sessionId}`}>{r.sessionId.slice(0, 8)}…</A> },
];

/** The refunds of one charge (not paged). */
const RefundTable = (props: { rows: RefundRow[] }) => (
  <Show when={props.rows.length} fallback={<Empty>No refunds.</Empty>}>
    <Table rows={props.rows} columns={REFUND_COLUMNS} compact testId="refunds" rowAttrs={() => ({ "data-testid": "refund-row" })} />
  </Show>
);

export default RefundsPage;
