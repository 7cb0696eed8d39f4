// The money side of one session: its charge (amount, refunded, refundable) with "Refund…" in
// place (the refund dialog and its confirmation), its refunds, partial-refund requests and disputes.
import { createSignal, For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { ChargeDocument, PartialRefundRequestsDocument } from "../money/money.documents";
import { SessionDisputesDocument } from "./sessions.documents";
import { Badge, Button, Empty, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { Table } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { fmtMoney } from "../money/money";
import { REFUND_COLUMNS, REFUND_TYPES } from "../money/refunds-page";
import { RefundDialog } from "../money/refund-dialog";

const words = (s: string) => s.toLowerCase().replace(/_/g, " ");

export const SessionMoney: Component<{ sessionId: string }> = (props) => {
  const { can } = useViewer();
  return (
    <>
      <Show when={can("read", "Refund", true)}>
        <SessionCharge sessionId={props.sessionId} mayRefund={can("refund", "Charge", true)} />
      </Show>
      <Show when={can("read", "PartialRefundRequest", true)}>
        <SessionPartialRefunds sessionId={props.sessionId} />
      </Show>
      <Show when={can("read", "Dispute", true)}>
        <SessionDisputes sessionId={props.sessionId} />
      </Show>
    </>
  );
};

const SessionCharge: Component<{ sessionId: string; mayRefund: boolean }> = (props) => {
  const [res] = createQuery({ query: ChargeDocument, variables: () => ({ sessionId: props.sessionId }), context: REFUND_TYPES });
  const [issuing, setIssuing] = createSignal(false);
  return (
    <>
      <h2>Charge</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data?.charge} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(c) => (
          <div class="card" data-testid="session-charge">
            <dl class="facts">
              <dt>Amount</dt>
              <dd>
                {fmtMoney(c().amount)} <Badge>{words(c().status)}</Badge>
              </dd>
              <dt>Paid</dt>
              <dd>
                by {c().payer.displayName} to {c().payee.displayName}
              </dd>
              <dt>Refunded</dt>
              <dd data-testid="charge-refunded">{fmtMoney(c().refunded)}</dd>
              <dt>Refundable</dt>
              <dd data-testid="charge-refundable">{fmtMoney(c().refundable)}</dd>
            </dl>
            <Show when={props.mayRefund}>
              <Button
                kind="danger"
                disabled={c().refundable.amountMinor <= 0}
                title={c().refundable.amountMinor <= 0 ? "Nothing is left to refund" : undefined}
                onClick={() => setIssuing(true)}
              >
                Refund…
              </Button>
            </Show>
            <h3>Refunds</h3>
            <Show when={c().refunds.length} fallback={<Empty>No refunds.</Empty>}>
              <Table
                rows={c().refunds.map((r) => ({ ...r, sessionId: c().sessionId }))}
                columns={REFUND_COLUMNS.filter((col) => col.header !== "Session")}
                compact
                testId="refunds"
                rowAttrs={() => ({ "data-testid": "refund-row" })}
              />
            </Show>
            <Show when={issuing()}>
              <RefundDialog charge={c()} onClose={() => setIssuing(false)} />
            </Show>
          </div>
        )}
      </Show>
    </>
  );
};

const SessionPartialRefunds: Component<{ sessionId: string }> = (props) => {
  // The API lists requests newest first without a session filter; a session has at most one, so the latest 50 are narrowed here.
  const [res] = createQuery({ query: PartialRefundRequestsDocument, variables: () => ({ first: 50 }), context: { additionalTypenames: ["PartialRefundRequest"] } });
  const rows = () => (res.data?.partialRefundRequests.edges ?? []).map((e) => e.node).filter((r) => r.sessionId === props.sessionId);
  return (
    <>
      <h2>Partial-refund requests</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={rows().length} fallback={<Empty>None for this session.</Empty>}>
          <ul data-testid="session-partial-refunds">
            <For each={rows()}>
              {(r) => (
                <li>
                  {fmtMoney(r.amount)} for {r.unlapsedMinutes} of {r.scheduledMinutes} min · <Badge>{words(r.status)}</Badge> · contest deadline {fmtDate(r.contestDeadline)}
                  <Show when={r.disputeId}>
                    {(d) => (
                      <>
                        {" "}
                        · <A href={`/disputes/${d()}`}>its dispute</A>
                      </>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
};

const SessionDisputes: Component<{ sessionId: string }> = (props) => {
  const [res] = createQuery({ query: SessionDisputesDocument, variables: () => ({ sessionId: props.sessionId }), context: { additionalTypenames: ["Dispute"] } });
  return (
    <>
      <h2>Disputes</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={res.data!.disputes.edges.length} fallback={<Empty>No dispute.</Empty>}>
          <ul data-testid="session-disputes">
            <For each={res.data!.disputes.edges}>
              {({ node: d }) => (
                <li>
                  <A href={`/disputes/${d.id}`}>{d.reason}</A> · <Badge tone={d.overdue ? "bad" : undefined}>{words(d.status)}</Badge> · opened {fmtDate(d.createdAt)}
                  {d.outcome ? ` · ${words(d.outcome)}` : ""}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
};
