// Pieces shared by the board and the session page: state badge, who has joined, timers.
import { Show, type Accessor, type Component } from "solid-js";
import type { BoardSessionFieldsFragment, SessionState } from "../../gql/graphql";
import { Badge } from "../../components/ui";
import { clockText, fmtTime } from "../../lib/now";

export const stateTone = (s: SessionState) =>
  s === "LIVE" ? ("ok" as const) : s === "SCHEDULED" ? ("info" as const) : s === "ENDED" ? ("info" as const) : ("bad" as const);

export const StateBadge = (props: { state: SessionState }) => (
  <span data-testid="session-state">
    <Badge tone={stateTone(props.state)}>{props.state.toLowerCase().replace("_", "-")}</Badge>
  </span>
);

const open = (s: BoardSessionFieldsFragment) => s.state === "SCHEDULED" || s.state === "LIVE";

/** A party's presence: joined (and how late, for the mentor), or a running lateness counter. */
export const Party: Component<{ s: BoardSessionFieldsFragment; who: "mentor" | "mentee"; now: Accessor<number> }> = (props) => {
  const joinedAt = () => (props.who === "mentor" ? props.s.mentorJoinedAt : props.s.menteeJoinedAt);
  const name = () => (props.who === "mentor" ? props.s.mentor.displayName : props.s.mentee.displayName);
  const noShow = () => (props.who === "mentor" ? props.s.mentorNoShow : props.s.menteeNoShow);
  const lateBy = () => props.now() - new Date(props.s.startsAt).getTime();
  return (
    <div class="party" data-testid={`party-${props.who}`}>
      <span>{name()}</span>{" "}
      <Show
        when={joinedAt()}
        fallback={
          <Show
            when={noShow()}
            fallback={
              <Show when={open(props.s) && lateBy() > 0} fallback={<span class="muted">not joined</span>}>
                <Badge tone="warn">late {clockText(lateBy())}</Badge>
              </Show>
            }
          >
            <Badge tone="bad">no-show</Badge>
          </Show>
        }
      >
        <Badge tone="ok">
          joined {fmtTime(joinedAt())}
          {props.who === "mentor" && props.s.mentorLateMinutes ? ` · ${props.s.mentorLateMinutes} min late` : ""}
        </Badge>
      </Show>
    </div>
  );
};

/** Live: countdown to the automatic end; scheduled: countdown to the start; else when it ended. */
export const Timer: Component<{ s: BoardSessionFieldsFragment; now: Accessor<number> }> = (props) => {
  const to = (iso: string) => new Date(iso).getTime() - props.now();
  return (
    <span class="timer" data-testid="session-timer">
      <Show when={props.s.state === "LIVE"}>auto-end in {clockText(to(props.s.endsAt))}</Show>
      <Show when={props.s.state === "SCHEDULED"}>
        {to(props.s.startsAt) > 0 ? `starts in ${clockText(to(props.s.startsAt))}` : "start time passed"}
      </Show>
      <Show when={props.s.state === "ENDED"}>
        ended {fmtTime(props.s.endedAt)}
        {props.s.endedBy ? ` by ${props.s.endedBy.toLowerCase()}` : ""}
      </Show>
      <Show when={props.s.state === "CANCELLED"}>cancelled {fmtTime(props.s.cancelledAt)}</Show>
      <Show when={props.s.state === "NO_SHOW"}>no-show</Show>
    </span>
  );
};
