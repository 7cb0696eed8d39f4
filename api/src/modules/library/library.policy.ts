import type { ModuleRules } from "../../authz/ability.js";

// Resource library: everyone signed in reads published items; mentors write drafts and
// edit their own drafts; support staff (and admins, who hold `manage all`) edit, publish and archive.
export const libraryRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("read", "LibraryItem", { status: "PUBLISHED" });
  if (viewer.role === "MENTOR") {
    can("create", "LibraryItem");
    can("read", "LibraryItem", { authorId: viewer.id });
    can("update", "LibraryItem", { authorId: viewer.id, status: "DRAFT" });
  }
  if (viewer.role === "SUPPORT") can(["create", "read", "update", "publish"], "LibraryItem");
};
