"""factory_boy factories shared by the whole suite."""

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from evaluation.models import CriteriaSet
from evaluation.services import CRITERIA_DIR
from submissions.enums import BaseKind, BaseLevel, CampaignStatus, District
from submissions.models import Base, Campaign, Membership, SubPark
from submissions.rules import ADMINISTRATOR_GROUP, REVIEWER_GROUP, VIEWER_GROUP
from submissions.validators import credit_code_check_char

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "correct-horse-battery-9"


def make_credit_code(n: int) -> str:
    first17 = f"913101{n:011d}"
    return first17 + credit_code_check_char(first17)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


class CriteriaSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriteriaSet
        django_get_or_create = ("version",)

    version = "2024.1"
    year = 2024
    title = "2024年度评估条件"
    definition = factory.LazyFunction(
        lambda: json.loads((CRITERIA_DIR / "2024.json").read_text(encoding="utf-8"))
    )


class BaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Base

    name = factory.Sequence(lambda n: f"测试基地{n}")
    code = factory.Sequence(lambda n: f"TB-{n:02d}")
    kind = BaseKind.COMPREHENSIVE
    level = BaseLevel.DEMONSTRATION
    batch = 2021
    district = District.PUDONG
    company_name = factory.Sequence(lambda n: f"测试园区运营有限公司{n}")
    company_credit_code = factory.Sequence(make_credit_code)
    contact_email = factory.Sequence(lambda n: f"base{n}@example.org")


class SubParkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubPark

    base = factory.SubFactory(BaseFactory)
    position = 1
    name = factory.Sequence(lambda n: f"分园{n}")


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ("year",)

    year = 2024
    title = "2024年度上海市软件和信息服务产业基地评估"
    document_number = "沪经信软〔2025〕11号"
    opens_at = dt.datetime(2025, 1, 6, 9, tzinfo=SHANGHAI)
    deadline = dt.datetime(2099, 1, 27, 23, 59, 59, tzinfo=SHANGHAI)
    shanghai_growth_avg = Decimal("10.00")
    status = CampaignStatus.OPEN
    criteria_set = factory.SubFactory(CriteriaSetFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    base = factory.SubFactory(BaseFactory)


def operator_of(base, username=None):
    kwargs = {"username": username} if username else {}
    return MembershipFactory(base=base, user=UserFactory(**kwargs)).user


def reviewer(username="reviewer"):
    return UserFactory(username=username, groups=[REVIEWER_GROUP])


def viewer(username="viewer"):
    return UserFactory(username=username, groups=[VIEWER_GROUP])


def administrator(username="admin"):
    return UserFactory(
        username=username, groups=[ADMINISTRATOR_GROUP], is_staff=True, is_superuser=True
    )
