"""Random and hostile values posted to every form: never a 500, always a message, nothing half-saved.

Hypothesis draws values (huge and negative numbers, unicode, control characters, very long text,
wrong types, missing fields) and posts them in place of what the page offers.
"""

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from submissions.models import Submission
from tests.htmlforms import form_fields

pytestmark = pytest.mark.django_db

SECTIONS = ["basic", "industry", "development", "enterprise", "service", "green"]
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Cc", "Co", "Zs"]), max_size=10),
    st.sampled_from(["-1", "1e309", "NaN", "Infinity", "12.345", "9" * 40, "１２３", "0x10",
                     "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "a" * 5000, "",
                     "2024-02-30", "true", "[]", "{}", "１．５"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)  # fmt: skip
RUNS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def state_of(submission):
    submission.refresh_from_db()
    data = model_to_dict(submission, exclude=["updated_at", "lock_version", "section_state"])
    lists = {rel: list(getattr(submission, rel).values()) for rel in (
        "sub_sectors", "quality_enterprises", "amenities", "innovation_carriers",
        "investment_channels", "service_centers", "activities")}  # fmt: skip
    return data, lists


@pytest.fixture
def operator_client(world):
    client = Client()
    client.force_login(world["users"]["operator_a"])
    return client


@pytest.mark.parametrize("section", SECTIONS)
def test_section_forms_survive_hostile_values(world, operator_client, section):
    submission = world["submission"]
    url = reverse("section", kwargs={"section": section})
    first = form_fields(operator_client.get(url).content.decode())
    # Names are fixed before Hypothesis draws (a saved example may change the rows on the page).
    names = sorted({n for n, _ in first if n not in ("lock_version", "csrfmiddlewaretoken")})

    @RUNS
    @given(data=st.data())
    def post_hostile(data):
        page = operator_client.get(url)
        fields = [f for f in form_fields(page.content.decode()) if f[0] != "csrfmiddlewaretoken"]
        chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=6, unique=True))
        drop = data.draw(st.lists(st.sampled_from(names), max_size=3, unique=True))
        posted = {name: value for name, value in fields if name not in drop}
        for name in chosen:
            posted[name] = data.draw(HOSTILE)
        posted["action"] = "save"
        before = state_of(Submission.objects.get(pk=submission.pk))
        response = operator_client.post(url, posted)
        assert response.status_code < 500
        if response.status_code == 200:
            html = response.content.decode()
            assert "invalid-feedback" in html or "alert" in html, "refused without a message"
            if "is-invalid" in html:
                assert state_of(Submission.objects.get(pk=submission.pk)) == before

    post_hostile()


@RUNS
@given(text=HOSTILE, date=HOSTILE)
def test_review_forms_survive_hostile_values(world, text, date):
    from tests.security.conftest import submit_a

    if "version" not in world:
        submit_a(world)
    client = Client()
    client.force_login(world["users"]["reviewer"])
    pk = world["submission"].pk
    for name, payload in [
        ("review_comment", {"indicator": text, "text": text}),
        ("review_decision", {"indicator": text, "confirmed": text}),
        ("review_paper", {"received_on": date}),
        ("grant_extension", {"until": date, "reason": text}),
    ]:
        target = world["base_a"].pk if name == "grant_extension" else pk
        response = client.post(reverse(name, args=[target]), payload)
        assert response.status_code < 500, name


@RUNS
@given(username=HOSTILE, password=HOSTILE)
def test_login_survives_hostile_values(db, username, password):
    response = Client().post(reverse("login"), {"username": username, "password": password})
    assert response.status_code in (200, 429)
