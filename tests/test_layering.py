"""The layering of DESIGN.md, enforced by the import contracts in `pyproject.toml`: `console/` is
plain Python, `court_backend/` stands alone, `widgets/` do no network I/O."""

from __future__ import annotations

from pathlib import Path

from importlinter import configuration
from importlinter.application.use_cases import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_every_import_contract_is_kept():
    configuration.configure()  # what the lint-imports command does first
    assert lint_imports(str(PYPROJECT), cache_dir=None, no_logo=True)
