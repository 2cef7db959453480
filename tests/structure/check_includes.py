#!/usr/bin/env python3
"""Stage boundaries, checked against the build's own graph: a file under pipeline/<stage>/ includes only headers of
its stage and of the stages its CMake target links (directly or through them), and never another stage's detail/.

usage: check_includes.py PIPELINE_DIR STAGE_GRAPH

STAGE_GRAPH is written by CMakeLists.txt at configure time, one line a stage or program: its folder under pipeline/
(or its source file), then the folders of the stages it links. Exit 1 with one line a violation, naming file:line.
"""
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_graph(path):
    """{folder: [linked folders]} and the programs' {source file: [linked folders]}."""
    stages, programs = {}, {}
    for line in Path(path).read_text().splitlines():
        owner, *deps = line.split()
        (programs if owner.endswith(".cpp") else stages)[owner] = deps
    return stages, programs


def reachable(start, stages):
    seen, todo = set(), list(start)
    while todo:
        folder = todo.pop()
        if folder not in seen:
            seen.add(folder)
            todo.extend(stages.get(folder, []))
    return seen


def stage_of(include, stages):
    """The stage folder an include path lies in: the longest folder of the graph it starts with."""
    owners = [f for f in stages if include.startswith(f + "/")]
    return max(owners, key=len) if owners else None


def check(file, own, allowed, stages, pipeline):
    problems = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        target = stage_of(match.group(1), stages)
        where = f"{file.relative_to(pipeline.parent)}:{number}"
        if target is None:
            continue  # a header beside the file, or not saraban's
        if target not in allowed:
            problems.append(f"{where}: includes {match.group(1)}, but its target does not link {target}")
        elif target != own and match.group(1).startswith(target + "/detail/"):
            problems.append(f"{where}: includes {match.group(1)}, an internal header of {target}")
    return problems


def main():
    pipeline, graph = Path(sys.argv[1]), sys.argv[2]
    stages, programs = read_graph(graph)
    problems, checked = [], 0
    for folder, deps in stages.items():
        allowed = reachable([folder] + deps, stages)
        for file in sorted((pipeline / folder).rglob("*")):
            if file.suffix in (".h", ".cpp") and stage_of(str(file.relative_to(pipeline)), stages) == folder:
                problems += check(file, folder, allowed, stages, pipeline)
                checked += 1
    for source, deps in programs.items():
        problems += check(pipeline / source, None, reachable(deps, stages), stages, pipeline)
        checked += 1
    print("\n".join(problems) if problems else f"{checked} files include only the stages their targets link")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
