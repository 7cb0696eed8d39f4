// One session: facts, who joined, timers, and its presence timeline, kept current by
// `sessionUpdated`; its charge, refunds, partial-refund requests and disputes; staff may cancel
// a booking, end a live call (with a reason) or refund, each when their permissions allow.
import { createMemo, createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery, createSubscription } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import { SessionDetailDocument, SessionUpdatedDocument, StaffCancelSessionDocument, StaffEndSessionDocument } from "./sessions.documents";
import { Button, Dialog, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { createNow, fmtTime } from "../../lib/now";
import { Party, StateBadge, Timer } from "./session-bits";
import { SessionMoney } from "./session-money";

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

const SessionPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const now = createNow();
  const [res] = createQuery({ query: SessionDetailDocument, variables: () => ({ id: params.id }) });
  const [pushed] = createSubscription({ query: SessionUpdatedDocument, variables: () => ({ id: params.id }) });
  const s = createMemo(() => pushed.data?.sessionUpdated ?? res.data?.session);
  const [action, setAction] = createSignal<"cancel" | "end" | null>(null);

  return (
    <section>
      <p>
        <A href="/sessions">← Live sessions</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={s()} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(x) => (
          <>
            <header class="row">
              <h1>{x().topic || "Session"}</h1>
              <StateBadge state={x().state} />
              <Timer s={x()} now={now} />
            </header>
            <dl class="facts">
              <dt>When</dt>
              <dd>
                {fmtDate(x().startsAt)} – {fmtTime(x().endsAt)} ({x().durationMinutes} min)
              </dd>
              <dt>Mentor</dt>
              <dd>
                <Party s={x()} who="mentor" now={now} />
              </dd>
              <dt>Mentee</dt>
              <dd>
                <Party s={x()} who="mentee" now={now} />
              </dd>
              <dt>Price</dt>
              <dd>{money(x().priceMinor, x().currency)}</dd>
              <dt>Policy version</dt>
              <dd>{x().policyVersion}</dd>
              <Show when={x().endReason}>
                <dt>End reason</dt>
                <dd>{x().endReason}</dd>
              </Show>
              <Show when={x().unlapsedMinutes != null}>
                <dt>Unlapsed minutes</dt>
                <dd>{x().unlapsedMinutes}</dd>
              </Show>
              <Show when={x().cancelledAt}>
                <dt>Cancelled</dt>
                <dd>
                  {fmtDate(x().cancelledAt)} by {x().cancelledBy?.toLowerCase()}: {x().cancelReason ?? "—"}
                  {x().refundDueMinor != null ? ` · refund ${money(x().refundDueMinor!, x().currency)} (${x().refundPercent}%)` : ""}
                </dd>
              </Show>
            </dl>
            <div class="actions">
              <Show when={x().state === "SCHEDULED" && can("cancel", "Session", true)}>
                <Button kind="danger" onClick={() => setAction("cancel")}>
                  Cancel booking…
                </Button>
              </Show>
              <Show when={x().state === "LIVE" && can("end", "Session", true)}>
                <Button kind="danger" onClick={() => setAction("end")}>
                  End with reason…
                </Button>
              </Show>
            </div>
            <h2>Timeline</h2>
            <Show when={x().presence.length} fallback={<p class="muted">No events yet.</p>}>
              <ol class="timeline" data-testid="session-timeline">
                <For each={x().presence}>
                  {(p) => (
                    <li>
                      <time dateTime={p.at}>{fmtTime(p.at)}</time> <strong>{p.party.toLowerCase()}</strong> {p.kind.toLowerCase().replace("_", " ")}{" "}
                      <span class="muted">({p.source.toLowerCase()})</span>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <SessionMoney sessionId={x().id} />
            <Show when={action()} keyed>
              {(a) => <StaffActionDialog kind={a} sessionId={x().id} onClose={() => setAction(null)} />}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const StaffActionDialog: Component<{ kind: "cancel" | "end"; sessionId: string; onClose(): void }> = (props) => {
  const [cancelState, cancel] = createMutation(StaffCancelSessionDocument);
  const [endState, end] = createMutation(StaffEndSessionDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const busy = () => cancelState.fetching || endState.fetching;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const input = { sessionId: props.sessionId, reason: reason().trim() };
    const r = props.kind === "cancel" ? await cancel({ input }) : await end({ input });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title={props.kind === "cancel" ? "Cancel this booking" : "End this call"} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <p class="muted">
          {props.kind === "cancel" ? "Staff cancellations refund the mentee in full." : "The call ends for both parties now."}
        </p>
        <label>
          Reason (recorded in the audit log)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="danger" busy={busy()} disabled={!reason().trim()}>
            {props.kind === "cancel" ? "Cancel booking" : "End call"}
          </Button>
          <Button onClick={props.onClose}>Back</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default SessionPage;
