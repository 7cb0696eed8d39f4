// Issuing a refund: amount (empty = everything refundable) and reason, then a summary of what
// will happen (amount, session, parties, live warning) that must be confirmed. One idempotency
// key per dialog, so a double click or a retry refunds once.
import { createSignal, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ChargeQuery, SessionState } from "../../gql/graphql";
import { IssueRefundDocument, RefundSessionDocument } from "./money.documents";
import { Button, Dialog, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { newIdempotencyKey } from "../../lib/ids";
import { fmtMoney, parseMinor } from "./money";

export const RefundDialog: Component<{ charge: ChargeQuery["charge"]; onClose(): void }> = (props) => {
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
