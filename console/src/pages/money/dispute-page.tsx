// One dispute: facts, the money at stake, party messages and internal notes side by side, assign
// and resolve. Every write sends the version the agent saw; the live subscription shows other
// agents' changes, and a write against a stale version is refused by the API with its message.
// "Also viewing" names the other staff who have it open.
import { createMemo, createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery, createSubscription } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { DisputeDetailFieldsFragment } from "../../gql/graphql";
import {
  AddDisputeNoteDocument,
  AssignDisputeDocument,
  ChargeDocument,
  DisputeDocument,
  DisputeUpdatedDocument,
  PostDisputeMessageDocument,
} from "./money.documents";
import { Badge, Button, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { fmtMoney } from "./money";
import { MoneyTabs } from "./tabs";
import { ResolveDialog } from "./resolve-dialog";
import { AlsoViewing } from "../../components/also-viewing";

const CHARGE_TYPES = { additionalTypenames: ["Refund", "Charge"] };

const DisputePage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can, viewer } = useViewer();
  const [res] = createQuery({ query: DisputeDocument, variables: () => ({ id: params.id }) });
  const [pushed] = createSubscription({ query: DisputeUpdatedDocument, variables: () => ({ id: params.id }) });
  // The newest of the fetched and the pushed row (by version).
  const d = createMemo<DisputeDetailFieldsFragment | undefined>(() => {
    const a = res.data?.dispute;
    const b = pushed.data?.disputeUpdated;
    if (!a || !b || b.id !== a.id) return a ?? b;
    return b.version >= a.version ? b : a;
  });
  const [charge] = createQuery({
    query: ChargeDocument,
    variables: () => ({ sessionId: d()?.sessionId ?? "" }),
    pause: () => !d()?.sessionId || !can("read", "Charge", true),
    context: CHARGE_TYPES,
  });
  const [assignState, assign] = createMutation(AssignDisputeDocument);
  const [assignError, setAssignError] = createSignal<CombinedError | undefined>();
  const [resolving, setResolving] = createSignal(false);
  const open = () => d()?.status !== "RESOLVED";

  const takeIt = async () => {
    const x = d();
    if (!x || assignState.fetching) return;
    const r = await assign({ input: { disputeId: x.id, expectedVersion: x.version } });
    setAssignError(r.error);
  };

  return (
    <section>
      <h1>Disputes</h1>
      <MoneyTabs />
      <p>
        <A href="/disputes">← Queue</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={d()} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(x) => (
          <>
            <header class="row">
              <h2>{x().reason}</h2>
              <Badge tone={x().status === "RESOLVED" ? "ok" : "info"}>{x().status.toLowerCase().replace("_", " ")}</Badge>
              <Show when={x().overdue}>
                <Badge tone="bad">overdue</Badge>
              </Show>
              <span class="muted" data-testid="dispute-version">
                version {x().version}
              </span>
            </header>
            <AlsoViewing subject="DISPUTE" id={x().id} />
            <dl class="facts">
              <dt>Parties</dt>
              <dd>
                <A href={`/users/${x().mentor.id}`}>{x().mentor.displayName}</A> (mentor) · <A href={`/users/${x().mentee.id}`}>{x().mentee.displayName}</A>{" "}
                (mentee) · opened by the {x().openedBy.toLowerCase()}
              </dd>
              <Show when={x().session}>
                {(s) => (
                  <>
                    <dt>Session</dt>
                    <dd>
                      <A href={`/sessions/${s().id}`}>{s().topic || "Session"}</A> · {fmtDate(s().startsAt)} · {s().state.toLowerCase()}
                    </dd>
                  </>
                )}
              </Show>
              <dt>Respond by</dt>
              <dd>{fmtDate(x().responseDueAt)}</dd>
              <dt>Assignee</dt>
              <dd data-testid="dispute-assignee">{x().assignee?.displayName ?? "unassigned"}</dd>
              <dt>Evidence</dt>
              <dd>{x().evidence || "—"}</dd>
              <Show when={x().partialRefundRequestId}>
                <dt>Decides</dt>
                <dd data-testid="dispute-partial-refund">
                  a mentor's contest of a hang-up partial refund (<A href="/refunds/partial">partial refunds</A>); resolving closes the request
                </dd>
              </Show>
              <Show when={charge.data}>
                {(c) => (
                  <>
                    <dt>Charge</dt>
                    <dd data-testid="dispute-charge">
                      {fmtMoney(c().charge.amount)} paid · {fmtMoney(c().charge.refunded)} refunded ·{" "}
                      <strong>{fmtMoney(c().charge.refundable)} refundable</strong>
                    </dd>
                  </>
                )}
              </Show>
              <Show when={x().resolvedAt}>
                <dt>Resolution</dt>
                <dd data-testid="dispute-resolution">
                  {x().outcome?.toLowerCase().replace("_", " ")}
                  {x().outcomeAmount ? ` · ${fmtMoney(x().outcomeAmount)}` : ""} · {fmtDate(x().resolvedAt)} — {x().resolutionReason}
                </dd>
              </Show>
            </dl>
            <ErrorBox error={charge.error} />
            <ErrorBox error={assignError()} />
            <Show when={open()}>
              <div class="actions">
                <Show when={can("assign", "Dispute", true) && x().assignee?.id !== viewer()?.id}>
                  <Button busy={assignState.fetching} onClick={takeIt}>
                    Assign to me
                  </Button>
                </Show>
                <Show when={can("resolve", "Dispute", true)}>
                  <Button kind="primary" onClick={() => setResolving(true)}>
                    Resolve…
                  </Button>
                </Show>
              </div>
            </Show>
            <div class="two-col">
              <Thread
                title="Messages to the parties"
                hint="Both parties see these."
                notes={x().messages}
                dispute={x()}
                kind="message"
                canWrite={open() && can("create", "DisputeNote", true)}
              />
              <Thread
                title="Internal notes"
                hint="Staff only; never shown to the parties."
                notes={x().internalNotes}
                dispute={x()}
                kind="note"
                canWrite={open() && can("create", "DisputeNote", true)}
              />
            </div>
            <Show when={resolving()}>
              <ResolveDialog dispute={x()} charge={charge.data?.charge} live={d} onClose={() => setResolving(false)} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const Thread: Component<{
  title: string;
  hint: string;
  notes: DisputeDetailFieldsFragment["messages"];
  dispute: DisputeDetailFieldsFragment;
  kind: "message" | "note";
  canWrite: boolean;
}> = (props) => {
  const [noteState, addNote] = createMutation(AddDisputeNoteDocument);
  const [msgState, postMessage] = createMutation(PostDisputeMessageDocument);
  const [body, setBody] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const busy = () => noteState.fetching || msgState.fetching;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy() || !body().trim()) return;
    const input = { disputeId: props.dispute.id, body: body().trim(), expectedVersion: props.dispute.version };
    const r = props.kind === "note" ? await addNote({ input }) : await postMessage({ input });
    setError(r.error);
    if (!r.error) setBody("");
  };
  return (
    <div class={`thread ${props.kind}`} data-testid={`thread-${props.kind}`}>
      <h3>{props.title}</h3>
      <p class="muted">{props.hint}</p>
      <Show when={props.notes.length} fallback={<p class="muted">None yet.</p>}>
        <ol class="notes">
          <For each={props.notes}>
            {(n) => (
              <li>
                <div class="muted">
                  {n.author.displayName} · {fmtDate(n.createdAt)}
                </div>
                <div class="prose">{n.body}</div>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.canWrite}>
        <form class="stack" onSubmit={submit}>
          <label>
            {props.kind === "note" ? "Add an internal note" : "Write to both parties"}
            <textarea value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
          </label>
          <ErrorBox error={error()} />
          <Button type="submit" busy={busy()} disabled={!body().trim()}>
            {props.kind === "note" ? "Add note" : "Send message"}
          </Button>
        </form>
      </Show>
    </div>
  );
};

export default DisputePage;
