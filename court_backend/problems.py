"""Errors as RFC 9457 problem details (``application/problem+json``) with stable type URIs."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

PROBLEM_BASE = "urn:court-api:problem:"
MEDIA_TYPE = "application/problem+json"

TITLES = {
    "unauthorized": "Authentication required",
    "invalid-credentials": "Wrong username or password",
    "account-disabled": "The account is disabled",
    "throttled": "Too many failed sign-ins",
    "forbidden": "Your role may not do this",
    "not-found": "No such resource",
    "invalid-request": "The request is not valid",
    "method-not-allowed": "Method not allowed",
    "request-too-large": "The request body is too large",
    "events-gone": "Those events are no longer held; take a fresh snapshot",
    "idempotency-key-missing": "An Idempotency-Key header is required",
    "idempotency-key-reused": "This Idempotency-Key was used for another request",
    "precondition-required": "If-Match with the object's version is required",
    "stale-version": "The object changed since the version you saw",
    "team-unavailable": "The team is not available",
    "task-finished": "The task is already finished",
    "owned-by-another": "Another operator owns this escalation",
    "not-owned": "You do not own this escalation",
    "already-acknowledged": "You already own this escalation",
    "escalation-resolved": "The escalation is resolved",
    "case-closed": "The case is closed",
    "no-hit": "The institution found nothing",
    "amount-above-finding": "More than what was found",
    "already-decided": "The approval is already decided",
    "two-person-rule": "Whoever asks cannot approve",
    "outside-jurisdiction": "Outside your court's jurisdiction",
    "no-court-above": "There is no court above",
    "fine-out-of-range": "The fine is outside the law's limits",
    "reason-required": "A reason is required",
    "reveal-limit": "Too many reveals this hour",
    "internal-error": "The backend failed on this request",
}


class Problem(Exception):
    def __init__(
        self, status: int, kind: str, detail: str = "", headers: dict[str, str] | None = None, **extra
    ) -> None:
        super().__init__(detail or kind)
        self.status, self.kind, self.detail, self.headers, self.extra = status, kind, detail, headers or {}, extra


def problem_body(status: int, kind: str, detail: str = "", **extra) -> dict:
    body = {"type": PROBLEM_BASE + kind, "title": TITLES.get(kind, kind), "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return body


def problem_response(
    status: int, kind: str, detail: str = "", headers: dict[str, str] | None = None, **extra
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, kind, detail, **extra), status_code=status, media_type=MEDIA_TYPE, headers=headers
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(Exception)
    async def _defect(_: Request, exc: Exception) -> JSONResponse:
        # A defect of this backend: still a problem document, and logged with its traceback by the server.
        return problem_response(500, "internal-error", "The backend could not answer this request; it has been logged.")

    @app.exception_handler(Problem)
    async def _problem(_: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.kind, exc.detail, exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(map(str, e.get("loc", ()))), "msg": e.get("msg", "")} for e in exc.errors()]
        return problem_response(422, "invalid-request", "The request does not match the API.", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # A body that is not even JSON is one more invalid request: 422, like any other.
        status = 422 if exc.status_code == 400 else exc.status_code
        kind = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized"}.get(status, "invalid-request")
        headers = dict(exc.headers or {})
        if status == 405:
            # Every method of the path, as the document lists them: the framework names only those of
            # the first route it matched (GET of /tasks, not the POST beside it).
            path = request.url.path
            headers["Allow"] = ", ".join(
                sorted(
                    method.upper()
                    for template, operations in app.openapi()["paths"].items()
                    if compile_path(template)[0].fullmatch(path)
                    for method in operations
                )
            )
        return problem_response(status, kind, str(exc.detail), headers)
