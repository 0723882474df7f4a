"""The rules of the architecture, checked on every run.

1. Only ``desktop/ui``, ``desktop/bridge.py`` and ``desktop/app.py`` (the wiring) import Qt;
   the softphone's sound-card side (``desktop/softphone/audio.py``) may use Qt Multimedia
   and QtCore, never widgets.
2. ``backend/domain`` does no I/O: no sockets, files, databases, clocks of its own.
3. ``protocol`` is the only package the backend and the desktop share.
4. No import circle in the backend; 5. no module uses another's ``_private`` names.
6. The phone panel talks to the softphone only through its controller.
7. No nested event processing (``processEvents``, a modal ``exec``) inside async code.
8. The live centre's state has one owner: only routing (``backend/centre/routing.py``)
   changes the Router and an agent's profile; only the chat channel
   (``backend/channels/chat.py``) assigns an open conversation's fields.
9. Nothing but the composition (``backend/app.py``, the sockets' layer ``backend/api``,
   the commands) imports ``backend.hub``; no part keeps a list of listeners (they
   subscribe to ``backend/centre/events.py``).
10. No module over 600 lines; the main window under 400 (its sections hear their own events).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_ALLOWED = {ROOT / "desktop" / "bridge.py", ROOT / "desktop" / "app.py"}
QT_WITHOUT_WIDGETS = {ROOT / "desktop" / "softphone" / "audio.py"}
IO_MODULES = {
    "socket",
    "sqlite3",
    "sqlalchemy",
    "asyncio",
    "websockets",
    "starlette",
    "uvicorn",
    "urllib",
    "httpx",
    "os",
    "subprocess",
    "pathlib",
    "time",
    "logging",
}


def imports(path: Path, depth: int = 1) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(".".join(alias.name.split(".")[:depth]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(".".join(node.module.split(".")[:depth]))
    return found


def test_no_qt_outside_the_ui() -> None:
    offenders = []
    for package in ("protocol", "backend", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            if path in QT_ALLOWED or (ROOT / "desktop" / "ui") in path.parents:
                continue
            if path in QT_WITHOUT_WIDGETS:
                assert imports(path, 2) & {"PySide6.QtWidgets", "PySide6.QtGui"} == set(), path
                continue
            if {"PySide6", "qasync"} & imports(path):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def io_imports(path: Path) -> set[str]:
    found = IO_MODULES & imports(path)
    # urllib.parse only takes strings apart and joins them: no I/O in it.
    urllib = {m for m in imports(path, depth=2) if m.split(".")[0] == "urllib"}
    if urllib and urllib <= {"urllib.parse"}:
        found.discard("urllib")
    return found


def test_domain_does_no_io() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(io_imports(path))
        for path in (ROOT / "backend" / "domain").rglob("*.py")
        if io_imports(path)
    }
    assert offenders == {}


def test_protocol_is_the_only_shared_module() -> None:
    for path in (ROOT / "backend").rglob("*.py"):
        assert "desktop" not in imports(path), path
    for path in (ROOT / "desktop").rglob("*.py"):
        assert "backend" not in imports(path), path


def _modules(package: str) -> dict[str, Path]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _edges(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every backend module this one imports: at the top, in a function, or for types."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module in known:
            out.add(node.module)
            out.update(
                f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in known
            )
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
    out.discard(name)
    return out


def test_no_import_circle_in_the_backend() -> None:
    """The hub builds its features; they know it only through ``backend/centre.py``."""
    known = _modules("backend")
    graph = {name: _edges(name, path, known) for name, path in known.items()}
    circles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                circles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_no_private_name_of_another_module_is_used() -> None:
    """No ``from x import _name`` anywhere; in the backend and the protocol also no
    ``other._name`` (a feature talks to the hub through its public interface)."""
    offenders = []
    for package in ("protocol", "backend", "desktop"):
        for name, path in _modules(package).items():
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    offenders += [
                        f"{name}: {node.module}.{a.name}"
                        for a in node.names
                        if a.name.startswith("_") and not a.name.startswith("__")
                    ]
                if package == "desktop" or not isinstance(node, ast.Attribute):
                    continue
                private = node.attr.startswith("_") and not node.attr.startswith("__")
                owner = node.value
                if private and not (
                    isinstance(owner, ast.Name) and owner.id in ("self", "cls", "os")
                ):
                    offenders.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


def test_the_phone_panel_talks_only_to_the_controller() -> None:
    """``desktop/ui`` reaches the phone through ``desktop/softphone/controller.py``."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop" / "ui").rglob("*.py")
        if "desktop.softphone.engine" in imports(path, 3)
    ]
    assert offenders == []


def test_no_nested_event_processing_in_async_code() -> None:
    """``processEvents()`` called from a coroutine on the qasync loop runs other tasks'
    wake-ups inside this task's step; asyncio refuses them and those tasks hang for good
    (a desktop connection that stops reading, a test that never ends). Coroutines await
    instead (``tests/e2e/workstation.settle``)."""
    offenders = []
    for folder in ("desktop", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text("utf-8"))
            # End-to-end tests run inside the loop throughout; elsewhere, coroutines only.
            scopes: list[ast.AST] = (
                [tree]
                if folder == "tests" and path.parent.name == "e2e"
                else [n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef)]
            )
            offenders += [
                f"{path.relative_to(ROOT)}:{call.lineno}"
                for scope in scopes
                for call in ast.walk(scope)
                if isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "processEvents"
            ]
    assert sorted(set(offenders)) == []


ROUTER_MUTATORS = {
    "add_agent",
    "set_status",
    "set_on_call",
    "enqueue",
    "remove",
    "accept",
    "assign_direct",
    "release",
    "expire_offers",
    "lapse",
    "route",
    "end_wrap_ups",
}
ROUTING = ROOT / "backend" / "centre" / "routing.py"
CHAT_CHANNEL = ROOT / "backend" / "channels" / "chat.py"
LIVE_FIELDS = {
    "state",
    "owner",
    "queue",
    "answered_at",
    "client",
    "client_gone_at",
    "client_left",
    "first_line",
    "consultants",
    "transfer",
    "identified",
    "name_id",
    "lang",
}


def _backend_outside_domain() -> list[Path]:
    return [
        path
        for path in (ROOT / "backend").rglob("*.py")
        if (ROOT / "backend" / "domain") not in path.parents
    ]


def _names_router(node: ast.expr) -> bool:
    """``router``, ``self.router`` or ``x.routing.router``."""
    return (isinstance(node, ast.Name) and node.id == "router") or (
        isinstance(node, ast.Attribute) and node.attr == "router"
    )


def test_only_routing_changes_the_router() -> None:
    offenders = []
    for path in _backend_outside_domain():
        if path == ROUTING:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ROUTER_MUTATORS
                and _names_router(node.func.value)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.attr}")
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                # An agent's skills, capacity or chats are the Router's: set through routing.
                if isinstance(target, ast.Attribute) and target.attr in {"skills", "chats"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {target.attr}")
    assert offenders == []


def _is_live(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "live"


def test_only_the_chat_channel_assigns_conversation_records() -> None:
    offenders = []
    for path in _backend_outside_domain():
        if path == CHAT_CHANNEL:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = [
                    t
                    for target in node.targets
                    for t in (target.elts if isinstance(target, ast.Tuple) else [target])
                ]
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr in LIVE_FIELDS
                    and _is_live(target.value)
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {target.attr}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"add", "discard", "clear", "remove", "update"}
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "consultants"
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} consultants")
    assert offenders == []


COMPOSITION = {ROOT / "backend" / "app.py", ROOT / "backend" / "hub.py"}


def test_no_part_or_feature_imports_the_hub() -> None:
    offenders = []
    for path in (ROOT / "backend").rglob("*.py"):
        if path in COMPOSITION or {ROOT / "backend" / "api", ROOT / "backend" / "cli"} & set(
            path.parents
        ):
            continue
        if "backend.hub" in imports(path, depth=2):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_lists_of_listeners() -> None:
    offenders = []
    for path in (ROOT / "backend").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.endswith("_listeners"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.attr}")
    assert offenders == []


def test_no_module_over_600_lines() -> None:
    """One concept per module: a file past this has grown a second job (the generated
    translations are .ts files, not Python)."""
    long = {
        str(path.relative_to(ROOT)): n
        for package in ("backend", "desktop", "protocol")
        for path in (ROOT / package).rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > 600
    }
    assert long == {}


def test_the_main_window_keeps_layout_and_links_only() -> None:
    """Each section hears its own events; the window lays them out and links them."""
    window = ROOT / "desktop" / "ui" / "main_window.py"
    assert len(window.read_text("utf-8").splitlines()) < 400
