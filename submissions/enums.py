"""Choices of the submissions domain: base profiles, districts, campaign states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("Comprehensive base")
    SPECIALTY = "specialty", _("Specialty base")


class BaseLevel(models.TextChoices):
    DEMONSTRATION = "demonstration", _("Demonstration")
    CULTIVATION = "cultivation", _("Cultivation")


class Batch(models.IntegerChoices):
    B2021 = 2021, _("2021 batch")
    B2022 = 2022, _("2022 batch")
    B2023 = 2023, _("2023 batch")


class District(models.TextChoices):
    """The 16 districts of Shanghai."""

    HUANGPU = "huangpu", _("Huangpu District")
    XUHUI = "xuhui", _("Xuhui District")
    CHANGNING = "changning", _("Changning District")
    JINGAN = "jingan", _("Jing'an District")
    PUTUO = "putuo", _("Putuo District")
    HONGKOU = "hongkou", _("Hongkou District")
    YANGPU = "yangpu", _("Yangpu District")
    MINHANG = "minhang", _("Minhang District")
    BAOSHAN = "baoshan", _("Baoshan District")
    JIADING = "jiading", _("Jiading District")
    PUDONG = "pudong", _("Pudong New Area")
    JINSHAN = "jinshan", _("Jinshan District")
    SONGJIANG = "songjiang", _("Songjiang District")
    QINGPU = "qingpu", _("Qingpu District")
    FENGXIAN = "fengxian", _("Fengxian District")
    CHONGMING = "chongming", _("Chongming District")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Role(models.TextChoices):
    """What a signed-in person may do; derived from groups and memberships (see rules.py)."""

    OPERATOR = "operator", _("Base operator")
    REVIEWER = "reviewer", _("Association reviewer")
    VIEWER = "viewer", _("Commission viewer")
    ADMINISTRATOR = "administrator", _("Administrator")
    NONE = "none", _("No role")


def profile_code(kind: str, level: str) -> str:
    """The spec's short profile code: CD, CC, SD or SC."""
    return ("C" if kind == BaseKind.COMPREHENSIVE else "S") + (
        "D" if level == BaseLevel.DEMONSTRATION else "C"
    )


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    ACCEPTED = "accepted", _("Accepted")


class Section(models.TextChoices):
    """The sections of the form, in task-list order."""

    BASIC = "basic", _("Basic information")
    INDUSTRY = "industry", _("(1) Industry level")
    DEVELOPMENT = "development", _("(2) Development scale")
    ENTERPRISE = "enterprise", _("(3) Enterprise cultivation and attraction")
    SERVICE = "service", _("(4) Park services")
    GREEN = "green", _("(5) Green and smart")
    EVIDENCE = "evidence", _("Evidence")


class SectionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    PROBLEM = "problem", _("Has problems")


class SubSectorName(models.TextChoices):
    """The 业态 the notice names in section (1); 其他 takes a free name."""

    SOFTWARE = "软件", "软件"
    INTERNET_PLUS = "互联网+", "互联网+"
    METAVERSE = "元宇宙", "元宇宙"
    MOBILE_INTERNET = "移动互联网", "移动互联网"
    DIGITAL_CONTENT = "数字内容", "数字内容"
    DIGITAL_ENTERTAINMENT = "数字互动娱乐", "数字互动娱乐"
    ONLINE_CULTURE = "网络文化", "网络文化"
    DATA_SERVICES = "数据服务", "数据服务"
    AI = "人工智能", "人工智能"
    BIG_DATA = "大数据", "大数据"
    SMART_MANUFACTURING = "智能制造", "智能制造"
    FINANCIAL_INFO = "金融信息服务", "金融信息服务"
    TRADE_INFO = "贸易信息服务", "贸易信息服务"
    FINTECH = "科技金融", "科技金融"
    CLOUD = "云计算", "云计算"
    INDUSTRIAL_SOFTWARE = "工业软件", "工业软件"
    INDUSTRIAL_INTERNET = "工业互联网", "工业互联网"
    BLOCKCHAIN = "区块链", "区块链"
    IC_DESIGN = "集成电路设计", "集成电路设计"
    BASIC_SOFTWARE = "基础软件", "基础软件"
    INFOSEC = "信息安全", "信息安全"
    INFO_CONSUMPTION = "信息消费", "信息消费"
    ECOMMERCE = "电子商务", "电子商务"
    ONLINE_EDUCATION = "互联网教育", "互联网教育"
    IOT = "物联网", "物联网"
    FIVE_G = "5G", "5G"
    NEW_INFRA = "新基建", "新基建"
    OTHER = "其他", "其他"


class AmenityKind(models.TextChoices):
    CATERING = "餐饮", "餐饮"
    SHOPPING = "购物中心", "购物中心"
    TALENT_APARTMENT = "人才公寓", "人才公寓"
    SUPERMARKET = "超市", "超市"
    SPORTS = "体育健身场所", "体育健身场所"
    PARKING = "停车场", "停车场"
    OTHER = "其他", "其他"


class QualityCategory(models.TextChoices):
    """Row 7's categories; the codes are the interchange format's."""

    REVENUE_OVER_100M = "revenue_over_100m", _("Business revenue over 100 million yuan")
    KEY_SOFTWARE = "key_software", _("Key software enterprise in the national plan")
    REVENUE_OVER_20M = "revenue_over_20m", _("Annual revenue over 20 million yuan")
    LISTED = "listed", _("Listed company")
    NEW_FINANCING = "new_financing", _("Newly financed")
