"""Write the latest submitted printable copy of every base of a campaign into a folder."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from submissions.enums import SubmissionStatus
from submissions.models import Campaign, Submission
from submissions.printing.selectors import campaign_latest_versions
from submissions.services import printing as services

# Drafts and returned submissions have a working copy newer than any submitted version.
EDITABLE = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


def _progress(done: int, total: int, label: str, started: float, stream) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    elapsed = time.monotonic() - started
    stream.write(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {elapsed:5.1f}s {label:<24}"
    )
    stream.flush()


class Command(BaseCommand):
    help = "Export the latest submitted PDF of every base (and, with --drafts, draft previews)."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", type=int, required=True, help="campaign year, e.g. 2024")
        parser.add_argument("--out", required=True, help="folder to write the PDFs into")
        parser.add_argument(
            "--drafts", action="store_true", help="also write watermarked previews of drafts"
        )

    def handle(self, *args, campaign: int, out: str, drafts: bool, **options):
        try:
            campaign_obj = Campaign.objects.select_related("criteria_set").get(year=campaign)
        except Campaign.DoesNotExist as exc:
            raise CommandError(f"No campaign for {campaign}.") from exc
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        versions = campaign_latest_versions(campaign_obj)
        draft_submissions = []
        if drafts:
            draft_submissions = list(
                Submission.objects.filter(campaign=campaign_obj, status__in=EDITABLE)
                .select_related("base", "campaign__criteria_set")
                .order_by("base__code")
            )
        total = len(versions) + len(draft_submissions)
        stream = sys.stderr
        started = time.monotonic()
        done = 0
        written = []
        for version in versions:
            _progress(done, total, version.submission.base.code, started, stream)
            version = services.version_pdf_get_or_render(version=version)
            target = folder / services.version_pdf_filename(version)
            with version.pdf.open("rb") as handle:
                target.write_bytes(handle.read())
            written.append(target)
            done += 1
        for submission in draft_submissions:
            _progress(done, total, submission.base.code, started, stream)
            rendered = services.draft_pdf_render(submission=submission)
            target = folder / services.draft_pdf_filename(submission)
            target.write_bytes(rendered.content)
            written.append(target)
            done += 1
        _progress(done, total, "", started, stream)
        stream.write("\n")
        self.stdout.write(f"{len(written)} PDF files written to {folder}")
