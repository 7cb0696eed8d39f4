// Forum moderation: a category's threads (pinned first, then most recently active), hidden ones
// included for moderators and marked; a thread opens its posts and the moderation actions.
import { createSignal, For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { ForumCategoryThreadsDocument } from "./forums.documents";
import { createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState, type Column } from "../../components/paged-list";
import type { ForumThreadRowFieldsFragment } from "../../gql/graphql";
import { ThreadBadges } from "./thread-badges";

const COLUMNS: Column<ForumThreadRowFieldsFragment>[] = [
  { header: "Thread", cell: (t) => <A href={`/forums/threads/${t.id}`}>{t.title}</A> },
  { header: "Started by", cell: (t) => <A href={`/users/${t.authorId}`}>{t.authorName}</A> },
  { header: "State", cell: (t) => <ThreadBadges thread={t} /> },
  { header: "Last post", cell: (t) => fmtDate(t.lastPostAt) },
];

const ForumsPage: Component = () => {
  const [categoryId, setCategoryId] = createSignal<string | undefined>();
  const cursor = createCursor();
  // The API lists threads per category; the page shows one category at a time.
  const [res] = createQuery({
    query: ForumCategoryThreadsDocument,
    variables: () => ({ first: 25, after: cursor.after() }),
    context: { additionalTypenames: ["ForumThread", "ForumPost"] },
    requestPolicy: "cache-and-network",
  });
  const categories = () => res.data?.forumCategories ?? [];
  const current = () => categories().find((c) => c.id === categoryId()) ?? categories()[0];
  return (
    <section>
      <h1>Forum moderation</h1>
      <Show when={categories().length > 1}>
        <div class="filters">
          <label>
            Category
            <select
              value={current()?.id ?? ""}
              onChange={(e) => {
                cursor.reset();
                setCategoryId(e.currentTarget.value);
              }}
            >
              <For each={categories()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
            </select>
          </label>
        </div>
      </Show>
      <Show when={categories().length === 1}>
        <h2>{current()!.name}</h2>
      </Show>
      <DataTable
        state={connectionState(() => res, () => (res.data ? current()?.threads ?? { edges: [], pageInfo: { hasNextPage: false } } : undefined))}
        cursor={cursor}
        empty="No threads here."
        testId="forum-threads"
        rowAttrs={(t) => ({ "data-testid": "forum-thread-row", "data-thread-id": t.id })}
        columns={COLUMNS}
      />
    </section>
  );
};

export default ForumsPage;
