// Refunds: the latest refunds (by kind), a session's charge and refunds, a user's sessions;
// issuing a refund needs a reason and uses one idempotency key per dialog.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ChargeQuery, RefundKind, SessionState } from "../../gql/graphql";
import { ChargeDocument, IssueRefundDocument, RefundSessionDocument, RefundsDocument, UserSessionsDocument } from "./money.documents";
import { Badge, Button, Dialog, Empty, ErrorBox, Loading, createCursor, fmtDate } from "../../components/ui";
import { DataTable, Table, connectionState, type Column } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { newIdempotencyKey } from "../../lib/ids";
import { fmtMoney, parseMinor } from "./money";
import { MoneyTabs } from "./tabs";

// An empty list names no Refund: tell the cache that refund writes invalidate these queries.
const REFUND_TYPES = { additionalTypenames: ["Refund", "Charge"] };

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

type RefundRow = { id: string; kind: RefundKind; reason: string; createdAt: string; sessionId: string; amount: { amountMinor: number; currency: string } };

const REFUND_COLUMNS: Column<RefundRow>[] = [
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

const RefundDialog: Component<{ charge: ChargeQuery["charge"]; onClose(): void }> = (props) => {
  const key = newIdempotencyKey();
  const [state, run] = createMutation(IssueRefundDocument);
  const [session] = createQuery({ query: RefundSessionDocument, variables: () => ({ id: props.charge.sessionId }), requestPolicy: "network-only" });
  const [amount, setAmount] = createSignal("");
  const [reason, setReason] = createSignal("");
  // Nothing is issued from the form: it leads to a summary that must be confirmed.
  const [reviewing, setReviewing] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | undefined>();
  const max = () => props.charge.refundable.amountMinor;
  const problem = () => {
    if (!amount().trim()) return undefined; // everything refundable
    const m = parseMinor(amount());
    if (m === undefined || m === 0) return "Enter an amount, e.g. 12.50, or leave it empty";
    if (m > max()) return `At most ${fmtMoney(props.charge.refundable)} can be refunded`;
    return undefined;
  };
  const why = () => (problem() ? problem() : !reason().trim() ? "Give a reason first" : undefined);
  const minor = () => parseMinor(amount()) ?? max();
  const review = (e: Event) => {
    e.preventDefault();
    if (!why()) setReviewing(true);
  };
  const confirm = async () => {
    if (state.fetching || why()) return;
    const m = parseMinor(amount());
    const r = await run({
      input: {
        sessionId: props.charge.sessionId,
        reason: reason().trim(),
        idempotencyKey: key,
        ...(m ? { amount: { amountMinor: m, currency: props.charge.refundable.currency } } : {}),
      },
    });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title={reviewing() ? "Confirm the refund" : "Issue a refund"} onClose={props.onClose}>
      <Show
        when={reviewing()}
        fallback={
          <form class="stack" onSubmit={review}>
            <p>
              Refundable now: <strong>{fmtMoney(props.charge.refundable)}</strong>
            </p>
            <label>
              Amount ({props.charge.refundable.currency}; empty = everything refundable)
              <input inputmode="decimal" name="amount" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />
            </label>
            <Show when={problem()}>
              <div class="field-error">{problem()}</div>
            </Show>
            <label>
              Reason (recorded; shown to the payer)
              <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <div class="actions">
              <Button type="submit" kind="primary" disabled={Boolean(why())} title={why()}>
                Review refund…
              </Button>
              <Button onClick={props.onClose}>Cancel</Button>
            </div>
          </form>
        }
      >
        <div class="stack" data-testid="refund-summary">
          <dl class="facts">
            <dt>Amount</dt>
            <dd data-testid="refund-summary-amount">
              <strong>{fmtMoney({ amountMinor: minor(), currency: props.charge.refundable.currency })}</strong>
              {minor() === max() ? " (everything still refundable)" : ` of ${fmtMoney(props.charge.refundable)} refundable`}
            </dd>
            <dt>Session</dt>
            <dd>
              <Show when={session.data?.session} fallback={<Show when={!session.error} fallback={<A href={`/sessions/${props.charge.sessionId}`}>session</A>}><Loading /></Show>}>
                {(s) => (
                  <A href={`/sessions/${s().id}`}>
                    {s().topic || "Session"} · {fmtDate(s().startsAt)}
                  </A>
                )}
              </Show>
            </dd>
            <dt>Parties</dt>
            <dd data-testid="refund-summary-parties">
              back to {props.charge.payer.displayName} (who paid), from what {props.charge.payee.displayName} was paid
            </dd>
            <dt>Reason</dt>
            <dd>{reason().trim()}</dd>
          </dl>
          <Show when={session.data?.session?.state === "LIVE"}>
            <p class="error" role="alert" data-testid="refund-live-warning">
              This session is live right now: the refund does not end it.
            </p>
          </Show>
          <Show when={session.data?.session && session.data.session.state !== "LIVE"}>
            <p class="muted" data-testid="refund-session-state">
              The session is {SESSION_STATE[session.data!.session.state]}.
            </p>
          </Show>
          <ErrorBox error={error()} />
          <div class="actions">
            <Button kind="danger" busy={state.fetching} disabled={Boolean(why())} title={why()} onClick={confirm}>
              Confirm refund of {fmtMoney({ amountMinor: minor(), currency: props.charge.refundable.currency })}
            </Button>
            <Button onClick={() => setReviewing(false)}>Back</Button>
          </div>
        </div>
      </Show>
    </Dialog>
  );
};

const SESSION_STATE: Record<SessionState, string> = { SCHEDULED: "not started yet", LIVE: "live", ENDED: "over", NO_SHOW: "a no-show", CANCELLED: "cancelled" };

export default RefundsPage;
