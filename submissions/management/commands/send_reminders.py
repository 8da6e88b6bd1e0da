from django.core.management.base import BaseCommand, CommandError

from submissions.models import Campaign
from submissions.selectors_review import reminder_targets
from submissions.services.review import reminders_send


class Command(BaseCommand):
    help = "E-mail a reminder to the operators of every base that has not submitted (for cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--campaign", type=int, required=True, help="assessment year, e.g. 2024"
        )
        parser.add_argument("--dry-run", action="store_true", help="list the bases, send nothing")

    def handle(self, *args, campaign: int, dry_run: bool, **options):
        try:
            chosen = Campaign.objects.select_related("criteria_set").get(year=campaign)
        except Campaign.DoesNotExist as exc:
            raise CommandError(f"No campaign for the year {campaign}.") from exc
        if dry_run:
            for target in reminder_targets(campaign=chosen):
                base = target["base"]
                to = ", ".join(target["recipients"]) or "-"
                self.stdout.write(f"{base.code} {base.name}: {to}")
            return
        report = reminders_send(campaign=chosen)
        self.stdout.write(f"sent: {len(report.sent)}")
        for label in report.failed:
            self.stderr.write(f"failed: {label}")
        for label in report.no_address:
            self.stderr.write(f"no operator e-mail address: {label}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} reminder(s) could not be sent.")
