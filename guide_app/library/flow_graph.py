"""Graph checks for a situation flow: dead ends, cycles and nodes nobody can reach. No Qt, no file reading."""

from __future__ import annotations

from guide_app.library.flow_model import Node, Question


def graph_problems(
    start: str, nodes: dict[str, Node], node_lines: dict[str, int], default_line: int
) -> list[tuple[int, str]]:
    """Dead ends (answers to missing nodes), cycles and nodes that can never be reached, as ``(line, message)``.

    ``node_lines`` gives the line of each node id (for "can never be reached"); ``default_line`` is used
    for a node without one.
    """
    problems: list[tuple[int, str]] = []

    def report(line: int, message: str) -> None:
        problems.append((line, message))

    for node in nodes.values():
        if not isinstance(node, Question):
            continue
        for n, answer in enumerate(node.answers, 1):
            if answer.next and answer.next not in nodes:
                report(
                    answer.line,
                    f"dead end: node '{node.id}' answer {n} goes to '{answer.next}', which does not exist",
                )
    # Cycles: depth-first search from every node, reporting each back edge once, at its answer's line.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[tuple[str, int]] = set()

    def visit(nid: str, trail: list[str]) -> None:
        state[nid] = 1
        node = nodes[nid]
        if isinstance(node, Question):
            for n, answer in enumerate(node.answers, 1):
                target = answer.next
                if target not in nodes:
                    continue
                if state.get(target) == 1 and (nid, n) not in reported:
                    reported.add((nid, n))
                    before = trail[trail.index(target) :] if target in trail else []
                    loop = " -> ".join([*before, nid, target])
                    report(answer.line, f"cycle: node '{nid}' answer {n} goes back to '{target}' ({loop})")
                elif target not in state:
                    visit(target, [*trail, nid])
        state[nid] = 2

    for nid in [start, *nodes] if start in nodes else list(nodes):
        if nid not in state:
            visit(nid, [])
    if start not in nodes:
        return problems
    reachable: set[str] = set()
    todo = [start]
    while todo:
        nid = todo.pop()
        if nid in reachable or nid not in nodes:
            continue
        reachable.add(nid)
        node = nodes[nid]
        if isinstance(node, Question):
            todo.extend(a.next for a in node.answers)
    for nid in nodes:
        if nid not in reachable:
            report(node_lines.get(nid, default_line), f"node '{nid}' can never be reached from '{start}'")
    return problems
