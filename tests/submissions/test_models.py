import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from submissions.models import Base, SubPark
from submissions.validators import is_valid_credit_code, validate_credit_code
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "91310101MA1K00010T", factories.make_credit_code(42)],
    ids=["gb-standard-example", "demo-code", "factory-code"],
)
def test_valid_credit_codes_pass(code):
    """Codes with the right GB 32100-2015 check character are accepted, in either case."""
    assert is_valid_credit_code(code)
    assert is_valid_credit_code(code.lower())
    validate_credit_code(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91350100M000100Y44", "校验位"),
        ("91350100M000100Y4", "18"),
        ("91350100M000100YI3", "I"),
        ("", "18"),
    ],
    ids=["wrong-check-digit", "too-short", "forbidden-letter", "empty"],
)
def test_invalid_credit_codes_give_a_chinese_message(code, message):
    """A wrong code is refused with a Chinese message that says what is wrong."""
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code(code)
    text = " ".join(excinfo.value.messages)
    assert message in text
    assert "统一社会信用代码" in text


def test_base_form_shows_credit_code_error_next_to_field():
    """full_clean names the field, so forms and the admin put the message beside it."""
    base = factories.BaseFactory.build(company_credit_code="91350100M000100Y44")
    with pytest.raises(ValidationError) as excinfo:
        base.full_clean()
    assert "company_credit_code" in excinfo.value.message_dict


def test_database_refuses_unknown_kind():
    """Choices are backed by check constraints, not only by forms."""
    base = factories.BaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Base.objects.filter(pk=base.pk).update(kind="mega")


def test_base_codes_are_unique():
    factories.BaseFactory(code="XX-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.BaseFactory(code="XX-01")


def test_a_fourth_sub_park_is_refused():
    """正文（二）: at most three sub-parks per base — by validation and by the database."""
    base = factories.BaseFactory()
    for position in (1, 2, 3):
        factories.SubParkFactory(base=base, position=position)
    fourth = SubPark(base=base, position=4, name="第四分园")
    with pytest.raises(ValidationError) as excinfo:
        fourth.full_clean()
    assert "3" in " ".join(excinfo.value.messages)
    with pytest.raises(IntegrityError), transaction.atomic():
        fourth.save()


def test_campaign_deadline_before_opening_is_refused():
    campaign = factories.CampaignFactory.build(
        criteria_set=factories.CriteriaSetFactory(),
        opens_at=dt.datetime(2025, 2, 1, tzinfo=factories.SHANGHAI),
        deadline=dt.datetime(2025, 1, 27, tzinfo=factories.SHANGHAI),
    )
    with pytest.raises(ValidationError) as excinfo:
        campaign.full_clean()
    assert "截止" in " ".join(excinfo.value.message_dict["deadline"])
    with pytest.raises(IntegrityError), transaction.atomic():
        campaign.save()
