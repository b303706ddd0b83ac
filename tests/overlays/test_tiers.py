"""Each tier of `siliconflow` imports only downwards, TYPE_CHECKING and in-function imports included.

_core < _streaming < resources < lib < client < bulk; `types.py` and `__init__.py` sit on top. The
client is a tier of its own: it wires the tiers below it, so none of them imports it back, and bulk/
runs on top of a client (`run_bulk(client_options=...)` builds the AsyncSiliconFlow it runs on).
"""

from __future__ import annotations

import ast
from pathlib import Path

import siliconflow

PACKAGE = Path(siliconflow.__file__).parent
TIERS = ["_core", "_streaming", "resources", "lib", "client", "bulk"]
TOP = len(TIERS)  # types.py, __init__.py


def tier_of(module: str) -> int:
    """`module` is dotted, relative to the package: `resources.chat`, `client`."""
    head = module.split(".", 1)[0]
    return TIERS.index(head) if head in TIERS else TOP


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, package: Path = PACKAGE) -> list[str]:
    """The package modules `path` imports, as dotted names relative to the package (every import)."""
    here = module_name(path, package).split(".") if module_name(path, package) else []
    parent = here if path.name == "__init__.py" else here[:-1]
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = parent[: len(parent) - node.level + 1] if node.level > 1 else parent
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [".".join(target)] if node.module else [".".join([*base, a.name]) for a in node.names]
                found += [name for name in names if name]
            elif node.module and node.module.startswith("siliconflow."):
                found.append(node.module.removeprefix("siliconflow."))
        elif isinstance(node, ast.Import):
            found += [
                a.name.removeprefix("siliconflow.") for a in node.names if a.name.startswith("siliconflow.")
            ]
    return found


def upward_imports(package: Path = PACKAGE) -> list[str]:
    """Every import of a higher tier than the importing module's own, as `module -> target`."""
    bad = []
    for path in sorted(package.rglob("*.py")):
        here = module_name(path, package)
        for target in imports_of(path, package):
            if tier_of(target) > tier_of(here):
                bad.append(f"{here} -> {target}")
    return bad


def test_no_module_imports_a_higher_tier() -> None:
    assert upward_imports() == []


def test_every_module_is_in_a_tier_and_the_client_is_its_own() -> None:
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    assert {tier_of(m) for m in modules} == set(range(TOP + 1))
    assert tier_of("lib.tools") < tier_of("client") < tier_of("bulk.runner") < tier_of("types")
    assert {m for m in modules if tier_of(m) == TOP} == {"", "types"}
    # The parser sees the real imports: the client wires the resources, bulk runs on the client.
    assert "resources.chat" in imports_of(PACKAGE / "client.py")
    assert "client" in imports_of(PACKAGE / "bulk" / "runner.py")


def test_the_check_would_catch_an_upward_import(tmp_path: Path) -> None:
    """A fake package with one upward import of each kind: each is reported, the downward ones not."""
    files = {
        "__init__.py": "from . import bulk, client, types\n",
        "types.py": "from .client import SiliconFlow\n",
        "client.py": "from .lib import tools\ndef f():\n    from .bulk import runner\n",  # into bulk
        "_core/__init__.py": "",
        "_core/errors.py": "import siliconflow.resources.chat\n",  # absolute, upward
        "_streaming/__init__.py": "",
        "_streaming/stream.py": "from .._core import errors\n",
        "resources/__init__.py": "import typing\nif typing.TYPE_CHECKING:\n    from ..lib import tools\n",
        "resources/chat.py": "from .._streaming.stream import Stream\n",
        "lib/__init__.py": "",
        # The client imported back: in a function, and by its absolute name.
        "lib/tools.py": "def run():\n    from ..client import AsyncSiliconFlow\n",
        "lib/structured.py": "from siliconflow.client import SiliconFlow\n",
        "bulk/__init__.py": "",
        "bulk/runner.py": "from ..client import AsyncSiliconFlow\nfrom ..lib import tools\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sorted(upward_imports(tmp_path)) == [
        "_core.errors -> resources.chat",
        "client -> bulk",
        "lib.structured -> client",
        "lib.tools -> client",
        "resources -> lib",
    ]
