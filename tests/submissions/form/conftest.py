import pytest

from submissions.demo_data import fill_submission
from submissions.services.submit import submission_get_or_create


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def draft(base_a, campaign):
    return submission_get_or_create(base=base_a, campaign=campaign)


@pytest.fixture
def filled(draft):
    return fill_submission(draft)


@pytest.fixture
def op_client(client, operator_a):
    client.force_login(operator_a)
    return client
