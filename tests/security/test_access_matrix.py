"""The access matrix: every URL the resolver knows × six roles × the submission states that matter.

The table below states the expected answer of each. A URL missing from it fails the test, so a new
view cannot ship unclassified. Codes are listed for the roles in ROLES order; "3" stands for a
redirect (302: to the login page for anonymous visitors, elsewhere after a handled POST).
Invariants checked beside the table: anonymous never gets a 200 on a private page, and base B's
operator never gets anything but 404 on a URL that names base A's objects.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.conftest import submit_a
from tests.security.urlwalk import walk

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "operator_a", "operator_b", "reviewer", "viewer", "admin"]
STATES = ["draft", "submitted"]

# Public pages (no login): the log-in and password-reset flow, and the language switch.
PUBLIC = {"login", "password_reset", "password_reset_done", "password_reset_complete",
          "password_reset_confirm", "set_language"}  # fmt: skip
# Routes whose arguments name base A's objects.
A_OBJECTS = {"receipt", "evidence_download", "evidence_delete", "version_pdf", "draft_pdf",
             "scan_upload", "scan_download", "paper_received", "review_detail", "review_return",
             "review_accept", "review_comment", "review_decision", "review_evidence",
             "review_paper", "review_version_diff", "grant_extension"}  # fmt: skip
# Routes that need no table row: the reset-confirm link needs a token made for one user.
NOT_WALKED = {"password_reset_confirm"}

#                       GET:  anon  op_a  op_b  rev   view  admin | POST (empty form, CSRF ok)
EXPECTED = {
    "login":                   ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "logout":                  ("302 405 405 405 405 405", "302 302 302 302 302 302"),
    "password_change":         ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "password_change_done":    ("302 200 200 200 200 200", "302 405 405 405 405 405"),
    "password_reset":          ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "password_reset_done":     ("200 200 200 200 200 200", None),
    "password_reset_complete": ("200 200 200 200 200 200", None),
    "set_language":            ("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "home":                    ("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "session_keepalive":       ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "operator_home":           ("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "dashboard":               ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "task_list":               ("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "section":                 ("302 200 200 403 403 403", None),
    "section_autosave":        ("405 405 405 405 405 405", None),
    "preview":                 ("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "check_answers":           ("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "submit":                  ("302 405 405 405 405 405", "302 400 400 403 403 403"),
    "receipt":                 ("302 200 404 403 403 403", None),
    "evidence":                ("302 200 200 403 403 403", "302 400 400 403 403 403"),
    "evidence_upload":         ("302 200 200 403 403 403", "302 400 400 403 403 403"),
    "evidence_download":       ("302 200 404 403 403 403", None),
    "evidence_delete":         ("302 405 405 405 405 405", "302 302 404 403 403 403"),
    "draft_export":            ("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "draft_import":            ("302 200 200 403 403 403", None),
    "version_pdf":             ("302 200 404 200 200 200", "302 405 405 405 405 405"),
    "draft_pdf":               ("302 200 404 200 200 200", "302 405 405 405 405 405"),
    "verify":                  ("302 200 200 200 200 200", "302 405 405 405 405 405"),
    "scan_upload":             ("302 200 404 200 200 200", "302 400 404 403 403 403"),
    "scan_download":           ("302 200 404 200 200 200", "302 405 405 405 405 405"),
    "paper_received":          ("302 405 405 405 405 405", "302 403 404 302 403 302"),
    "campaign_pdfs_zip":       ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "review_list":             ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "review_detail":           ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "review_return":           ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "review_accept":           ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "review_comment":          ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "review_decision":         ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "review_evidence":         ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "review_paper":            ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "review_version_diff":     ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "grant_extension":         ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "send_reminders":          ("302 405 405 405 405 405", "302 404 404 302 403 302"),
    "export_xlsx":             ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "export_csv":              ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "results":                 ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "statistics":              ("302 404 404 200 200 200", "302 405 405 405 405 405"),
    "admin_history":           ("302 404 404 200 200 200", "302 405 405 405 405 405"),
}  # fmt: skip
# Where the submitted state changes an answer: (route, method) → codes in that state.
STATE_EXCEPTIONS = {
    ("submitted", "section", "POST"): "302 302 200 403 403 403",
    ("submitted", "section_autosave", "POST"): "401 400 409 403 403 403",
    ("draft", "section_autosave", "POST"): "401 409 409 403 403 403",
    ("draft", "section", "POST"): "302 200 200 403 403 403",
    ("submitted", "draft_import", "POST"): "302 302 400 403 403 403",
    ("draft", "draft_import", "POST"): "302 400 400 403 403 403",
}  # fmt: skip


def route_kwargs(route, world):
    """Arguments naming base A's objects; None when the object does not exist in this state."""
    kwargs = {}
    for param in route.params:
        if param == "section":
            kwargs[param] = "industry"
        elif param == "version_id":
            if "version" not in world:
                return None
            kwargs[param] = world["version"].pk
        elif param == "scan_id":
            if "scan" not in world:
                return None
            kwargs[param] = world["scan"].pk
        elif param in ("evidence_pk",) or (param == "pk" and route.name.startswith("evidence")):
            kwargs[param] = world["evidence"].pk
        elif param == "pk" and route.name == "grant_extension":
            kwargs[param] = world["base_a"].pk
        elif param in ("pk", "submission_id"):
            kwargs[param] = world["submission"].pk
        elif param == "year":
            kwargs[param] = world["campaign"].year
        else:
            raise AssertionError(f"no argument for {param} of {route.full_name}")
    return kwargs


def routes():
    return [r for r in walk() if r.full_name not in NOT_WALKED]


def test_every_url_is_classified():
    """A new view must be added to the table before it can ship."""
    names = {r.full_name for r in routes()}
    assert names - set(EXPECTED) == set(), "unclassified URLs"
    assert set(EXPECTED) - names == set(), "table rows for URLs that no longer exist"


def expected_codes(state, name, method):
    override = STATE_EXCEPTIONS.get((state, name, method))
    if override:
        return override.split()
    get, post = EXPECTED[name]
    row = get if method == "GET" else post
    return row.split() if row else None


@pytest.mark.parametrize("state", STATES)
def test_access_matrix(world, state):
    if state == "submitted":
        submit_a(world)
    mismatches, checked = [], 0
    for route in routes():
        kwargs = route_kwargs(route, world)
        if kwargs is None:
            continue
        url = reverse(route.full_name, kwargs=kwargs)
        for method in ("GET", "POST"):
            expected = expected_codes(state, route.full_name, method)
            if expected is None:
                continue
            for role, want in zip(ROLES, expected, strict=True):
                client = Client()  # a fresh session: an earlier row may have logged out
                if role != "anonymous":
                    client.force_login(world["users"][role])
                with transaction.atomic():  # each request leaves the world as it was
                    response = client.get(url) if method == "GET" else client.post(url, {})
                    transaction.set_rollback(True)
                got = str(response.status_code)
                checked += 1
                if got != want:
                    mismatches.append(
                        f"{state} {method} {route.full_name} as {role}: {got} != {want}"
                    )
                if role == "anonymous" and route.full_name not in PUBLIC:
                    assert got != "200" or route.full_name == "login", url
                if role == "anonymous" and got == "302" and route.full_name not in PUBLIC:
                    assert response["Location"].startswith(reverse("login"))
                if role == "operator_b" and route.full_name in A_OBJECTS:
                    assert got in ("404", "405"), f"{url}: base B's operator got {got}"
    assert not mismatches, "\n".join(mismatches)
    assert checked > 400


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_post_without_csrf_token_is_refused(world, role):
    """Every URL, posted without a CSRF token by a signed-in person, answers 403."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"][role])
    for route in routes():
        kwargs = route_kwargs(route, world)
        if kwargs is None:
            continue
        response = client.post(reverse(route.full_name, kwargs=kwargs), {})
        assert response.status_code == 403, route.full_name
