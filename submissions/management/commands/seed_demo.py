from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from submissions.demo import seed_demo


class Command(BaseCommand):
    help = "Create the fictional demo campaign, bases and accounts (idempotent; demo only)."

    def handle(self, *args, **options):
        # Demo submissions, returns and acceptances would e-mail fictional people: keep them in memory.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            summary = seed_demo()
        if summary.created:
            self.stdout.write(f"Created {len(summary.created)} demo objects.")
        else:
            self.stdout.write("Demo data already present; nothing changed.")
        self.stdout.write("Demo accounts (DEMO ONLY — never use these passwords in production):")
        for username, password, what in summary.accounts:
            self.stdout.write(f"  {username:<12} {password:<20} {what}")
