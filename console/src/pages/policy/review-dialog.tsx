// The review step before saving: the changed thresholds, who would be affected (the API's
// preview; saving waits for it), and the reason. Saving sends the version edited, so a change
// made meanwhile by another admin is refused instead of overwritten.
import { createSignal, type Component } from "solid-js";
import { createMutation } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import { UpdatePolicyDocument } from "./policy.documents";
import { Button, Dialog, ErrorBox } from "../../components/ui";
import { unflatten, type Flat } from "./policy-values";
import { DiffTable } from "./diff-table";
import { PolicyPreview } from "./policy-preview";

export const ReviewDialog: Component<{
  version: number;
  current: Flat;
  changes: Flat;
  onClose(): void;
  onSaved(version: number): void;
}> = (props) => {
  const [state, run] = createMutation(UpdatePolicyDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const [previewed, setPreviewed] = createSignal(false);
  const rows = () => Object.entries(props.changes).map(([path, to]) => ({ path, from: props.current[path], to }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ input: { changes: unflatten(props.changes), reason: reason().trim(), expectedVersion: props.version } });
    setError(r.error);
    if (r.data) props.onSaved(r.data.updatePolicy.version);
  };
  return (
    <Dialog title="Review policy change" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <DiffTable rows={rows()} />
        <PolicyPreview changes={unflatten(props.changes)} onSettled={setPreviewed} />
        <label>
          Reason (recorded with the version)
          <textarea name="reason" required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!reason().trim() || !previewed()}>
            Save as version {props.version + 1}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};
