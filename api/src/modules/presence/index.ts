// Front door of the presence module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>

// </generated>
