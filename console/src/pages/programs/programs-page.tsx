// Programs (mentorship, courses, counselling) with their members; admins create programs and
// add or remove members.
import { createSignal, For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ProgramKind } from "../../gql/graphql";
import { AddProgramMemberDocument, CreateProgramDocument, FindUsersDocument, ProgramsDocument, RemoveProgramMemberDocument } from "./programs.documents";
import { Badge, Button, Dialog, Empty, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";

const KINDS: ProgramKind[] = ["MENTORSHIP", "COURSE", "COUNSELLING"];

const ProgramsPage: Component = () => {
  const { can } = useViewer();
  const [res, refetch] = createQuery({ query: ProgramsDocument });
  const [creating, setCreating] = createSignal(false);
  const [adding, setAdding] = createSignal<{ id: string; name: string } | null>(null);
  const [removeState, remove] = createMutation(RemoveProgramMemberDocument);
  const [removeError, setRemoveError] = createSignal<CombinedError | undefined>();
  const [removing, setRemoving] = createSignal<string | null>(null);
  const mayCreate = () => can("create", "Program", true);
  const mayEditMembers = () => can("update", "Program", true);

  const doRemove = async (programId: string, userId: string) => {
    if (removeState.fetching) return;
    setRemoving(`${programId}:${userId}`);
    const r = await remove({ programId, userId });
    setRemoving(null);
    setRemoveError(r.error);
    if (!r.error) refetch({ requestPolicy: "network-only" });
  };

  return (
    <section>
      <header class="row">
        <h1>Programs</h1>
        <Show when={mayCreate()}>
          <Button kind="primary" onClick={() => setCreating(true)}>
            New program…
          </Button>
        </Show>
      </header>
      <ErrorBox error={res.error} />
      <ErrorBox error={removeError()} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <Show when={res.data!.programs.length} fallback={<Empty>No programs yet.</Empty>}>
          <ul class="cards">
            <For each={res.data!.programs}>
              {(p) => (
                <li class="card">
                  <header class="row">
                    <h2>{p.name}</h2>
                    <Badge>{p.kind.toLowerCase()}</Badge>
                    <span class="muted">since {fmtDate(p.createdAt)}</span>
                  </header>
                  <Show when={p.description}>
                    <p>{p.description}</p>
                  </Show>
                  <Show when={p.members.length} fallback={<p class="muted">No members.</p>}>
                    <table class="table compact">
                      <thead>
                        <tr>
                          <th scope="col">Member</th>
                          <th scope="col">Program role</th>
                          <th scope="col">Added</th>
                          <Show when={mayEditMembers()}>
                            <th scope="col">
                              <span class="sr-only">Actions</span>
                            </th>
                          </Show>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={p.members}>
                          {(m) => (
                            <tr>
                              <td>
                                <A href={`/users/${m.user.id}`}>{m.user.displayName}</A>
                              </td>
                              <td>{m.role.toLowerCase()}</td>
                              <td>{fmtDate(m.addedAt)}</td>
                              <Show when={mayEditMembers()}>
                                <td>
                                  <Button kind="danger" busy={removing() === `${p.id}:${m.user.id}`} onClick={() => doRemove(p.id, m.user.id)}>
                                    Remove
                                  </Button>
                                </td>
                              </Show>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </Show>
                  <Show when={mayEditMembers()}>
                    <Button onClick={() => setAdding({ id: p.id, name: p.name })}>Add member…</Button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={creating()}>
        <CreateDialog
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      </Show>
      <Show when={adding()} keyed>
        {(p) => (
          <AddMemberDialog
            program={p}
            onClose={() => setAdding(null)}
            onDone={() => {
              setAdding(null);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        )}
      </Show>
    </section>
  );
};

const CreateDialog: Component<{ onClose(): void; onDone(): void }> = (props) => {
  const [state, run] = createMutation(CreateProgramDocument);
  const [name, setName] = createSignal("");
  const [kind, setKind] = createSignal<ProgramKind>("MENTORSHIP");
  const [description, setDescription] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ input: { name: name().trim(), kind: kind(), description: description().trim() || undefined } });
    setError(r.error);
    if (!r.error) props.onDone();
  };
  return (
    <Dialog title="New program" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Name
          <input required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Kind
          <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as ProgramKind)}>
            <For each={KINDS}>{(k) => <option value={k}>{k.toLowerCase()}</option>}</For>
          </select>
        </label>
        <label>
          Description
          <textarea value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!name().trim()}>
            Create
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

const AddMemberDialog: Component<{ program: { id: string; name: string }; onClose(): void; onDone(): void }> = (props) => {
  const [search, setSearch] = createSignal("");
  const [term, setTerm] = createSignal("");
  const [found] = createQuery({ query: FindUsersDocument, variables: () => ({ search: term() }), pause: () => term().length < 2 });
  const [state, run] = createMutation(AddProgramMemberDocument);
  const [error, setError] = createSignal<CombinedError | undefined>();
  const [pending, setPending] = createSignal<string | null>(null);
  const add = async (userId: string) => {
    if (state.fetching) return;
    setPending(userId);
    const r = await run({ programId: props.program.id, userId });
    setPending(null);
    setError(r.error);
    if (!r.error) props.onDone();
  };
  return (
    <Dialog title={`Add a member to ${props.program.name}`} onClose={props.onClose}>
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(search().trim());
        }}
      >
        <label>
          Name or email
          <input type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button class="btn primary" type="submit">
          Find
        </button>
      </form>
      <ErrorBox error={found.error} />
      <ErrorBox error={error()} />
      <Show when={found.fetching}>
        <Loading label="Searching…" />
      </Show>
      <Show when={term().length >= 2 && found.data}>
        <Show when={found.data!.users.edges.length} fallback={<Empty>No active user matches.</Empty>}>
          <ul class="plain-list">
            <For each={found.data!.users.edges}>
              {({ node: u }) => (
                <li class="row">
                  <span>
                    {u.displayName} <span class="muted">{u.email} · {u.role.toLowerCase()}</span>
                  </span>
                  <Button busy={pending() === u.id} onClick={() => add(u.id)}>
                    Add
                  </Button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </Dialog>
  );
};

export default ProgramsPage;
