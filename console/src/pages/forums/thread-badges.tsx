import { Show } from "solid-js";
import { Badge } from "../../components/ui";

export const ThreadBadges = (props: { thread: { hidden: boolean; locked: boolean; pinned: boolean } }) => (
  <span class="row">
    <Show when={props.thread.hidden}>
      <Badge tone="bad">Hidden</Badge>
    </Show>
    <Show when={props.thread.locked}>
      <Badge tone="warn">Locked</Badge>
    </Show>
    <Show when={props.thread.pinned}>
      <Badge>Pinned</Badge>
    </Show>
    <Show when={!props.thread.hidden && !props.thread.locked && !props.thread.pinned}>
      <Badge tone="ok">Visible</Badge>
    </Show>
  </span>
);
