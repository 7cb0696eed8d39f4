// The one list component of the console: a connection page shown as a table (columns) or as
// cards (a row renderer), with the same loading, error, empty and pager behaviour everywhere.
import { For, Show, type JSX } from "solid-js";
import type { CombinedError } from "@urql/core";
import { Empty, ErrorBox, Loading, Pager, type createCursor } from "./ui";

type Cursor = ReturnType<typeof createCursor>;

export interface PageState<T> {
  /** The query's state (urql): data arrives, an error, or a fetch in flight. */
  fetching: boolean;
  error?: CombinedError;
  /** The connection page once loaded. */
  page: { rows: T[]; hasNextPage: boolean; endCursor?: string | null } | undefined;
}

export interface Column<T> {
  header: JSX.Element;
  cell: (row: T) => JSX.Element;
}

interface ListProps<T> {
  state: PageState<T>;
  cursor: Cursor;
  /** Said when the page has no rows. */
  empty: string;
}

/** Loading, error and empty states around a page of rows, and the pager under it. */
function PageFrame<T>(props: ListProps<T> & { children: (rows: T[]) => JSX.Element }) {
  return (
    <>
      <ErrorBox error={props.state.error} />
      <Show when={props.state.page} fallback={<Show when={!props.state.error}><Loading /></Show>}>
        {(page) => (
          <>
            <Show when={page().rows.length} fallback={<Empty>{props.empty}</Empty>}>
              {props.children(page().rows)}
            </Show>
            <Pager
              busy={props.state.fetching}
              hasPrev={props.cursor.hasPrev()}
              hasNext={page().hasNextPage}
              onPrev={props.cursor.prev}
              onNext={() => props.cursor.next(page().endCursor)}
            />
          </>
        )}
      </Show>
    </>
  );
}

type RowAttrs<T> = (row: T) => JSX.HTMLAttributes<HTMLTableRowElement> & Record<string, unknown>;

/** Rows as a table with one header per column (lists that are not paged use it alone). */
export function Table<T>(props: { rows: T[]; columns: Column<T>[]; testId?: string; busy?: boolean; compact?: boolean; rowAttrs?: RowAttrs<T> }) {
  return (
    <table class={props.compact ? "table compact" : "table"} data-testid={props.testId} aria-busy={props.busy ? "true" : undefined}>
      <thead>
        <tr>
          <For each={props.columns}>{(c) => <th scope="col">{c.header}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr {...(props.rowAttrs?.(row) ?? {})}>
              <For each={props.columns}>{(c) => <td>{c.cell(row)}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/** A page of rows as a table, with the list states and the pager. */
export function DataTable<T>(props: ListProps<T> & { columns: Column<T>[]; testId?: string; compact?: boolean; rowAttrs?: RowAttrs<T> }) {
  return (
    <PageFrame state={props.state} cursor={props.cursor} empty={props.empty}>
      {(rows) => <Table rows={rows} columns={props.columns} testId={props.testId} compact={props.compact} busy={props.state.fetching} rowAttrs={props.rowAttrs} />}
    </PageFrame>
  );
}

/** A page of rows as cards (queues whose items carry actions and long text). */
export function CardList<T>(props: ListProps<T> & { card: (row: T) => JSX.Element }) {
  return (
    <PageFrame state={props.state} cursor={props.cursor} empty={props.empty}>
      {(rows) => (
        <ul class="cards">
          <For each={rows}>{(row) => props.card(row)}</For>
        </ul>
      )}
    </PageFrame>
  );
}

type Connection<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/** Reactive page state from an urql result and the connection inside its data. */
export function connectionState<T>(
  res: () => { fetching: boolean; error?: CombinedError },
  conn: () => Connection<T> | null | undefined,
  /** Rows to show instead of the page's own (e.g. live entries merged in on the first page). */
  rows?: () => T[],
): PageState<T> {
  return {
    get fetching() {
      return res().fetching;
    },
    get error() {
      return res().error;
    },
    get page() {
      const c = conn();
      return c ? { rows: rows ? rows() : c.edges.map((e) => e.node), hasNextPage: c.pageInfo.hasNextPage, endCursor: c.pageInfo.endCursor } : undefined;
    },
  };
}
