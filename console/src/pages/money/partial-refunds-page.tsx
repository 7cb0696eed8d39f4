// Partial-refund requests after mentor hang-ups. An uncontested request is paid by the API when
// its contest window closes; a contested one waits for the dispute the contest opened, which is
// where staff decide it. So the staff action here is "resolve in the dispute".
import { createSignal, For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { PartialRefundStatus } from "../../gql/graphql";
import { PartialRefundRequestsDocument } from "./money.documents";
import { Badge, createCursor, fmtDate } from "../../components/ui";
import { CardList, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { createNow, relative } from "../../lib/now";
import { fmtMoney } from "./money";
import { MoneyTabs } from "./tabs";

const STATUS_LABEL: Record<PartialRefundStatus, string> = {
  PENDING: "Mentor may still contest",
  CONTESTED: "Contested: decide in the dispute",
  PAID: "Paid",
  CLOSED: "Closed",
};
const tone = (s: PartialRefundStatus) => (s === "CONTESTED" ? ("bad" as const) : s === "PENDING" ? ("warn" as const) : ("ok" as const));

const FILTERS: { label: string; statuses: PartialRefundStatus[] }[] = [
  { label: "Awaiting review (pending or contested)", statuses: ["PENDING", "CONTESTED"] },
  { label: "Contested", statuses: ["CONTESTED"] },
  { label: "Paid", statuses: ["PAID"] },
  { label: "Closed", statuses: ["CLOSED"] },
];

const PartialRefundsPage: Component = () => {
  const { can } = useViewer();
  const now = createNow(30_000);
  const [filter, setFilter] = createSignal(0);
  const cursor = createCursor();
  const [res] = createQuery({
    query: PartialRefundRequestsDocument,
    variables: () => ({ first: 25, after: cursor.after(), statuses: FILTERS[filter()].statuses }),
    context: { additionalTypenames: ["PartialRefundRequest", "Dispute"] },
    requestPolicy: "cache-and-network",
  });
  const mayResolve = () => can("resolve", "Dispute", true);
  return (
    <section>
      <h1>Refunds</h1>
      <MoneyTabs />
      <p class="muted">
        After a mentor ends a session early, the mentee may claim the unlapsed time. The mentor may contest until the deadline; an uncontested claim is
        paid automatically then. A contest opens a dispute, where the claim is decided.
      </p>
      <div class="filters">
        <label>
          Show
          <select
            value={filter()}
            onChange={(e) => {
              cursor.reset();
              setFilter(Number(e.currentTarget.value));
            }}
          >
            <For each={FILTERS}>{(f, i) => <option value={i()}>{f.label}</option>}</For>
          </select>
        </label>
      </div>
      <CardList
        state={connectionState(() => res, () => res.data?.partialRefundRequests)}
        cursor={cursor}
        empty="No partial-refund requests here."
        card={(r) => (
          <li class="card" data-testid="partial-refund" data-request-id={r.id}>
            <header class="row">
              <strong data-testid="partial-refund-amount">{fmtMoney(r.amount)}</strong>
              <span class="muted">
                of {fmtMoney(r.price)} for {r.unlapsedMinutes} of {r.scheduledMinutes} minutes not given
              </span>
              <Badge tone={tone(r.status)}>{STATUS_LABEL[r.status]}</Badge>
            </header>
            <p>
              <A href={`/users/${r.mentee.id}`}>{r.mentee.displayName}</A> (mentee) claims from{" "}
              <A href={`/users/${r.mentor.id}`}>{r.mentor.displayName}</A> (mentor) · <A href={`/sessions/${r.sessionId}`}>session</A> ·{" "}
              <A href={`/refunds?session=${r.sessionId}`}>charge and refunds</A>
            </p>
            <Show when={r.reason}>
              <p class="prose">
                <span class="muted">Mentee's reason:</span> {r.reason}
              </p>
            </Show>
            <p data-testid="partial-refund-deadline">
              Requested {fmtDate(r.createdAt)} · contest deadline {fmtDate(r.contestDeadline)}
              <Show when={r.status === "PENDING"}> ({relative(new Date(r.contestDeadline).getTime() - now())})</Show>
            </p>
            <Show when={r.contestedAt}>
              <p class="prose">
                <span class="muted">Contested {fmtDate(r.contestedAt)}:</span> {r.contestReason}
              </p>
            </Show>
            <Show when={r.paidAt}>
              <p class="muted">Paid {fmtDate(r.paidAt)}</p>
            </Show>
            <Show when={r.status === "CONTESTED" && r.disputeId}>
              <div class="actions">
                <Show
                  when={mayResolve()}
                  fallback={
                    <A class="btn plain" href={`/disputes/${r.disputeId}`}>
                      Open the dispute
                    </A>
                  }
                >
                  <A class="btn primary" href={`/disputes/${r.disputeId}`}>
                    Resolve in the dispute
                  </A>
                </Show>
              </div>
            </Show>
            <Show when={r.status === "PENDING"}>
              <p class="muted">Nothing to decide yet: paid automatically at the deadline unless the mentor contests.</p>
            </Show>
          </li>
        )}
      />
    </section>
  );
};

export default PartialRefundsPage;
