import type { AccountStatus, Role } from "../../gql/graphql";

export const roleLabel = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

export const statusTone = (s: AccountStatus) =>
  s === "ACTIVE" ? ("ok" as const) : s === "DEACTIVATED" ? ("info" as const) : ("bad" as const);
