from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Bases and submissions")

    def ready(self):
        from submissions import checks  # noqa: F401 - registers the system checks
