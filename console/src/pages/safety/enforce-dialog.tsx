// Issue a warning, strike or ban by hand. One idempotency key per dialog: a double click or a
// retry after a network error enforces once.
import { createSignal, For, type Component } from "solid-js";
import { createMutation } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { IssueEnforcementKind, ReportCategory } from "../../gql/graphql";
import { IssueEnforcementDocument } from "./safety.documents";
import { Button, Dialog, ErrorBox } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { newIdempotencyKey } from "../../lib/ids";
import { CATEGORIES, words } from "./labels";

export const EnforceDialog: Component<{ userId: string; name: string; onClose(): void; onDone(): void }> = (props) => {
  const { can } = useViewer();
  const key = newIdempotencyKey();
  const [state, run] = createMutation(IssueEnforcementDocument);
  const [kind, setKind] = createSignal<IssueEnforcementKind>("WARNING");
  const [category, setCategory] = createSignal<ReportCategory | "">("");
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const kinds = (): IssueEnforcementKind[] => (can("ban", "Enforcement", true) ? ["WARNING", "STRIKE", "BAN"] : ["WARNING", "STRIKE"]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({
      input: { userId: props.userId, kind: kind(), reason: reason().trim(), category: category() || undefined, idempotencyKey: key },
    });
    setError(r.error);
    if (!r.error) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <Dialog title={`Issue an enforcement to ${props.name}`} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Kind
          <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as IssueEnforcementKind)}>
            <For each={kinds()}>{(k) => <option value={k}>{words(k)}</option>}</For>
          </select>
        </label>
        <label>
          Category (optional)
          <select value={category()} onChange={(e) => setCategory(e.currentTarget.value as ReportCategory | "")}>
            <option value="">none</option>
            <For each={CATEGORIES}>{(c) => <option value={c}>{words(c)}</option>}</For>
          </select>
        </label>
        <label>
          Reason (shown to the user)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="danger" busy={state.fetching} disabled={!reason().trim()}>
            Issue {words(kind())}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
