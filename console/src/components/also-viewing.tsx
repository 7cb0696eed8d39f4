// "Also viewing: …" — the other staff with this record open right now. Subscribing lists the
// viewer to them too; leaving the page closes the subscription and takes the entry away.
import { Show } from "solid-js";
import { createSubscription } from "@urql/solid";
import type { PresenceSubject } from "../gql/graphql";
import { ViewersOfDocument } from "./presence.documents";

export const AlsoViewing = (props: { subject: PresenceSubject; id: string }) => {
  const [res] = createSubscription({ query: ViewersOfDocument, variables: () => ({ subject: props.subject, id: props.id }) });
  // One person with the page open in two tabs is named once.
  const names = () => [...new Set((res.data?.viewersOf ?? []).map((v) => v.displayName))];
  return (
    <Show when={names().length}>
      <p class="presence" role="status" data-testid="also-viewing">
        Also viewing: {names().join(", ")}
      </p>
    </Show>
  );
};
