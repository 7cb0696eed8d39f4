// The navigation's page list, handed over by the app shell so that pages can link to their
// siblings without importing the route table (which lazily imports the pages).
import type { Need } from "./viewer";

export interface NavLink {
  path: string;
  title: string;
  nav: boolean;
  need?: Need;
}

let links: readonly NavLink[] = [];
export const provideNavLinks = (list: readonly NavLink[]): void => {
  links = list;
};
export const navLinks = (): readonly NavLink[] => links;
