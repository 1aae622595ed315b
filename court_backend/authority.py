"""Who may do what, and where: the role's permissions (the one table, `catalogue.PERMISSIONS`, that
GET /me lists) and the court's jurisdiction (DOMAIN.md, Roles): a basic court sees and acts on its
own cases and teams; an intermediate court on its own and its basic courts'; the high court on all.
Every refusal here is a 403 whose detail says what was missing."""

from __future__ import annotations

from court_backend.accounts import Principal
from court_backend.catalogue import PERMISSIONS
from court_backend.geography import Court
from court_backend.problems import Problem


def allow(who: Principal, permission: str | tuple[str, ...]) -> None:
    """403 unless the caller's role holds `permission` (one of them, when several are given)."""
    wanted = (permission,) if isinstance(permission, str) else permission
    if not set(wanted) & set(PERMISSIONS[who.role]):
        named = " or ".join(wanted)
        raise Problem(403, "forbidden", f"The {who.role} role may not do this ({named}).", permission=named)


class Jurisdiction:
    """The courts each court answers for: itself and the courts below it, all the way down."""

    def __init__(self, courts: list[Court]) -> None:
        self._courts = {court.id: court for court in courts}
        below: dict[str, set[str]] = {court.id: {court.id} for court in courts}
        for court in courts:
            parent = court.parent_id
            while parent is not None:
                below[parent].add(court.id)
                parent = self._courts[parent].parent_id
        self._below = {court_id: frozenset(ids) for court_id, ids in below.items()}
        self._everything = frozenset(self._courts)

    def courts_of(self, who: Principal) -> frozenset[str]:
        return self._below.get(who.court_id, frozenset())

    def sees_all(self, who: Principal) -> bool:
        return self.courts_of(who) == self._everything

    def covers(self, who: Principal, court_id: str | None) -> bool:
        """Whether `court_id` is in `who`'s jurisdiction (None, province-wide, is in everyone's)."""
        return court_id is None or court_id in self.courts_of(who)

    def is_above(self, who: Principal, court_id: str) -> bool:
        """Whether `who`'s court is above `court_id`'s (its parent, or higher)."""
        return court_id != who.court_id and court_id in self.courts_of(who)

    def name(self, court_id: str | None) -> str:
        court = self._courts.get(court_id or "")
        return court.name if court else str(court_id)

    def within(self, who: Principal, court_id: str, what: str) -> None:
        """403 unless `court_id` (the court of `what`) is in `who`'s jurisdiction."""
        if not self.covers(who, court_id):
            raise Problem(
                403,
                "outside-jurisdiction",
                f"{what} belongs to {self.name(court_id)}, outside the jurisdiction of {self.name(who.court_id)}.",
                court_id=court_id,
            )
