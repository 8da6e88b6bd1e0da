"""Fictional demo data: the 2024 campaign, twelve bases, and one account per role.

Idempotent: objects are looked up by their natural keys and passwords are set only on creation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from evaluation.services import CRITERIA_DIR, criteria_set_import
from submissions.enums import BaseKind, BaseLevel, CampaignStatus, District
from submissions.models import Base, Campaign, Membership, SubPark
from submissions.rules import ADMINISTRATOR_GROUP, REVIEWER_GROUP, VIEWER_GROUP
from submissions.validators import credit_code_check_char

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Demo-only passwords, printed by seed_demo and listed in the README. Never used in production.
OPERATOR_PASSWORD = "demo-operator-2024"
REVIEWER_PASSWORD = "demo-reviewer-2024"
VIEWER_PASSWORD = "demo-viewer-2024"
ADMIN_PASSWORD = "demo-admin-2024"

C, S = BaseKind.COMPREHENSIVE, BaseKind.SPECIALTY
D, K = BaseLevel.DEMONSTRATION, BaseLevel.CULTIVATION

# code, name, kind, level, batch, district, company
DEMO_BASES = [
    ("PD-01", "浦江数智软件产业基地", C, D, 2021, District.PUDONG, "上海浦江数智园区发展有限公司"),
    ("XH-01", "漕溪信息服务产业基地", C, D, 2022, District.XUHUI, "上海漕溪信息园区管理有限公司"),
    ("MH-01", "紫竹湾软件创新基地", C, K, 2021, District.MINHANG, "上海紫竹湾科技发展有限公司"),
    ("JD-01", "嘉北工业软件产业基地", C, K, 2023, District.JIADING, "上海嘉北产业园区运营有限公司"),
    ("YP-01", "五角场数字内容基地", S, D, 2021, District.YANGPU, "上海五角场数字科技有限公司"),
    ("JA-01", "苏河湾金融信息服务基地", S, D, 2022, District.JINGAN, "上海苏河湾园区管理有限公司"),
    ("CN-01", "虹桥智慧出行软件基地", S, D, 2023, District.CHANGNING, "上海虹桥智行科技园有限公司"),
    ("SJ-01", "九科绿洲云计算基地", S, K, 2021, District.SONGJIANG, "上海九科绿洲园区发展有限公司"),
    ("BS-01", "吴淞口工业互联网基地", S, K, 2022, District.BAOSHAN, "上海吴淞口智造园区有限公司"),
    ("QP-01", "青西区块链应用基地", S, K, 2023, District.QINGPU, "上海青西链谷科技有限公司"),
    ("HK-01", "北外滩网络文化基地", S, K, 2022, District.HONGKOU, "上海北外滩文创园区有限公司"),
    ("PT-01", "桃浦人工智能软件基地", C, K, 2022, District.PUTUO, "上海桃浦智创城发展有限公司"),
]


def demo_credit_code(index: int) -> str:
    first17 = f"91310{index + 100:03d}MA1K{index:04d}X"[:17]
    first17 = first17.replace("X", "0")
    return first17 + credit_code_check_char(first17)


@dataclass
class DemoSummary:
    created: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)


def _user(username: str, password: str, *, email: str, name: str, summary: DemoSummary, **extra):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"email": email, "first_name": name, **extra}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        summary.created.append(f"user {username}")
    return user


@transaction.atomic
def seed_demo() -> DemoSummary:
    """Create (once) the demo campaign, bases and accounts; return what was created."""
    summary = DemoSummary()
    criteria_set = criteria_set_import(path=CRITERIA_DIR / "2024.json")
    campaign, created = Campaign.objects.get_or_create(
        year=2024,
        defaults={
            "title": "2024年度上海市软件和信息服务产业基地评估",
            "document_number": "沪经信软〔2025〕11号",
            "opens_at": dt.datetime(2025, 1, 6, 9, 0, tzinfo=SHANGHAI),
            "deadline": dt.datetime(2025, 1, 27, 23, 59, 59, tzinfo=SHANGHAI),
            "shanghai_growth_avg": Decimal("10.00"),
            "growth_avg_is_provisional": True,
            "status": CampaignStatus.OPEN,
            "criteria_set": criteria_set,
        },
    )
    if created:
        summary.created.append("campaign 2024")

    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (REVIEWER_GROUP, VIEWER_GROUP, ADMINISTRATOR_GROUP)
    }

    for index, (code, name, kind, level, batch, district, company) in enumerate(DEMO_BASES):
        base, created = Base.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "level": level,
                "batch": batch,
                "district": district,
                "company_name": company,
                "company_credit_code": demo_credit_code(index),
                "address": f"上海市{District(district).label}示例路{index + 1}号",
                "contact_name": "联系人" + "甲乙丙丁戊己庚辛壬癸子丑"[index],
                "contact_phone": f"021-6{index:03d}8888",
                "contact_email": f"{code.lower()}@example.org",
            },
        )
        if created:
            summary.created.append(f"base {code}")
            SubPark.objects.create(base=base, position=1, name=f"{name}（主园）")
            if index % 3 == 0:
                SubPark.objects.create(base=base, position=2, name=f"{name}（二期）")
        username = f"op-{code.lower()}"
        user = _user(
            username,
            OPERATOR_PASSWORD,
            email=f"{username}@example.org",
            name=f"{name}填报员",
            summary=summary,
        )
        Membership.objects.get_or_create(user=user, defaults={"base": base})
        summary.accounts.append((username, OPERATOR_PASSWORD, f"operator · {name}"))

    for i in (1, 2):
        user = _user(
            f"reviewer{i}",
            REVIEWER_PASSWORD,
            email=f"reviewer{i}@example.org",
            name=f"促进会审核员{i}",
            summary=summary,
        )
        user.groups.add(groups[REVIEWER_GROUP])
        summary.accounts.append((f"reviewer{i}", REVIEWER_PASSWORD, "reviewer · 促进会"))
    user = _user(
        "viewer", VIEWER_PASSWORD, email="viewer@example.org", name="经信委查阅", summary=summary
    )
    user.groups.add(groups[VIEWER_GROUP])
    summary.accounts.append(("viewer", VIEWER_PASSWORD, "viewer · 经信委"))
    _user(
        "admin",
        ADMIN_PASSWORD,
        email="admin@example.org",
        name="系统管理员",
        summary=summary,
        is_staff=True,
        is_superuser=True,
    )
    summary.accounts.append(("admin", ADMIN_PASSWORD, "administrator"))
    # Imported here: both modules build on the objects created above (and import this module).
    from submissions.demo_reviews import seed_demo_reviews
    from submissions.demo_submissions import seed_demo_submissions

    summary.created += seed_demo_submissions()
    summary.created += seed_demo_reviews()
    return summary
