import pytest

from tests import factories


@pytest.fixture
def campaign(db):
    return factories.CampaignFactory()


@pytest.fixture
def base_a(db):
    return factories.BaseFactory(name="甲基地", code="AA-01")


@pytest.fixture
def base_b(db):
    return factories.BaseFactory(name="乙基地", code="BB-01")


@pytest.fixture
def operator_a(base_a):
    return factories.operator_of(base_a, "op-a")


@pytest.fixture
def operator_b(base_b):
    return factories.operator_of(base_b, "op-b")


@pytest.fixture
def reviewer_user(db):
    return factories.reviewer()


@pytest.fixture
def viewer_user(db):
    return factories.viewer()


@pytest.fixture
def admin_user(db):
    return factories.administrator()
