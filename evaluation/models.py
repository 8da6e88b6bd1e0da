"""Criteria sets as data rows, loaded from the versioned files in evaluation/criteria/."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CriteriaSet(models.Model):
    """One version of the assessment conditions; immutable once a campaign uses it."""

    version = models.CharField(_("version"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    definition = models.JSONField(_("definition"))
    source_file = models.CharField(_("source file"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["-year", "-version"]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class EvaluationResult(models.Model):
    """The engine's judgement of one frozen version, with everything needed to explain it later.

    The input facts, the reviewer decisions and the criteria version are stored beside the output,
    so a result can be re-read (and re-computed) even after the criteria file changes.
    """

    version = models.OneToOneField(
        "submissions.SubmissionVersion",
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("version"),
    )
    criteria_set = models.ForeignKey(
        CriteriaSet,
        on_delete=models.PROTECT,
        related_name="results",
        verbose_name=_("criteria set"),
    )
    criteria_version = models.CharField(_("criteria version"), max_length=32)
    input = models.JSONField(_("input facts"))
    decisions = models.JSONField(_("reviewer decisions"), default=dict, blank=True)
    output = models.JSONField(_("result"))
    verdict = models.CharField(_("verdict"), max_length=8)
    outcome = models.CharField(_("outcome"), max_length=24)
    met = models.PositiveSmallIntegerField(_("met"))
    applicable = models.PositiveSmallIntegerField(_("applicable"))
    is_final = models.BooleanField(_("final"), default=False)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation result")
        verbose_name_plural = _("evaluation results")

    def __str__(self) -> str:
        return f"{self.version}: {self.verdict}/{self.outcome}"
