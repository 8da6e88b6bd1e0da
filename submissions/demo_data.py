"""Realistic, deterministic figures for a submission — used by seed_demo, tests and benchmarks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from submissions.enums import AmenityKind, BaseKind, BaseLevel
from submissions.models import (
    Activity,
    Amenity,
    InnovationCarrier,
    InvestmentChannel,
    QualityEnterprise,
    ServiceCenter,
    Submission,
    SubSector,
)
from submissions.validators import credit_code_check_char

# Figures per profile that meet the profile's bars with a margin (万元, 人, 家, %).
PROFILE_FIGURES = {
    (BaseKind.COMPREHENSIVE, BaseLevel.DEMONSTRATION): (1_250_000, 5_600, 28, 25, 90_000),
    (BaseKind.COMPREHENSIVE, BaseLevel.CULTIVATION): (420_000, 2_100, 14, 22, 85_000),
    (BaseKind.SPECIALTY, BaseLevel.DEMONSTRATION): (150_000, 720, 12, 7, 26_000),
    (BaseKind.SPECIALTY, BaseLevel.CULTIVATION): (38_000, 210, 6, 5.5, 21_000),
}
SECTORS = {
    BaseKind.COMPREHENSIVE: ["软件", "人工智能", "云计算", "大数据"],
    BaseKind.SPECIALTY: ["数字内容", "网络文化"],
}
QUALITATIVE_TEXT = {
    "policies": "设有政策服务专员，汇总国家、本市及区级涉企政策，全年开展政策解读与申报辅导。",
    "investment_department": "设立招商中心，配备专职招商人员 8 名，负责企业引进与落地服务。",
    "operations_management": "制定园区运营管理办法、安全管理制度和企业服务规范，定期评估执行情况。",
    "smart_infrastructure": "园区千兆光纤与 5G 全覆盖，配置智能门禁、智慧停车位与边缘算力节点。",
    "smart_platform": "建成智慧园区综合管理平台，涵盖安全管理、智慧运维、视频安防和集成管理。",
    "green_measures": "实施屋顶光伏与能耗在线监测，使用环保建材，单位面积能耗同比下降 6%。",
}


def enterprise_code(seed: int) -> str:
    first17 = f"91310115{seed:09d}"
    return first17 + credit_code_check_char(first17)


def fill_submission(
    submission: Submission,
    *,
    enterprises: int | None = None,
    activities: int = 12,
    channels: int = 6,
    occupancy: Decimal = Decimal("86.5"),
) -> Submission:
    """Fill every field and list of a draft with figures that meet its profile's bars."""
    base = submission.base
    revenue, employees, quality, land, office = PROFILE_FIGURES[(base.kind, base.level)]
    revenue = Decimal(revenue)
    year = submission.campaign.year
    submission.revenue_total = revenue
    submission.revenue_main_industry = (revenue * Decimal("0.78")).quantize(Decimal("0.01"))
    submission.revenue_software = (revenue * Decimal("0.72")).quantize(Decimal("0.01"))
    submission.revenue_software_prev = (revenue * Decimal("0.60")).quantize(Decimal("0.01"))
    submission.enterprises_total = 520
    submission.enterprises_with_ip = 286
    submission.enterprises_total_prev = 500
    submission.enterprises_with_ip_prev = 250
    submission.employees_software = employees
    submission.land_area_ha = Decimal(str(land))
    submission.office_area_m2 = Decimal(office)
    submission.industrial_land_ratio = Decimal("64.5")
    submission.public_space_ratio = Decimal("18.2")
    submission.road_density = Decimal("9.4") if base.kind == BaseKind.COMPREHENSIVE else None
    submission.occupancy_rate = occupancy
    for name, text in QUALITATIVE_TEXT.items():
        setattr(submission, name, True)
        setattr(submission, f"{name}_desc", text)
    submission.save()

    for relation in ("sub_sectors", "quality_enterprises", "amenities", "innovation_carriers",
                     "investment_channels", "service_centers", "activities"):  # fmt: skip
        getattr(submission, relation).all().delete()
    SubSector.objects.bulk_create(
        SubSector(submission=submission, name=name, position=i)
        for i, name in enumerate(SECTORS[base.kind])
    )
    count = quality + 2 if enterprises is None else enterprises
    QualityEnterprise.objects.bulk_create(
        QualityEnterprise(
            submission=submission, position=i, name=f"{base.name[:4]}优质企业{i + 1:02d}有限公司",
            credit_code=enterprise_code(base.pk * 1000 + i), revenue=Decimal(2500 + 150 * i),
            revenue_over_20m=True, listed=(i % 7 == 0), new_financing=(i % 5 == 0),
            revenue_over_100m=(i % 4 == 0),
        )
        for i in range(count)
    )  # fmt: skip
    Amenity.objects.bulk_create(
        Amenity(submission=submission, kind=kind, position=i)
        for i, kind in enumerate(
            [AmenityKind.CATERING, AmenityKind.PARKING, AmenityKind.SUPERMARKET]
        )
    )
    InnovationCarrier.objects.bulk_create([
        InnovationCarrier(submission=submission, position=0, name="园区孵化器", type="孵化器"),
        InnovationCarrier(submission=submission, position=1, name="市级企业技术中心", type="技术研发中心"),
    ])  # fmt: skip
    InvestmentChannel.objects.bulk_create(
        InvestmentChannel(submission=submission, position=i, name=f"招商渠道{i + 1}",
                          description="线上招商平台与专业机构合作")
        for i in range(max(channels, 5 if base.kind == BaseKind.COMPREHENSIVE else 3))
    )  # fmt: skip
    ServiceCenter.objects.bulk_create([
        ServiceCenter(submission=submission, position=0, name="知识产权服务中心", type="知识产权服务中心"),
        ServiceCenter(submission=submission, position=1, name="人才综合服务中心", type="人才综合服务中心"),
    ])  # fmt: skip
    forms = ["产业论坛", "资本对接", "创业辅导", "技术交流", "政策宣讲"]
    Activity.objects.bulk_create(
        Activity(submission=submission, position=i, title=f"{forms[i % 5]}活动第{i + 1}期",
                 date=dt.date(year, 1 + i % 12, 10 + i % 15), form=forms[i % 5])
        for i in range(activities)
    )  # fmt: skip
    return submission
