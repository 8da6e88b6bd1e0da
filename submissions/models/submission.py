"""A base's assessment for one campaign: the draft it edits, the lists, and the frozen versions."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from submissions.enums import (
    AmenityKind,
    QualityCategory,
    SubmissionStatus,
    SubSectorName,
)

MONEY = {
    "max_digits": 14,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(0)],
}
PERCENT = {
    "max_digits": 5,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(0), MaxValueValidator(100)],
}
COUNT = {"null": True, "blank": True}

# The six declared (有) rows: field name → indicator code.
QUALITATIVE_FIELDS = {
    "policies": "13",
    "investment_department": "15",
    "operations_management": "18",
    "smart_infrastructure": "21",
    "smart_platform": "22",
    "green_measures": "23",
}


class Submission(models.Model):
    """The working copy; one per base and campaign. Only the transition function writes status."""

    base = models.ForeignKey(
        "submissions.Base",
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("base"),
    )
    campaign = models.ForeignKey(
        "submissions.Campaign",
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("campaign"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    lock_version = models.PositiveIntegerField(
        _("edit version"),
        default=1,
        help_text=_("Raised by every save; a save based on an older number is refused."),
    )
    section_state = models.JSONField(_("section states"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )
    deadline_extension = models.DateTimeField(
        _("extended deadline"),
        null=True,
        blank=True,
        help_text=_("A later deadline granted to this base only."),
    )
    paper_received_on = models.DateField(_("paper copy received on"), null=True, blank=True)
    paper_received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paper copy recorded by"),
    )

    # (一) 产业能级 — money in 万元
    revenue_total = models.DecimalField(_("annual operating revenue"), **MONEY)
    revenue_main_industry = models.DecimalField(_("main-industry revenue"), **MONEY)
    revenue_software = models.DecimalField(_("software and information service revenue"), **MONEY)
    revenue_software_prev = models.DecimalField(
        _("software and information service revenue, previous year"), **MONEY
    )
    enterprises_total = models.PositiveIntegerField(_("enterprises in the base"), **COUNT)
    enterprises_with_ip = models.PositiveIntegerField(
        _("enterprises with own intellectual property"), **COUNT
    )
    enterprises_total_prev = models.PositiveIntegerField(
        _("enterprises in the base, previous year"), **COUNT
    )
    enterprises_with_ip_prev = models.PositiveIntegerField(
        _("enterprises with own intellectual property, previous year"), **COUNT
    )
    employees_software = models.PositiveIntegerField(
        _("software and information service employees"), **COUNT
    )
    # (二) 开发规模
    land_area_ha = models.DecimalField(
        _("planned land area"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    office_area_m2 = models.DecimalField(
        _("office floor area"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    industrial_land_ratio = models.DecimalField(_("industrial land share"), **PERCENT)
    public_space_ratio = models.DecimalField(_("public space share"), **PERCENT)
    road_density = models.DecimalField(
        _("road network density"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    # (三) 企业育引
    occupancy_rate = models.DecimalField(_("occupancy rate"), **PERCENT)
    # The six declared rows: None = not answered, True = 有, False = 无; each with a description.
    policies = models.BooleanField(
        _("policies and measures for enterprises"), null=True, blank=True
    )
    policies_desc = models.TextField(_("description"), blank=True)
    investment_department = models.BooleanField(
        _("investment promotion department"), null=True, blank=True
    )
    investment_department_desc = models.TextField(_("description"), blank=True)
    operations_management = models.BooleanField(
        _("operations management rules"), null=True, blank=True
    )
    operations_management_desc = models.TextField(_("description"), blank=True)
    smart_infrastructure = models.BooleanField(
        _("smart infrastructure and facilities"), null=True, blank=True
    )
    smart_infrastructure_desc = models.TextField(_("description"), blank=True)
    smart_platform = models.BooleanField(
        _("smart park information platform"), null=True, blank=True
    )
    smart_platform_desc = models.TextField(_("description"), blank=True)
    green_measures = models.BooleanField(
        _("energy saving and environmental measures"), null=True, blank=True
    )
    green_measures_desc = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["campaign", "base__code"]
        constraints = [
            models.UniqueConstraint(fields=["base", "campaign"], name="submission_one_per_base"),
            models.CheckConstraint(
                condition=models.Q(status__in=SubmissionStatus.values),
                name="submission_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(revenue_software__lte=models.F("revenue_total"))
                | models.Q(revenue_software__isnull=True)
                | models.Q(revenue_total__isnull=True),
                name="submission_software_within_total",
            ),
            models.CheckConstraint(
                condition=models.Q(revenue_main_industry__lte=models.F("revenue_total"))
                | models.Q(revenue_main_industry__isnull=True)
                | models.Q(revenue_total__isnull=True),
                name="submission_main_within_total",
            ),
            models.CheckConstraint(
                condition=models.Q(enterprises_with_ip__lte=models.F("enterprises_total"))
                | models.Q(enterprises_with_ip__isnull=True)
                | models.Q(enterprises_total__isnull=True),
                name="submission_ip_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.base} · {self.campaign.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)

    @property
    def effective_deadline(self):
        return self.deadline_extension or self.campaign.deadline


class ListItem(models.Model):
    """Common shape of the editable tables: ordered rows of one submission."""

    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class SubSector(ListItem):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sub_sectors")
    name = models.CharField(_("sub-sector"), max_length=20, choices=SubSectorName.choices)
    other_name = models.CharField(_("name (for other)"), max_length=50, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("sub-sector")
        verbose_name_plural = _("sub-sectors")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.other_name.strip() if self.name == SubSectorName.OTHER else self.name


class QualityEnterprise(ListItem):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="quality_enterprises"
    )
    name = models.CharField(_("enterprise name"), max_length=100)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    revenue = models.DecimalField(_("revenue"), **MONEY)
    revenue_over_100m = models.BooleanField(QualityCategory.REVENUE_OVER_100M.label, default=False)
    key_software = models.BooleanField(QualityCategory.KEY_SOFTWARE.label, default=False)
    revenue_over_20m = models.BooleanField(QualityCategory.REVENUE_OVER_20M.label, default=False)
    listed = models.BooleanField(QualityCategory.LISTED.label, default=False)
    new_financing = models.BooleanField(QualityCategory.NEW_FINANCING.label, default=False)

    class Meta(ListItem.Meta):
        verbose_name = _("quality enterprise")
        verbose_name_plural = _("quality enterprises")

    def __str__(self) -> str:
        return self.name

    @property
    def categories(self) -> list[str]:
        return [c for c in QualityCategory.values if getattr(self, c)]


class InvestmentChannel(ListItem):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="investment_channels"
    )
    name = models.CharField(_("channel or platform"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("investment channel")
        verbose_name_plural = _("investment channels")

    def __str__(self) -> str:
        return self.name


class InnovationCarrier(ListItem):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="innovation_carriers"
    )
    name = models.CharField(_("name"), max_length=100)
    type = models.CharField(_("type"), max_length=30)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("innovation carrier")
        verbose_name_plural = _("innovation carriers")

    def __str__(self) -> str:
        return self.name


class ServiceCenter(ListItem):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="service_centers"
    )
    name = models.CharField(_("name"), max_length=100)
    type = models.CharField(_("type"), max_length=30)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("service centre")
        verbose_name_plural = _("service centres")

    def __str__(self) -> str:
        return self.name


class Activity(ListItem):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=150)
    date = models.DateField(_("date"))
    form = models.CharField(_("form"), max_length=30, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title


class Amenity(ListItem):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="amenities")
    kind = models.CharField(_("kind"), max_length=10, choices=AmenityKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta(ListItem.Meta):
        verbose_name = _("amenity")
        verbose_name_plural = _("amenities")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.description.strip() if self.kind == AmenityKind.OTHER else self.kind


class StoredUpload(models.Model):
    """What every stored upload keeps: a server-generated token (the name on disk), the original
    name, size, sha256 and detected type, and who uploaded it when."""

    token = models.CharField(max_length=40, unique=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


def evidence_upload_to(instance: Evidence, filename: str) -> str:
    # Server-generated names only: the original name is kept in the row, never on disk.
    return f"evidence/{instance.submission_id}/{instance.token}"


class Evidence(StoredUpload):
    """An uploaded file (证明材料), attached to an indicator of a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.CharField(_("indicator"), max_length=4, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=200)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["indicator", "uploaded_at"]


def scan_upload_to(instance: StampedScan, filename: str) -> str:
    return f"scans/{instance.submission_id}/{instance.token}"


class StampedScan(StoredUpload):
    """The operator's scan of the stamped paper copy (PDF or image)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="stamped_scans"
    )
    version = models.ForeignKey(
        "submissions.SubmissionVersion", on_delete=models.PROTECT, related_name="stamped_scans"
    )
    file = models.FileField(_("file"), upload_to=scan_upload_to, max_length=200)

    class Meta:
        verbose_name = _("stamped scan")
        verbose_name_plural = _("stamped scans")
        ordering = ["-uploaded_at"]


class ReviewComment(models.Model):
    """A reviewer's comment on an indicator (or on the whole submission when code is blank)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="review_comments"
    )
    version = models.ForeignKey(
        "submissions.SubmissionVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_comments",
    )
    indicator = models.CharField(_("indicator"), max_length=4, blank=True)
    field = models.CharField(_("field"), max_length=50, blank=True)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:40]


class IndicatorDecision(models.Model):
    """A reviewer's confirmation or rejection of a declared (有) row; feeds the engine."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    indicator = models.CharField(_("indicator"), max_length=4)
    confirmed = models.BooleanField(_("confirmed"))
    comment = models.TextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now=True)

    class Meta:
        verbose_name = _("indicator decision")
        verbose_name_plural = _("indicator decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="decision_one_per_indicator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.confirmed}"


class SubmissionVersion(models.Model):
    """An immutable snapshot frozen at submission: what was submitted, printed and judged."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    evidence_manifest = models.JSONField(_("evidence files"), default=list)
    receipt_number = models.CharField(_("receipt number"), max_length=32, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=16, unique=True)
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    pdf = models.FileField(_("printable copy"), upload_to="pdf/", blank=True, max_length=200)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.submission} v{self.number}"


class SubmissionEvent(models.Model):
    """The history: every state change with who, when (UTC), from where and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=SubmissionStatus.choices)
    to_status = models.CharField(max_length=12, choices=SubmissionStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
