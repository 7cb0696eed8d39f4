// Who a policy change would affect. The API's previewPolicyChange is not in schema.graphql yet;
// until it is, the dialog says so rather than guessing (the console does not re-implement policy).
import type { Component } from "solid-js";

export const PolicyPreview: Component<{ changes: Record<string, unknown> }> = () => (
  <div class="preview" data-testid="policy-preview">
    <h3>Affected users</h3>
    <p class="muted">The API does not offer a preview of affected users yet.</p>
  </div>
);
