// What readers will see of a library item (title, summary, the text as plain text, the link and
// the tags), shown before it is published; publishing from here asks for a confirmation first.
import { createSignal, For, Show, type Component } from "solid-js";
import { createMutation } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { LibraryItemFieldsFragment } from "../../gql/graphql";
import { PublishLibraryItemDocument } from "./library.documents";
import { Badge, Button, Dialog, ErrorBox } from "../../components/ui";

export const PreviewDialog: Component<{ item: LibraryItemFieldsFragment; mayPublish: boolean; onClose(): void; onPublished(): void }> = (props) => {
  const [state, publish] = createMutation(PublishLibraryItemDocument);
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | undefined>();
  const confirm = async () => {
    if (state.fetching) return;
    const r = await publish({ input: { id: props.item.id } });
    setError(r.error);
    if (!r.error) props.onPublished();
  };
  return (
    <Dialog title={`Preview “${props.item.title}”`} onClose={props.onClose}>
      <p class="muted">As readers will see it once published.</p>
      {/* Text nodes only: the body is shown as the plain text readers get, never as markup. */}
      <article class="preview stack" data-testid="library-preview">
        <p class="muted">{props.item.kind.toLowerCase()}</p>
        <h3 data-testid="preview-title">{props.item.title}</h3>
        <Show when={props.item.summary}>
          <p data-testid="preview-summary">
            <strong>{props.item.summary}</strong>
          </p>
        </Show>
        <Show when={props.item.body} fallback={<p class="muted">No text.</p>}>
          <div class="prose" data-testid="preview-body">
            {props.item.body}
          </div>
        </Show>
        <Show when={props.item.url}>
          {(url) => (
            <p>
              <a href={url()} target="_blank" rel="noopener noreferrer" data-testid="preview-url">
                {url()}
              </a>
            </p>
          )}
        </Show>
        <Show when={props.item.tags.length}>
          <p class="row" data-testid="preview-tags">
            <For each={props.item.tags}>{(t) => <Badge>{t}</Badge>}</For>
          </p>
        </Show>
      </article>
      <ErrorBox error={error()} />
      <Show
        when={props.mayPublish && props.item.status !== "PUBLISHED"}
        fallback={
          <div class="actions">
            <Button onClick={props.onClose}>Close</Button>
          </div>
        }
      >
        <Show
          when={confirming()}
          fallback={
            <div class="actions">
              <Button kind="primary" onClick={() => setConfirming(true)}>
                Publish…
              </Button>
              <Button onClick={props.onClose}>Close</Button>
            </div>
          }
        >
          <div class="stack" role="group" aria-label="Confirm publishing">
            <p data-testid="publish-confirm">Publish “{props.item.title}”? Every reader sees it at once.</p>
            <div class="actions">
              <Button kind="primary" busy={state.fetching} onClick={confirm}>
                Yes, publish
              </Button>
              <Button onClick={() => setConfirming(false)}>Not yet</Button>
            </div>
          </div>
        </Show>
      </Show>
    </Dialog>
  );
};
