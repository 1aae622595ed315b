"""The layering of DESIGN.md, enforced: `console/` is plain Python, `court_backend/` stands alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import pkgutil, importlib, sys
package = importlib.import_module({package!r})
for module in pkgutil.walk_packages(package.__path__, {package!r} + "."):
    if not module.name.endswith(".__main__"):  # importing that would run the program
        importlib.import_module(module.name)
print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in {forbidden!r})))
"""


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("console", {"PySide6", "shiboken6", "pyqtgraph", "widgets", "court_backend"}),
        ("court_backend", {"PySide6", "shiboken6", "pyqtgraph", "widgets", "console"}),
    ],
)
def test_a_package_does_not_pull_in_the_layers_it_must_not_know(package, forbidden):
    # A fresh interpreter: this test process has Qt loaded already.
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(package=package, forbidden=forbidden)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == ""
