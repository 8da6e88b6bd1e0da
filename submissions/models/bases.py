"""The bases (市软件和信息服务产业基地), their sub-parks, and who operates them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from submissions.enums import BaseKind, BaseLevel, Batch, District, profile_code
from submissions.validators import validate_credit_code

MAX_SUB_PARKS = 3  # 正文（二）: 同一法人名下、同一区域内的分园不超过三个

phone_validator = RegexValidator(
    r"^[0-9+\-() ]{7,20}$", _("Enter a phone number of digits (a landline with its area code).")
)
code_validator = RegexValidator(
    r"^[A-Z0-9-]{2,16}$", _("Use 2–16 capital letters, digits or hyphens, e.g. PD-01.")
)


class Base(models.Model):
    name = models.CharField(_("base name"), max_length=100, unique=True)
    code = models.CharField(
        _("short code"), max_length=16, unique=True, validators=[code_validator]
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BaseKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=BaseLevel.choices)
    batch = models.PositiveSmallIntegerField(_("recognition batch"), choices=Batch.choices)
    district = models.CharField(_("district"), max_length=16, choices=District.choices)
    company_name = models.CharField(_("operating company"), max_length=100)
    company_credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        validators=[validate_credit_code],
        help_text=_("18 characters, as on the business licence."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=20, blank=True, validators=[phone_validator]
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("base")
        verbose_name_plural = _("bases")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=BaseKind.values), name="base_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=BaseLevel.values), name="base_level_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(batch__in=Batch.values), name="base_batch_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(district__in=District.values), name="base_district_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.company_credit_code = (self.company_credit_code or "").strip().upper()
        super().save(*args, **kwargs)

    @property
    def profile(self) -> str:
        return profile_code(self.kind, self.level)


class SubPark(models.Model):
    """A sub-park (分园); at most three per base, enforced by the position's range and uniqueness."""

    base = models.ForeignKey(
        Base, on_delete=models.CASCADE, related_name="sub_parks", verbose_name=_("base")
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    name = models.CharField(_("sub-park name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sub-park")
        verbose_name_plural = _("sub-parks")
        ordering = ["base", "position"]
        constraints = [
            models.UniqueConstraint(fields=["base", "position"], name="subpark_unique_position"),
            models.CheckConstraint(
                condition=models.Q(position__gte=1, position__lte=MAX_SUB_PARKS),
                name="subpark_at_most_three",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.base_id is None:
            return
        others = SubPark.objects.filter(base_id=self.base_id).exclude(pk=self.pk)
        if self.pk is None and others.count() >= MAX_SUB_PARKS:
            raise ValidationError(
                _("A base may have at most %(n)s sub-parks (notice, section (2))."),
                code="too_many_sub_parks",
                params={"n": MAX_SUB_PARKS},
            )
        if not 1 <= (self.position or 0) <= MAX_SUB_PARKS:
            raise ValidationError(
                {"position": _("The number of a sub-park is 1, 2 or 3.")}, code="position"
            )


class Membership(models.Model):
    """An operator's link to the one base it fills in for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    base = models.ForeignKey(
        Base, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("base")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} → {self.base}"
