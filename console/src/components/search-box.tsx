// One search box in the top bar: people, sessions, certificates, disputes and tickets by what a
// person would type (name, e-mail, topic, code, reason, or a pasted id). "/" focuses it.
import { For, Show, createSignal, onCleanup, onMount, type JSX } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { StaffSearchDocument } from "./search.documents";
import { ErrorBox, fmtDate } from "./ui";

type Hit = { key: string; href?: string; label: JSX.Element; detail: string };

export const SearchBox = () => {
  const [text, setText] = createSignal("");
  const [open, setOpen] = createSignal(false);
  const navigate = useNavigate();
  let input!: HTMLInputElement;
  const query = () => text().trim();
  const [res] = createQuery({ query: StaffSearchDocument, variables: () => ({ text: query() }), pause: () => query().length < 2 });

  // "/" anywhere outside a field focuses the search (the convention of GitHub and Zendesk).
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    e.preventDefault();
    input.focus();
    setOpen(true);
  };
  onMount(() => document.addEventListener("keydown", onKey));
  onCleanup(() => document.removeEventListener("keydown", onKey));

  const hits = (): { title: string; rows: Hit[] }[] => {
    const r = res.data?.search;
    if (!r) return [];
    const groups = [
      { title: "People", rows: r.users.map((u) => ({ key: u.id, href: `/users/${u.id}`, label: u.displayName, detail: `${u.email ?? ""} · ${u.role.toLowerCase()} · ${u.status.toLowerCase()}` })) },
      {
        title: "Sessions",
        rows: r.sessions.map((s) => ({ key: s.id, href: `/sessions/${s.id}`, label: s.topic || "Session", detail: `${s.mentor.displayName} with ${s.mentee.displayName} · ${fmtDate(s.startsAt)} · ${s.state.toLowerCase()}` })),
      },
      { title: "Disputes", rows: r.disputes.map((d) => ({ key: d.id, href: `/disputes/${d.id}`, label: d.reason, detail: `${d.mentor.displayName} / ${d.mentee.displayName} · ${d.status.toLowerCase().replace("_", " ")}` })) },
      { title: "Certificates", rows: r.certificates.map((c) => ({ key: c.id, href: `/certifications?code=${encodeURIComponent(c.code)}`, label: c.code, detail: `${c.holderName} · ${c.program.name}` })) },
      { title: "Tickets", rows: r.tickets.map((k) => ({ key: k.id, label: k.subject, detail: k.status.toLowerCase() })) },
    ];
    return groups.filter((g) => g.rows.length);
  };
  const first = () => hits()[0]?.rows.find((h) => h.href);

  return (
    <div class="search" role="search" onFocusOut={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOpen(false)}>
      <label class="sr-only" for="staff-search">
        Search people, sessions, disputes, certificates and tickets
      </label>
      <input
        id="staff-search"
        ref={input}
        type="search"
        placeholder="Search (press /)"
        autocomplete="off"
        value={text()}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
          if (e.key === "Enter" && first()) {
            navigate(first()!.href!);
            setOpen(false);
          }
        }}
      />
      <Show when={open() && query().length >= 2}>
        <div class="search-results" data-testid="search-results">
          <ErrorBox error={res.error} />
          <Show when={res.data} fallback={<p class="muted">Searching…</p>}>
            <Show when={hits().length} fallback={<p class="muted">Nothing found for “{query()}”.</p>}>
              <For each={hits()}>
                {(g) => (
                  <section>
                    <h3>{g.title}</h3>
                    <ul class="plain-list">
                      <For each={g.rows}>
                        {(h) => (
                          <li>
                            <Show when={h.href} fallback={<strong>{h.label}</strong>}>
                              <A href={h.href!} onClick={() => setOpen(false)}>
                                {h.label}
                              </A>
                            </Show>
                            <div class="muted">{h.detail}</div>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
};
