"""The deadline rush: operators saving sections and submitting while reviewers browse.

Started by scripts/loadtest.sh (make loadtest) against gunicorn + PostgreSQL on 127.0.0.1.
Forms are read from the page and posted back as a browser would, so the test follows the real
field names, the CSRF token and the optimistic-locking version.
"""

import itertools
import os
import random
import sys
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.htmlforms import form_fields  # noqa: E402

OPERATOR_IDS = itertools.count()
# Think time between two actions of one person (seconds). A person filling in a section takes far
# longer than this; LOAD_WAIT="1,3" turns the run into a stress test of the 2-core machine.
WAIT_MIN, WAIT_MAX = (float(x) for x in os.environ.get("LOAD_WAIT", "5,15").split(","))
SECTIONS = ["industry", "development", "enterprise", "service", "green"]
STATS = {"submitted": 0, "conflicts": 0}


class Operator(HttpUser):
    weight = 10
    wait_time = between(WAIT_MIN, WAIT_MAX)

    def on_start(self):
        self.username = f"load{next(OPERATOR_IDS) % 50:03d}"
        page = self.client.get("/accounts/login/")
        fields = dict(form_fields(page.text))
        fields.update(username=self.username, password="load-test-password")
        self.client.post("/accounts/login/", data=fields, name="login")
        self.saves = 0

    @task(8)
    def save_section(self):
        section = random.choice(SECTIONS)  # noqa: S311
        url = f"/form/section/{section}/"
        page = self.client.get(url, name="GET /form/section/[s]/")
        if page.status_code != 200 or "lock_version" not in page.text:
            return
        fields = form_fields(page.text)
        fields.append(("action", "save"))
        with self.client.post(url, data=fields, name="POST /form/section/[s]/",
                              catch_response=True) as response:  # fmt: skip
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif (
                "已保存" not in response.text
                and response.status_code == 200
                and "有误" in response.text
            ):
                response.failure("validation error on a valid form")
        self.saves += 1

    @task(1)
    def submit(self):
        if self.saves < 3:
            return
        page = self.client.get("/form/check/", name="GET /form/check/")
        if "declaration" not in page.text:
            return
        fields = dict(form_fields(page.text))
        fields["declaration"] = "on"
        response = self.client.post("/form/submit/", data=fields, name="POST /form/submit/")
        if "/form/receipt/" in response.url:
            STATS["submitted"] += 1


class Reviewer(HttpUser):
    weight = 1
    wait_time = between(WAIT_MIN / 2, WAIT_MAX / 2)

    def on_start(self):
        page = self.client.get("/accounts/login/")
        fields = dict(form_fields(page.text))
        fields.update(username=random.choice(["reviewer1", "reviewer2"]),  # noqa: S311
                      password="demo-reviewer-2024")  # fmt: skip
        self.client.post("/accounts/login/", data=fields, name="login")

    @task(3)
    def dashboard(self):
        self.client.get("/association/", name="GET /association/")

    @task(3)
    def list_page(self):
        self.client.get("/association/submissions/?status=submitted", name="GET list")

    @task(2)
    def detail(self):
        page = self.client.get("/association/submissions/", name="GET list")
        ids = [chunk.split("/")[0] for chunk in page.text.split("/association/submissions/")[1:]]
        ids = [i for i in ids if i.isdigit()]
        if ids:
            self.client.get(f"/association/submissions/{random.choice(ids)}/",  # noqa: S311
                            name="GET /association/submissions/[id]/")  # fmt: skip


@events.quitting.add_listener
def _summary(environment, **kwargs):
    print(f"submitted through the UI during the run: {STATS['submitted']}")
