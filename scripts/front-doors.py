#!/usr/bin/env python3
"""Keeps module front doors true: rewrites imports that reach into another module's files to go
through that module's index.ts, and makes each index.ts re-export what others use plus the
module's CASL rules and jobs. Idempotent; run it after merging work that adds cross-module imports.
`pnpm lint:deps` (dependency-cruiser) is the check; this is only the mechanical fix."""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "api", "src", "modules")
IMPORT = re.compile(r'''(from\s+["'])\.\./([a-z][a-z0-9-]*)/([A-Za-z0-9.-]+)\.js(["'])''')
HEADER = "// Front door of the {m} module: the only file other modules import. Generated entries are\n// kept by scripts/front-doors.py; add hand-written exports below the generated block.\n"
BEGIN, END = "// <generated>", "// </generated>"

modules = sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)))
public = {m: set() for m in modules}

for m in modules:
    for dirpath, _, files in os.walk(os.path.join(ROOT, m)):
        for f in files:
            if not f.endswith(".ts") or f == "index.ts":
                continue
            p = os.path.join(dirpath, f)
            src = open(p).read()
            def fix(mo):
                other, file = mo.group(2), mo.group(3)
                if other == m or other not in public or file == "index":
                    return mo.group(0)
                public[other].add(file)
                return f"{mo.group(1)}../{other}/index.js{mo.group(4)}"
            out = IMPORT.sub(fix, src)
            if out != src:
                open(p, "w").write(out)

for m in modules:
    d = os.path.join(ROOT, m)
    for f in os.listdir(d):
        if f.endswith(".policy.ts") or f.endswith(".jobs.ts"):
            public[m].add(f[:-3])
    idx = os.path.join(d, "index.ts")
    tail = ""
    if os.path.exists(idx):
        text = open(idx).read()
        for line in text.splitlines():
            mo = re.match(r'export \* from "\./([A-Za-z0-9.-]+)\.js";', line)
            if mo and os.path.exists(os.path.join(d, mo.group(1) + ".ts")):
                public[m].add(mo.group(1))
        if END in text:
            tail = text.split(END, 1)[1].lstrip("\n")
    lines = [f'export * from "./{f}.js";' for f in sorted(public[m])]
    body = HEADER.format(m=m) + BEGIN + "\n" + "\n".join(lines) + "\n" + END + "\n" + (("\n" + tail) if tail else "")
    open(idx, "w").write(body)
print("front doors:", ", ".join(f"{m}({len(public[m])})" for m in modules))
