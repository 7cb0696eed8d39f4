// Appeals against enforcements: approving overturns the enforcement (it stops counting).
import { createSignal, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { AppealStatus } from "../../gql/graphql";
import { AppealsQueueDocument, DecideAppealDocument } from "./safety.documents";
import { Badge, Button, Dialog, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { CardList, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { KindBadge, SafetyTabs, words } from "./labels";

const AppealsPage: Component = () => {
  const { can } = useViewer();
  const [status, setStatus] = createSignal<AppealStatus | "">("PENDING");
  const cursor = createCursor();
  const [res, refetch] = createQuery({
    query: AppealsQueueDocument,
    variables: () => ({ first: 25, after: cursor.after(), status: status() || undefined }),
  });
  const [deciding, setDeciding] = createSignal<{ id: string; name: string; approve: boolean } | null>(null);
  const mayDecide = () => can("resolve", "Appeal", true);
  return (
    <section>
      <h1>Trust &amp; safety</h1>
      <SafetyTabs />
      <div class="filters">
        <label>
          Status
          <select
            value={status()}
            onChange={(e) => {
              cursor.reset();
              setStatus(e.currentTarget.value as AppealStatus | "");
            }}
          >
            <option value="PENDING">pending</option>
            <option value="APPROVED">approved</option>
            <option value="REJECTED">rejected</option>
            <option value="">any</option>
          </select>
        </label>
      </div>
      <CardList
        state={connectionState(() => res, () => res.data?.appeals)}
        cursor={cursor}
        empty="No appeals here."
        card={(a) => (
          <li class="card" data-testid="appeal">
            <header class="row">
              <strong>
                <A href={`/safety/users/${a.user.id}`}>{a.user.displayName}</A>
              </strong>
              <span>appeals a</span>
              <KindBadge kind={a.enforcement.kind} />
              <span class="muted">issued {fmtDate(a.enforcement.startsAt)}</span>
              <Badge tone={a.status === "PENDING" ? "warn" : a.status === "APPROVED" ? "ok" : "bad"}>{words(a.status)}</Badge>
            </header>
            <p>
              <span class="muted">Enforcement reason:</span> {a.enforcement.reason}
            </p>
            <p class="prose">
              <span class="muted">Statement:</span> {a.statement}
            </p>
            <Show when={a.decidedAt}>
              <p class="muted">
                Decided {fmtDate(a.decidedAt)} by {a.reviewer?.displayName ?? "—"}: {a.decisionReason}
              </p>
            </Show>
            <Show when={mayDecide() && a.status === "PENDING"}>
              <div class="actions">
                <Button kind="primary" onClick={() => setDeciding({ id: a.id, name: a.user.displayName, approve: true })}>
                  Approve (overturn)…
                </Button>
                <Button onClick={() => setDeciding({ id: a.id, name: a.user.displayName, approve: false })}>Reject…</Button>
              </div>
            </Show>
          </li>
        )}
      />
      <Show when={deciding()} keyed>
        {(d) => <DecideDialog {...d} onClose={() => setDeciding(null)} onDone={() => refetch({ requestPolicy: "network-only" })} />}
      </Show>
    </section>
  );
};

const DecideDialog: Component<{ id: string; name: string; approve: boolean; onClose(): void; onDone(): void }> = (props) => {
  const [state, run] = createMutation(DecideAppealDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ input: { appealId: props.id, approve: props.approve, reason: reason().trim() } });
    setError(r.error);
    if (!r.error) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <Dialog title={`${props.approve ? "Approve" : "Reject"} the appeal of ${props.name}`} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Reason (sent to the user)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!reason().trim()}>
            {props.approve ? "Approve and overturn" : "Reject appeal"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default AppealsPage;
