// Chat review for staff: one mentorship's messages, newest first, each with the reports filed
// about it (by a person or a detector). Staff who may review chat remove a message that breaks
// the rules (or restore it) with a reason; action on the author goes through Trust & safety.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { ChatMessageModeration, MentorshipChatQuery } from "../../gql/graphql";
import { MentorshipChatDocument, ModerateChatMessageDocument } from "./mentorships.documents";
import { Badge, Button, Empty, ErrorBox, Loading, Pager, createCursor, fmtDate } from "../../components/ui";
import { ReasonDialog } from "../../components/reason-dialog";
import { useViewer } from "../../lib/viewer";
import { pairLabel } from "./labels";

type Message = MentorshipChatQuery["chatMessages"]["edges"][number]["node"];

const ChatPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const cursor = createCursor();
  const [onlyReported, setOnlyReported] = createSignal(false);
  const [pending, setPending] = createSignal<{ msg: Message; action: ChatMessageModeration } | null>(null);
  const mayModerate = () => can("review", "ChatMessage", true);
  const [res] = createQuery({
    query: MentorshipChatDocument,
    variables: () => ({ mentorshipId: params.id, first: 50, after: cursor.after() }),
    requestPolicy: "cache-and-network",
  });
  const m = () => res.data?.mentorship;
  const messages = () => (res.data?.chatMessages.edges ?? []).map((e) => e.node).filter((n) => !onlyReported() || n.reports.length > 0);
  return (
    <section>
      <p>
        <A href={`/mentorships/${params.id}`}>← {m() ? pairLabel(m()!) : "Mentorship"}</A>
      </p>
      <h1>Chat review</h1>
      <ErrorBox error={res.error} />
      <Show when={m()}>
        {(ms) => (
          <p class="notice">
            A removed message stays in the parties’ record: they see that it was removed, staff still read it. To act on its author, go to Trust &amp; safety:{" "}
            <Show when={can("read", "Enforcement", true)} fallback={<>{ms().mentor.displayName}, {ms().mentee.displayName}</>}>
              <A href={`/safety/users/${ms().mentor.id}`}>standing of {ms().mentor.displayName}</A>,{" "}
              <A href={`/safety/users/${ms().mentee.id}`}>standing of {ms().mentee.displayName}</A>
            </Show>
            .
          </p>
        )}
      </Show>
      <div class="row filters">
        <label class="radio">
          <input type="checkbox" checked={onlyReported()} onChange={(e) => setOnlyReported(e.currentTarget.checked)} /> Only reported messages (on this page)
        </label>
      </div>
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(d) => (
          <>
            <Show when={messages().length} fallback={<Empty>{onlyReported() ? "No reported message on this page." : "No messages in this chat."}</Empty>}>
              <ul class="cards" data-testid="chat-messages">
                <For each={messages()}>{(msg) => <MessageCard msg={msg} onModerate={mayModerate() ? (action) => setPending({ msg, action }) : undefined} />}</For>
              </ul>
            </Show>
            <Pager
              busy={res.fetching}
              hasPrev={cursor.hasPrev()}
              hasNext={d().chatMessages.pageInfo.hasNextPage}
              onPrev={cursor.prev}
              onNext={() => cursor.next(d().chatMessages.pageInfo.endCursor)}
            />
          </>
        )}
      </Show>
      <Show when={pending()} keyed>
        {(p) => <ModerateMessageDialog msg={p.msg} action={p.action} onClose={() => setPending(null)} />}
      </Show>
    </section>
  );
};

const ModerateMessageDialog: Component<{ msg: Message; action: ChatMessageModeration; onClose(): void }> = (props) => {
  const [state, moderate] = createMutation(ModerateChatMessageDocument);
  const remove = props.action === "HIDE";
  return (
    <ReasonDialog
      title={remove ? "Remove message" : "Restore message"}
      consequence={
        remove
          ? `The message by ${props.msg.authorName} will read as removed to both members of this mentorship; staff still read it.`
          : `Both members will see the message by ${props.msg.authorName} again.`
      }
      busy={state.fetching}
      onSubmit={async (reason) => (await moderate({ input: { id: props.msg.id, action: props.action, reason } })).error}
      onClose={props.onClose}
    />
  );
};

const MessageCard: Component<{ msg: Message; onModerate?: (action: ChatMessageModeration) => void }> = (props) => (
  <li class={`card ${props.msg.reports.length ? "reported" : ""}`} data-testid="chat-message" data-reported={props.msg.reports.length ? "true" : "false"}>
    <p class="muted">
      <A href={`/users/${props.msg.authorId}`}>{props.msg.authorName}</A> · {fmtDate(props.msg.createdAt)}
    </p>
    <p class="prose">{props.msg.body}</p>
    <Show when={props.msg.hidden}>
      <p class="muted" data-testid="message-removed">
        <Badge tone="bad">Removed</Badge> {props.msg.hiddenReason}
      </p>
    </Show>
    <Show when={props.msg.reports.length}>
      <ul class="plain-list" data-testid="message-reports">
        <For each={props.msg.reports}>
          {(r) => (
            <li>
              <Badge tone={r.status === "OPEN" ? "warn" : r.status === "UPHELD" ? "bad" : "info"}>Reported: {r.category.toLowerCase().replace(/_/g, " ")}</Badge>{" "}
              {r.status.toLowerCase()} · by{" "}
              <Show when={r.reporter} fallback={<>a detector{r.detectorRule ? ` (${r.detectorRule})` : ""}</>}>
                {(who) => <A href={`/users/${who().id}`}>{who().displayName}</A>}
              </Show>{" "}
              · {fmtDate(r.createdAt)}
              <Show when={r.description}>
                <span class="muted"> — {r.description}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
    <Show when={props.onModerate}>
      {(act) => (
        <div class="actions">
          <Button kind={props.msg.hidden ? "plain" : "danger"} onClick={() => act()(props.msg.hidden ? "RESTORE" : "HIDE")}>
            {props.msg.hidden ? "Restore…" : "Remove…"}
          </Button>
        </div>
      )}
    </Show>
  </li>
);

export default ChatPage;
