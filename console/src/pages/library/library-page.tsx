// Resource library: search and filter; staff create, edit, preview and publish, and archive items.
import { createSignal, For, Show, type Component } from "solid-js";
import { useSearchParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { LibraryItemFieldsFragment, LibraryItemKind, LibraryItemStatus } from "../../gql/graphql";
import {
  ArchiveLibraryItemDocument,
  CreateLibraryItemDocument,
  LibraryItemsDocument,
  UpdateLibraryItemDocument,
} from "./library.documents";
import { PreviewDialog } from "./preview-dialog";
import { Badge, Button, Dialog, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";

const KINDS: LibraryItemKind[] = ["ARTICLE", "VIDEO", "TEMPLATE"];
const STATUSES: LibraryItemStatus[] = ["DRAFT", "PUBLISHED", "ARCHIVED"];
const lower = (s: string) => s.toLowerCase();

const LibraryPage: Component = () => {
  const { can } = useViewer();
  const [params, setParams] = useSearchParams<{ q?: string; kind?: string; status?: string }>();
  const [draft, setDraft] = createSignal(params.q ?? "");
  const cursor = createCursor();
  const [res, refetch] = createQuery({
    query: LibraryItemsDocument,
    variables: () => ({
      first: 25,
      after: cursor.after(),
      filter: { search: params.q || undefined, kind: (params.kind as LibraryItemKind) || undefined, status: (params.status as LibraryItemStatus) || undefined },
    }),
  });
  const [editing, setEditing] = createSignal<LibraryItemFieldsFragment | "new" | null>(null);
  const [previewing, setPreviewing] = createSignal<LibraryItemFieldsFragment | null>(null);
  const [archiveState, archive] = createMutation(ArchiveLibraryItemDocument);
  const [pending, setPending] = createSignal<string | null>(null);
  const [actionError, setActionError] = createSignal<CombinedError | undefined>();
  const set = (p: Record<string, string | undefined>) => {
    cursor.reset();
    setParams(p);
  };
  const archiveItem = async (item: LibraryItemFieldsFragment) => {
    if (archiveState.fetching) return;
    setPending(`${item.id}:archive`);
    const r = await archive({ input: { id: item.id } });
    setPending(null);
    setActionError(r.error);
  };

  return (
    <section>
      <header class="row">
        <h1>Resource library</h1>
        <Show when={can("create", "LibraryItem")}>
          <Button kind="primary" onClick={() => setEditing("new")}>
            New item…
          </Button>
        </Show>
      </header>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: draft().trim() || undefined });
        }}
      >
        <label>
          Search
          <input type="search" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <label>
          Kind
          <select value={params.kind ?? ""} onChange={(e) => set({ kind: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <For each={KINDS}>{(k) => <option value={k}>{lower(k)}</option>}</For>
          </select>
        </label>
        <label>
          Status
          <select value={params.status ?? ""} onChange={(e) => set({ status: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <For each={STATUSES}>{(s) => <option value={s}>{lower(s)}</option>}</For>
          </select>
        </label>
        <button class="btn primary" type="submit">
          Search
        </button>
      </form>
      <ErrorBox error={actionError()} />
      <DataTable
        state={connectionState(() => res, () => res.data?.libraryItems)}
        cursor={cursor}
        empty="No items."
        testId="library"
        rowAttrs={(item) => ({ "data-testid": "library-item", "data-status": item.status })}
        columns={[
          {
            header: "Title",
            cell: (item) => (
              <>
                <strong>{item.title}</strong>
                <div class="muted">{item.summary}</div>
              </>
            ),
          },
          { header: "Kind", cell: (item) => lower(item.kind) },
          {
            header: "Status",
            cell: (item) => <Badge tone={item.status === "PUBLISHED" ? "ok" : item.status === "DRAFT" ? "warn" : "info"}>{lower(item.status)}</Badge>,
          },
          { header: "Tags", cell: (item) => item.tags.join(", ") || "—" },
          { header: "Author", cell: (item) => item.authorName },
          { header: "Updated", cell: (item) => fmtDate(item.updatedAt) },
          {
            header: <span class="sr-only">Actions</span>,
            cell: (item) => (
              <div class="row">
                <Show when={can("update", "LibraryItem", true)}>
                  <Button onClick={() => setEditing(item)}>Edit…</Button>
                </Show>
                <Show when={can("publish", "LibraryItem", true) && item.status !== "PUBLISHED"} fallback={<Button onClick={() => setPreviewing(item)}>Preview…</Button>}>
                  {/* Published only from the preview, after a confirmation. */}
                  <Button kind="primary" onClick={() => setPreviewing(item)}>
                    Preview and publish…
                  </Button>
                </Show>
                <Show when={can("publish", "LibraryItem", true) && item.status === "PUBLISHED"}>
                  <Button busy={pending() === `${item.id}:archive`} onClick={() => archiveItem(item)}>
                    Archive
                  </Button>
                </Show>
              </div>
            ),
          },
        ]}
      />
      <Show when={previewing()} keyed>
        {(item) => (
          <PreviewDialog
            item={item}
            mayPublish={can("publish", "LibraryItem", true)}
            onClose={() => setPreviewing(null)}
            onPublished={() => {
              setPreviewing(null);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        )}
      </Show>
      <Show when={editing()} keyed>
        {(x) => (
          <ItemDialog
            item={x === "new" ? null : x}
            onClose={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        )}
      </Show>
    </section>
  );
};

const ItemDialog: Component<{ item: LibraryItemFieldsFragment | null; onClose(): void; onDone(): void }> = (props) => {
  const [createState, create] = createMutation(CreateLibraryItemDocument);
  const [updateState, update] = createMutation(UpdateLibraryItemDocument);
  const [kind, setKind] = createSignal<LibraryItemKind>(props.item?.kind ?? "ARTICLE");
  const [title, setTitle] = createSignal(props.item?.title ?? "");
  const [summary, setSummary] = createSignal(props.item?.summary ?? "");
  const [body, setBody] = createSignal(props.item?.body ?? "");
  const [url, setUrl] = createSignal(props.item?.url ?? "");
  const [tags, setTags] = createSignal(props.item?.tags.join(", ") ?? "");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const busy = () => createState.fetching || updateState.fetching;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const fields = {
      title: title().trim(),
      summary: summary().trim(),
      body: body(),
      tags: tags().split(",").map((t) => t.trim()).filter(Boolean),
    };
    const r = props.item
      ? await update({ input: { id: props.item.id, ...fields, url: url().trim() || null } })
      : await create({ input: { kind: kind(), ...fields, url: url().trim() || undefined } });
    setError(r.error);
    if (!r.error) props.onDone();
  };
  return (
    <Dialog title={props.item ? `Edit “${props.item.title}”` : "New library item"} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <Show when={!props.item}>
          <label>
            Kind
            <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as LibraryItemKind)}>
              <For each={KINDS}>{(k) => <option value={k}>{lower(k)}</option>}</For>
            </select>
          </label>
        </Show>
        <label>
          Title
          <input required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          Summary
          <input value={summary()} onInput={(e) => setSummary(e.currentTarget.value)} />
        </label>
        <label>
          Text (article or template)
          <textarea value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <label>
          URL (video or template file)
          <input type="url" value={url()} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          Tags (comma separated)
          <input value={tags()} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={busy()} disabled={!title().trim()}>
            {props.item ? "Save" : "Create draft"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default LibraryPage;
