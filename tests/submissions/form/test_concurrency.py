"""Twenty simultaneous submits of the same draft: one version, one receipt, no error."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from submissions.demo_data import fill_submission
from submissions.models import SubmissionEvent, SubmissionVersion
from submissions.services.submit import submission_get_or_create
from tests import factories

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_threads_submit_the_same_draft_once():
    """Every request lands on the same receipt; exactly one version and one event exist."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    campaign = factories.CampaignFactory()
    base = factories.BaseFactory(name="并发基地", code="CC-01")
    user = factories.operator_of(base, "op-race")
    draft = fill_submission(submission_get_or_create(base=base, campaign=campaign))
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(user)
        clients.append(client)
    barrier = threading.Barrier(THREADS)
    results: list = [None] * THREADS

    def worker(index):
        try:
            barrier.wait()
            response = clients[index].post(reverse("submit"), {"declaration": "on"})
            results[index] = (response.status_code, response.get("Location"))
        except Exception as exc:  # noqa: BLE001 - reported below
            results[index] = ("error", repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r[0] == 302 for r in results), results
    assert len({r[1] for r in results}) == 1
    assert SubmissionVersion.objects.filter(submission=draft).count() == 1
    assert SubmissionEvent.objects.filter(submission=draft, to_status="submitted").count() == 1
