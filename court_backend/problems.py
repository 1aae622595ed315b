"""Errors as RFC 9457 problem details (``application/problem+json``) with stable type URIs."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

PROBLEM_BASE = "urn:court-api:problem:"
MEDIA_TYPE = "application/problem+json"

# Every problem type of this API: its HTTP status, its title, and the fields it carries besides
# type, title, status and detail. A client may act on the name; it shows one it does not know by
# its title and detail.
PROBLEM_TYPES = {
    "unauthorized": (401, "Authentication required", ()),
    "invalid-credentials": (401, "Wrong username or password", ()),
    "account-disabled": (403, "The account is disabled", ()),
    "throttled": (429, "Too many failed sign-ins", ("retry_after",)),
    "forbidden": (403, "Your role may not do this", ("permission",)),
    "not-found": (404, "No such resource", ()),
    "invalid-request": (422, "The request is not valid", ()),
    "method-not-allowed": (405, "Method not allowed", ()),
    "request-too-large": (413, "The request body is too large", ()),
    "events-gone": (
        410,
        "Those events are no longer held; take a fresh snapshot",
        ("oldest_event_id", "newest_event_id", "events_since"),
    ),
    "idempotency-key-missing": (400, "An Idempotency-Key header is required", ()),
    "idempotency-key-reused": (422, "This Idempotency-Key was used for another request", ()),
    "precondition-required": (428, "If-Match with the object's version is required", ()),
    "stale-version": (
        412,
        "The object changed since the version you saw",
        ("current_version", "changed_by", "changed_at", "change"),
    ),
    "team-unavailable": (409, "The team is not available", ("team_status", "task_id")),
    "task-finished": (409, "The task is already finished", ()),
    "task-not-on-scene": (409, "Only a team on scene checks in", ()),
    "owned-by-another": (409, "Another operator owns this escalation", ("owner",)),
    "not-owned": (409, "You do not own this escalation", ()),
    "already-acknowledged": (409, "You already own this escalation", ("owner",)),
    "escalation-resolved": (409, "The escalation is resolved", ()),
    "case-closed": (409, "The case is closed", ()),
    "no-hit": (409, "The institution found nothing", ()),
    "amount-above-finding": (422, "More than what was found", ("found", "already_ordered")),
    "measure-not-for-asset": (409, "The asset does not take this measure", ("allowed",)),
    "amount-required": (422, "Money is frozen or deducted by an amount", ()),
    "amount-not-for-property": (422, "Property is taken whole, not by an amount", ()),
    "already-controlled": (409, "The property is already under a measure", ("measure_id",)),
    "over-control": (422, "Beyond what the case still owes (超标的)", ("outstanding", "frozen")),
    "above-outstanding": (422, "More than the case still owes", ("outstanding",)),
    "above-balance": (422, "More than the case's account holds", ("balance",)),
    "renewal-not-due": (409, "Too early to renew: within 30 days of the lapse only", ("renewable_from",)),
    "not-holding": (409, "Only a control measure still holding is renewed", ()),
    "already-decided": (409, "It is decided already", ()),
    "two-person-rule": (403, "Whoever asks cannot approve", ()),
    "outside-jurisdiction": (403, "Outside your court's jurisdiction", ("court_id",)),
    "no-court-above": (409, "There is no court above", ()),
    "fine-out-of-range": (422, "The fine is outside the law's limits", ("min_yuan", "max_yuan")),
    "reason-required": (422, "A reason is required", ()),
    "reveal-limit": (429, "Too many reveals this hour", ("retry_after",)),
    "not-for-preservation": (409, "A property-preservation case carries out its ruling only", ()),
    "already-done": (409, "This was already done on the case", ("done_at",)),
    "termination-conditions-unmet": (409, "The conditions of 终本 are not all met", ("unmet",)),
    "not-terminated": (409, "Only a 终本 case can be resumed", ()),
    "already-resumed": (409, "The case was already resumed", ("resumed_as",)),
    "already-punished": (409, "This person is already punished for this act", ("coercion_id",)),
    "no-judicial-police": (409, "The team has no judicial police", ()),
    "not-detained": (409, "No one is detained by this coercion", ()),
    "already-notified": (409, "The family was already told", ("notified_at",)),
    "review-not-open": (409, "Only a decided fine or detention is reviewed, once", ()),
    "review-too-late": (409, "The 3 days to apply for review are over", ("review_until",)),
    "not-the-court-above": (403, "Only the court above decides a review", ("court_id",)),
    "no-review-pending": (409, "No review is waiting for a decision", ()),
    "already-in-force": (409, "An order of this kind is in force already", ("credit_id",)),
    "ground-not-for-restriction": (422, "A restriction has no ground nor term", ()),
    "ground-required": (422, "The ground of the list is required", ()),
    "extension-not-allowed": (422, "This ground's listing has no term to extend", ()),
    "nothing-owed": (409, "The respondent owes nothing", ()),
    "debt-secured": (409, "Property under control covers what is owed", ("frozen", "outstanding")),
    "not-in-force": (409, "The order is no longer in force", ()),
    "not-performed": (409, "The respondent has not performed", ("outstanding",)),
    "not-a-company": (409, "The respondent is not a company", ()),
    "already-referred": (409, "The case is referred for bankruptcy review already", ()),
    "not-proposed": (409, "The case is not proposed for bankruptcy review", ()),
    "not-transferred": (409, "The case is not waiting for a bankruptcy ruling", ()),
    "relief-pending": (409, "An application for relief is open", ("relief_id",)),
    "above-relief-cap": (422, "More than the relief fund grants", ("cap_yuan",)),
    "enforcement-suspended": (409, "Enforcement is suspended for bankruptcy review", ()),
    "not-a-court-below": (403, "The court is not below yours", ("court_id",)),
    "deadline-passed": (422, "The deadline is not in the future", ()),
    "case-of-another-court": (422, "The case is another court's", ("case_id",)),
    "not-the-addressed-court": (403, "Only the court addressed replies", ()),
    "not-the-issuing-court": (403, "Only the court that issued it decides", ()),
    "not-awaiting-reply": (409, "The order waits for no reply", ("state",)),
    "not-replied": (409, "The order has no reply to decide", ("state",)),
    "not-a-court-above": (403, "Findings are for the courts above the court found", ("court_id",)),
    "already-found": (409, "This situation is found on the case already", ("situation",)),
    "out-of-order": (409, "Not the disposal's next step", ("state",)),
    "reserve-too-low": (422, "Below the least reserve the rules allow", ("reserve",)),
    "below-reserve": (422, "Sold for less than the reserve", ("reserve",)),
    "not-at-reserve": (422, "Taken in payment at other than the failed auction's reserve", ("reserve",)),
    "relief-not-applied": (409, "The relief is not waiting for a decision", ()),
    "relief-not-approved": (409, "Only approved relief is paid", ()),
    "internal-error": (500, "The backend failed on this request", ()),
}


class Problem(Exception):
    def __init__(
        self, status: int, kind: str, detail: str = "", headers: dict[str, str] | None = None, **extra
    ) -> None:
        super().__init__(detail or kind)
        self.status, self.kind, self.detail, self.headers, self.extra = status, kind, detail, headers or {}, extra


def problem_body(status: int, kind: str, detail: str = "", **extra) -> dict:
    body = {
        "type": PROBLEM_BASE + kind,
        "title": PROBLEM_TYPES[kind][1] if kind in PROBLEM_TYPES else kind,
        "status": status,
    }
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
