// One forum thread for moderators: every post (hidden ones marked, with the reason), hide or
// restore a post, and hide/restore, lock/unlock, pin/unpin the thread. Each action takes a
// reason (the API audits it) and shows only when the viewer may review forum posts/threads.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { ForumPostModeration, ForumThreadModeration } from "../../gql/graphql";
import { ForumThreadDocument, ModerateForumPostDocument, ModerateForumThreadDocument } from "./forums.documents";
import { Badge, Button, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { ReasonDialog } from "../../components/reason-dialog";
import { CardList, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { ThreadBadges } from "./thread-badges";

type Pending =
  | { target: "post"; id: string; action: ForumPostModeration; what: string }
  | { target: "thread"; id: string; action: ForumThreadModeration; what: string };

const THREAD_ACTION_LABEL: Record<ForumThreadModeration, string> = {
  HIDE: "Hide thread",
  RESTORE: "Restore thread",
  LOCK: "Lock thread",
  UNLOCK: "Unlock thread",
  PIN: "Pin thread",
  UNPIN: "Unpin thread",
};
const POST_ACTION_LABEL: Record<ForumPostModeration, string> = { HIDE: "Hide post", RESTORE: "Restore post" };

const ThreadPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const cursor = createCursor();
  const [res] = createQuery({
    query: ForumThreadDocument,
    variables: () => ({ id: params.id, first: 50, after: cursor.after() }),
    requestPolicy: "cache-and-network",
  });
  const [pending, setPending] = createSignal<Pending | null>(null);
  const mayThread = () => can("review", "ForumThread", true);
  const mayPost = () => can("review", "ForumPost", true);
  const thread = () => res.data?.forumThread;
  return (
    <section>
      <p>
        <A href="/forums">← Forum moderation</A>
      </p>
      <Show when={thread()} fallback={<ErrorBox error={res.error} />}>
        {(t) => (
          <>
            <header class="row">
              <h1>{t().title}</h1>
              <span data-testid="thread-state">
                <ThreadBadges thread={t()} />
              </span>
            </header>
            <p class="muted">
              In {t().category.name} · started by <A href={`/users/${t().authorId}`}>{t().authorName}</A> {fmtDate(t().createdAt)}
              <Show when={t().hiddenReason}> · hidden: {t().hiddenReason}</Show>
            </p>
            <Show when={mayThread()}>
              <div class="actions" data-testid="thread-actions">
                <For each={[t().hidden ? "RESTORE" : "HIDE", t().locked ? "UNLOCK" : "LOCK", t().pinned ? "UNPIN" : "PIN"] as ForumThreadModeration[]}>
                  {(a) => (
                    <Button kind={a === "HIDE" ? "danger" : "plain"} onClick={() => setPending({ target: "thread", id: t().id, action: a, what: `“${t().title}”` })}>
                      {THREAD_ACTION_LABEL[a]}…
                    </Button>
                  )}
                </For>
              </div>
            </Show>
          </>
        )}
      </Show>
      <h2>Posts</h2>
      <CardList
        state={connectionState(() => res, () => res.data?.forumThread.posts)}
        cursor={cursor}
        empty="No posts."
        card={(p) => (
          <li class="card" data-testid="forum-post" data-post-id={p.id}>
            <header class="row">
              <A href={`/users/${p.authorId}`}>{p.authorName}</A>
              <span class="muted">
                {fmtDate(p.createdAt)}
                {p.editedAt ? ` · edited ${fmtDate(p.editedAt)}` : ""}
              </span>
              <Show when={p.hidden}>
                <Badge tone="bad">Hidden</Badge>
              </Show>
            </header>
            <p class="prose">{p.body}</p>
            <Show when={p.hidden && p.hiddenReason}>
              <p class="muted" data-testid="post-hidden-reason">
                Hidden by moderation: {p.hiddenReason}
              </p>
            </Show>
            <Show when={mayPost()}>
              <div class="actions">
                <Button
                  kind={p.hidden ? "plain" : "danger"}
                  onClick={() => setPending({ target: "post", id: p.id, action: p.hidden ? "RESTORE" : "HIDE", what: `the post by ${p.authorName}` })}
                >
                  {POST_ACTION_LABEL[p.hidden ? "RESTORE" : "HIDE"]}…
                </Button>
              </div>
            </Show>
          </li>
        )}
      />
      <Show when={pending()} keyed>
        {(p) => <ModerateDialog pending={p} onClose={() => setPending(null)} />}
      </Show>
    </section>
  );
};

const CONSEQUENCE: Record<ForumThreadModeration | ForumPostModeration, string> = {
  HIDE: "Members will no longer see it; moderators still do.",
  RESTORE: "Members will see it again.",
  LOCK: "Members can no longer post in the thread.",
  UNLOCK: "Members can post in the thread again.",
  PIN: "The thread is listed first in its category.",
  UNPIN: "The thread is listed by its latest activity again.",
};

const ModerateDialog: Component<{ pending: Pending; onClose(): void }> = (props) => {
  const [postState, moderatePost] = createMutation(ModerateForumPostDocument);
  const [threadState, moderateThread] = createMutation(ModerateForumThreadDocument);
  const p = props.pending;
  const label = p.target === "post" ? POST_ACTION_LABEL[p.action as ForumPostModeration] : THREAD_ACTION_LABEL[p.action];
  const submit = async (reason: string) => {
    const input = { id: p.id, reason };
    const r = p.target === "post" ? await moderatePost({ input: { ...input, action: p.action as ForumPostModeration } }) : await moderateThread({ input: { ...input, action: p.action } });
    return r.error;
  };
  return (
    <ReasonDialog
      title={label}
      consequence={`${label}: ${p.what}. ${CONSEQUENCE[p.action]}`}
      busy={postState.fetching || threadState.fetching}
      onSubmit={submit}
      onClose={props.onClose}
    />
  );
};

export default ThreadPage;
