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
