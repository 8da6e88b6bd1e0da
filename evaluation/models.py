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
