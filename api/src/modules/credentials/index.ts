// Front door of the credentials module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./credentials.service.js";
// </generated>
