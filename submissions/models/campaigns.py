"""An annual assessment round (评估工作), e.g. the 2024 round opened by 沪经信软〔2025〕11号."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from submissions.enums import CampaignStatus


class Campaign(models.Model):
    year = models.PositiveSmallIntegerField(_("assessment year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=50, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    deadline = models.DateTimeField(_("deadline"))
    shanghai_growth_avg = models.DecimalField(
        _("Shanghai three-year average growth (%)"),
        max_digits=6,
        decimal_places=2,
        help_text=_(
            "The benchmark of indicator 4: the average growth of Shanghai's software industry over "
            "the last three years, in percent. "
            "Not in the notice: entered by association staff."
        ),
    )
    growth_avg_is_provisional = models.BooleanField(
        _("benchmark is provisional"),
        default=False,
        help_text=_("Tick while the benchmark is a placeholder (e.g. demo data)."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    criteria_set = models.ForeignKey(
        "evaluation.CriteriaSet",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("criteria set"),
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gt=models.F("opens_at")),
                name="campaign_deadline_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=CampaignStatus.values), name="campaign_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError(
                {"deadline": _("The deadline must be after the opening time.")},
                code="deadline_before_opening",
            )
