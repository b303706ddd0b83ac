"""A plain user install for the start-up and whole-command rows: `pip install .`, no dev extras.

In the dev venv `import httpx` also loads rich and click (httpx's CLI extra, which the dev tools pull
in), which makes the floor slower and flatters every ratio to it; a user's `pip install
siliconflow-chat` has neither. So these rows run in `build/bench-venv`, made on the first run and
refreshed with this tree's code on every run (a few seconds once the dependencies are there).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLACE = ROOT / "build" / "bench-venv"


def plain_python(place: Path = DEFAULT_PLACE, source: Path = ROOT) -> Path:
    """The interpreter of a venv holding `source` (this tree) installed as a user would, without dev
    extras."""
    python = place / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(place)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return python
