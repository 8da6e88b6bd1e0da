from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from submissions.exports import workbook_build
from submissions.models import Campaign


class Command(BaseCommand):
    help = "Write the campaign's workbook (one row per base, plus the list sheets) to a file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--campaign", type=int, required=True, help="assessment year, e.g. 2024"
        )
        parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")

    def handle(self, *args, campaign: int, output: str, **options):
        try:
            chosen = Campaign.objects.select_related("criteria_set").get(year=campaign)
        except Campaign.DoesNotExist as exc:
            raise CommandError(f"No campaign for the year {campaign}.") from exc
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"The folder {path.parent} does not exist.")
        workbook_build(campaign=chosen).save(path)
        self.stdout.write(f"wrote {path}")
