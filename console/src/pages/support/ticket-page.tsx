// One support ticket: the thread with the asker, an answer box, assign to me, and close with a
// reason. Actions show only when the viewer's permissions allow them; a closed ticket takes no
// answer (the button says why).
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { SupportTicketQuery } from "../../gql/graphql";
import { AssignSupportTicketDocument, CloseSupportTicketDocument, ReplyToSupportTicketDocument, SupportTicketDocument } from "./support.documents";
import { Badge, Button, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { STATUS_LABEL, statusTone } from "./labels";
import { AlsoViewing } from "../../components/also-viewing";
import { ReasonDialog } from "../../components/reason-dialog";

type Ticket = SupportTicketQuery["supportTicket"];

const TicketPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [res, refetch] = createQuery({ query: SupportTicketDocument, variables: () => ({ id: params.id }), requestPolicy: "cache-and-network" });
  return (
    <section>
      <p>
        <A href="/support">← Support tickets</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={!res.error || res.data} fallback={<Button onClick={() => refetch({ requestPolicy: "network-only" })}>Retry</Button>}>
        <Show when={res.data?.supportTicket} fallback={<Loading />}>
          {(t) => <TicketView ticket={t()} />}
        </Show>
      </Show>
    </section>
  );
};

const TicketView: Component<{ ticket: Ticket }> = (props) => {
  const { can, viewer } = useViewer();
  const t = () => props.ticket;
  const closed = () => t().status === "CLOSED";
  const [assignState, assign] = createMutation(AssignSupportTicketDocument);
  const [assignError, setAssignError] = createSignal<CombinedError | undefined>();
  const [closing, setClosing] = createSignal(false);
  const mine = () => t().assigneeId === viewer()?.id;
  return (
    <>
      <header class="row">
        <h1>{t().subject}</h1>
        <Badge tone={statusTone(t().status)}>
          <span data-testid="ticket-status">{STATUS_LABEL[t().status]}</span>
        </Badge>
      </header>
      <AlsoViewing subject="SUPPORT_TICKET" id={t().id} />
      <p>
        Asked by <A href={`/users/${t().requesterId}`}>{t().requesterName}</A> on {fmtDate(t().createdAt)} · assigned to{" "}
        <span data-testid="ticket-assignee">{t().assigneeName ?? "nobody"}</span>
      </p>
      <Show when={closed()}>
        <p class="muted" data-testid="ticket-closed">
          Closed {fmtDate(t().closedAt)}
          {t().closeReason ? `: ${t().closeReason}` : ""}
        </p>
      </Show>
      <div class="actions">
        <Show when={can("assign", "SupportTicket", true)}>
          <Button
            busy={assignState.fetching}
            disabled={closed() || mine()}
            title={closed() ? "This ticket is closed" : mine() ? "It is already assigned to you" : undefined}
            onClick={async () => setAssignError((await assign({ input: { ticketId: t().id } })).error)}
          >
            Assign to me
          </Button>
        </Show>
        <Show when={can("resolve", "SupportTicket", true)}>
          <Button kind="danger" disabled={closed()} title={closed() ? "This ticket is already closed" : undefined} onClick={() => setClosing(true)}>
            Close ticket…
          </Button>
        </Show>
      </div>
      <ErrorBox error={assignError()} />
      <h2>Conversation</h2>
      <ul class="cards" data-testid="ticket-thread">
        <For each={t().messages}>
          {(m) => (
            <li class={`card ${m.fromStaff ? "staff" : ""}`} data-testid="ticket-message">
              <p class="muted">
                {m.authorName} {m.fromStaff ? "(support)" : ""} · {fmtDate(m.createdAt)}
              </p>
              <p class="prose">{m.body}</p>
            </li>
          )}
        </For>
      </ul>
      <Show when={can("update", "SupportTicket", true)}>
        <AnswerBox ticketId={t().id} closed={closed()} />
      </Show>
      <Show when={closing()}>
        <CloseDialog ticketId={t().id} subject={t().subject} onClose={() => setClosing(false)} />
      </Show>
    </>
  );
};

const AnswerBox: Component<{ ticketId: string; closed: boolean }> = (props) => {
  const [state, reply] = createMutation(ReplyToSupportTicketDocument);
  const [body, setBody] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const why = () => (props.closed ? "A closed ticket takes no answer; the asker opens a new one" : !body().trim() ? "Write the answer first" : undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || why()) return;
    const r = await reply({ input: { ticketId: props.ticketId, body: body().trim() } });
    setError(r.error);
    if (!r.error) setBody("");
  };
  return (
    <form class="stack" data-testid="ticket-answer" onSubmit={submit}>
      <label>
        Answer (sent to the asker)
        <textarea value={body()} disabled={props.closed} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <ErrorBox error={error()} />
      <div class="actions">
        <Button type="submit" kind="primary" busy={state.fetching} disabled={Boolean(why())} title={why()}>
          Send answer
        </Button>
      </div>
    </form>
  );
};

const CloseDialog: Component<{ ticketId: string; subject: string; onClose(): void }> = (props) => {
  const [state, close] = createMutation(CloseSupportTicketDocument);
  return (
    <ReasonDialog
      title="Close ticket"
      consequence={`Close “${props.subject}”? The asker can no longer follow up on it and would open a new ticket.`}
      kind="danger"
      busy={state.fetching}
      onSubmit={async (reason) => (await close({ input: { ticketId: props.ticketId, reason } })).error}
      onClose={props.onClose}
    />
  );
};

export default TicketPage;
