"""Who may do what, as named predicates. Roles come from groups (staff) and memberships (operators)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from submissions.enums import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from submissions.models import Base

REVIEWER_GROUP = "reviewer"
VIEWER_GROUP = "viewer"
ADMINISTRATOR_GROUP = "administrator"


def _group_names(user) -> set[str]:
    cached = getattr(user, "_group_names_cache", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._group_names_cache = cached
    return cached


def user_role(user: AbstractBaseUser) -> Role:
    """The one role a person acts in; staff roles win over a membership."""
    if not user.is_authenticated or not user.is_active:
        return Role.NONE
    groups = _group_names(user)
    if user.is_superuser or ADMINISTRATOR_GROUP in groups:
        return Role.ADMINISTRATOR
    if REVIEWER_GROUP in groups:
        return Role.REVIEWER
    if VIEWER_GROUP in groups:
        return Role.VIEWER
    if user_base(user) is not None:
        return Role.OPERATOR
    return Role.NONE


def user_base(user: AbstractBaseUser) -> Base | None:
    """The base an operator works for, or None."""
    if not user.is_authenticated:
        return None
    membership = getattr(user, "membership", None)
    if membership is None or not membership.base.is_active:
        return None
    return membership.base


def is_association_staff(user: AbstractBaseUser) -> bool:
    """Reviewers, viewers and administrators: everyone who sees all bases."""
    return user_role(user) in (Role.REVIEWER, Role.VIEWER, Role.ADMINISTRATOR)


def can_review(user: AbstractBaseUser) -> bool:
    return user_role(user) in (Role.REVIEWER, Role.ADMINISTRATOR)
