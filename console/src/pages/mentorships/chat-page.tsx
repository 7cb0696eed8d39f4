// Chat review for staff: one mentorship's messages, newest first, each with the reports filed
// about it (by a person or a detector). The API gives staff read access only: messages cannot be
// hidden or removed, so action goes against the author's standing in Trust & safety.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { MentorshipChatQuery } from "../../gql/graphql";
import { MentorshipChatDocument } from "./mentorships.documents";
import { Badge, Empty, ErrorBox, Loading, Pager, createCursor, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { pairLabel } from "./labels";

type Message = MentorshipChatQuery["chatMessages"]["edges"][number]["node"];

const ChatPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const cursor = createCursor();
  const [onlyReported, setOnlyReported] = createSignal(false);
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
            Messages are kept as the parties’ record and cannot be hidden or removed here. To act on a message, act on its author in Trust &amp; safety:{" "}
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
                <For each={messages()}>{(msg) => <MessageCard msg={msg} />}</For>
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
    </section>
  );
};

const MessageCard: Component<{ msg: Message }> = (props) => (
  <li class={`card ${props.msg.reports.length ? "reported" : ""}`} data-testid="chat-message" data-reported={props.msg.reports.length ? "true" : "false"}>
    <p class="muted">
      <A href={`/users/${props.msg.authorId}`}>{props.msg.authorName}</A> · {fmtDate(props.msg.createdAt)}
    </p>
    <p class="prose">{props.msg.body}</p>
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
  </li>
);

export default ChatPage;
