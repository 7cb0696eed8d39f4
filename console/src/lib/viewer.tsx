// Who is signed in and what the server says they may do. Pages and buttons are shown from
// `permissions` only; the server still decides every request.
import { createContext, useContext, type ParentComponent, type Accessor } from "solid-js";
import type { ViewerQuery } from "../gql/graphql";
import { graphql } from "../gql";

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      user { id displayName role email }
      permissions { action subject allRows }
    }
  }
`);

export type Viewer = ViewerQuery["viewer"];

/** `allRows`: the viewer may do it to any row, not only some (e.g. their own). */
export interface Need {
  action: string;
  subject: string;
  allRows?: boolean;
}

export function allows(viewer: Viewer | undefined, need: Need): boolean {
  if (!viewer) return false;
  return viewer.permissions.some(
    (p) => p.action === need.action && p.subject === need.subject && (!need.allRows || p.allRows),
  );
}

const Ctx = createContext<Accessor<Viewer | undefined>>(() => undefined);

export const ViewerProvider: ParentComponent<{ viewer: Accessor<Viewer | undefined> }> = (props) => (
  <Ctx.Provider value={props.viewer}>{props.children}</Ctx.Provider>
);

export function useViewer() {
  const viewer = useContext(Ctx);
  return {
    viewer,
    can: (action: string, subject: string, allRows = false) => allows(viewer(), { action, subject, allRows }),
  };
}
