// Pick a person by name or e-mail (the id is never typed): matches come from `users(filter.search)`;
// the choice shows by name with a way to clear it. A value given only as an id (a link, the URL)
// is shown by the person's name once `user(id)` answers.
import { createSignal, For, Show, type Component } from "solid-js";
import { createQuery } from "@urql/solid";
import type { Role } from "../gql/graphql";
import { PersonMatchesDocument, PersonNameDocument } from "./person-picker.documents";
import { ErrorBox } from "./ui";

export type Person = { id: string; name: string };

export const PersonPicker: Component<{
  /** Field label, e.g. "Mentee"; the input reads "<label> (name or e-mail)". */
  label: string;
  /** The chosen person's id, or "" / undefined for none. */
  value?: string;
  /** A name already known for `value` (skips the look-up). */
  name?: string;
  onChange(person: Person | null): void;
  role?: Role;
  /** Words for the empty result, e.g. "No mentee matches." */
  none?: string;
  /** Accessible name of the list of matches, e.g. "Matching mentees". */
  listLabel?: string;
  /** Test id of the chosen person's name. */
  nameTestId?: string;
}> = (props) => {
  const [search, setSearch] = createSignal("");
  const text = () => search().trim();
  const [matches] = createQuery({
    query: PersonMatchesDocument,
    variables: () => ({ first: 8, filter: { search: text(), ...(props.role ? { role: props.role } : {}) } }),
    pause: () => text().length < 2 || !!props.value,
  });
  const [known] = createQuery({
    query: PersonNameDocument,
    variables: () => ({ id: props.value ?? "" }),
    pause: () => !props.value || !!props.name,
  });
  const shownName = () => props.name ?? (known.data?.user.id === props.value ? known.data?.user.displayName : undefined);
  const pick = (p: Person | null) => {
    setSearch("");
    props.onChange(p);
  };
  return (
    <div class="person-picker">
      <Show
        when={props.value}
        fallback={
          <>
            <label>
              {props.label} (name or e-mail)
              <input type="search" autocomplete="off" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
            </label>
            <ErrorBox error={matches.error} />
            <Show when={text().length >= 2 && matches.data}>
              {(d) => (
                <Show when={d().users.edges.length} fallback={<p class="muted">{props.none ?? "Nobody matches."}</p>}>
                  <ul class="plain-list" aria-label={props.listLabel ?? "Matching people"}>
                    <For each={d().users.edges}>
                      {({ node }) => (
                        <li>
                          <button type="button" class="link" onClick={() => pick({ id: node.id, name: node.displayName })}>
                            {node.displayName}
                          </button>{" "}
                          <span class="muted">{node.email}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Show>
          </>
        }
      >
        {(id) => (
          <p class="row">
            {props.label}:{" "}
            <strong data-testid={props.nameTestId} title={id()}>
              {/* An unknown or unreadable id still shows, so the filter is never invisible. */}
              {shownName() ?? (known.error ? id() : "…")}
            </strong>
            <button type="button" class="link" aria-label={`Clear ${props.label}`} onClick={() => pick(null)}>
              clear
            </button>
          </p>
        )}
      </Show>
    </div>
  );
};
