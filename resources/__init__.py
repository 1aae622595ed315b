"""Files that the console and the reference backend read at run time (map data, later icons and fonts)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("map", "510000.json")``."""
    return ROOT.joinpath(*parts)
