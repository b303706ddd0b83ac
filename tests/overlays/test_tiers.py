"""Each tier of `siliconflow` imports only downwards, TYPE_CHECKING and in-function imports included.

_core < _streaming < resources < lib < bulk; `client.py`, `types.py` and `__init__.py` sit on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import siliconflow

PACKAGE = Path(siliconflow.__file__).parent
TIERS = ["_core", "_streaming", "resources", "lib", "bulk"]
TOP = len(TIERS)  # client.py, types.py, __init__.py
# The one known exception: `run_bulk(client_options=...)` builds the AsyncSiliconFlow it runs on.
ALLOWED = {"bulk.runner -> client", "bulk.runner imports the client back"}


def tier_of(module: str) -> int:
    """`module` is dotted, relative to the package: `resources.chat`, `client`."""
    head = module.split(".", 1)[0]
    return TIERS.index(head) if head in TIERS else TOP


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> list[str]:
    """The package modules `path` imports, as dotted names relative to the package (every import)."""
    package = (
        module_name(path).split(".") if path.name == "__init__.py" else module_name(path).split(".")[:-1]
    )
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
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


def upward_imports() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        if path.name == "__init__.py" and "." not in here and here == "":
            continue  # the package's own __init__ is on top
        for target in imports_of(path):
            if tier_of(target) > tier_of(here) and not (here == "" or tier_of(here) == TOP):
                bad.append(f"{here or '__init__'} -> {target}")
            if target == "client" and here != "":
                bad.append(f"{here} imports the client back")
    return bad


def test_no_module_imports_a_higher_tier_or_the_client() -> None:
    assert set(upward_imports()) <= ALLOWED


def test_the_check_sees_every_tier_and_would_catch_an_upward_import(tmp_path: Path) -> None:
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    assert {tier_of(m) for m in modules} == set(range(TOP + 1))
    # A resource importing lib/ is what the rule forbids: the parser must see it as upward.
    sample = PACKAGE / "resources" / "chat.py"
    assert "_core.request_params" in imports_of(sample)
    assert "bulk.batch_jobs -> client" not in upward_imports()
    assert tier_of("lib.tools") > tier_of("resources.chat")
