"""The printable copy of a fully filled submission: render time, overhead, size, memory, cache.

Targets (issue 5): ≤ 0.1 s per page (median of 10 renders after a warm-up); within 1.2× of
WeasyPrint rendering the same HTML from a file; ≤ 600 KB; peak RSS growth < 50 MB between render
10 and render 50; a cached download ≤ 30 ms at the server.

Run: .venv/bin/python tests/benchmarks/bench_pdf.py
"""

import resource
import statistics
import tempfile
import time
from pathlib import Path

from harness import print_table, throwaway_database

RENDERS = 10
MEMORY_RENDERS = 50


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median_seconds(fn, repeat: int) -> tuple[float, float]:
    runs = [_timed(fn) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    with throwaway_database():
        from django.conf import settings
        from django.test import Client
        from django.test.utils import override_settings
        from django.urls import reverse
        from django.utils import translation

        from submissions.demo_data import fill_submission
        from submissions.models import Evidence, InnovationCarrier, ServiceCenter
        from submissions.printing.render import html_to_pdf, render_html, render_pdf
        from submissions.services.printing import (
            version_document_context,
            version_pdf_get_or_render,
        )
        from submissions.services.submit import submission_get_or_create, submission_submit
        from tests import factories

        media = tempfile.mkdtemp(prefix="bench-pdf-media-")
        with override_settings(MEDIA_ROOT=media):
            campaign = factories.CampaignFactory()
            base = factories.BaseFactory(name="张江人工智能软件产业基地", code="PD-01")
            operator = factories.operator_of(base, "bench-op")
            draft = fill_submission(
                submission_get_or_create(base=base, campaign=campaign),
                enterprises=30,
                activities=15,
                channels=10,
            )
            for model in (InnovationCarrier, ServiceCenter):
                for row in model.objects.filter(submission=draft):
                    row.description = f"{row.name}面向园区企业提供研发、检测、人才与知识产权服务。"
                    row.save(update_fields=["description"])
            for i in range(8):
                Evidence.objects.create(
                    submission=draft, indicator=str(i + 1), token=f"bench-{i}",
                    file=f"evidence/bench-{i}", original_name=f"证明材料{i + 1}.pdf",
                    size=120_000 + i * 3_000, sha256=f"{i:064x}", content_type="application/pdf",
                )  # fmt: skip
            version = submission_submit(submission_id=draft.pk, user=operator, declaration=True)
            context = version_document_context(version=version)

            warm = render_pdf(context)  # warm-up: fonts loaded, templates compiled
            pages = warm.page_count
            size_kb = len(warm.content) / 1024

            with translation.override(settings.LANGUAGE_CODE):
                html = render_html(context)
            html_file = Path(media) / "copy.html"
            html_file.write_text(html, encoding="utf-8")

            import weasyprint

            def direct():
                weasyprint.HTML(filename=str(html_file)).write_pdf()

            direct()
            # Interleaved, so that load from other processes hits both sides alike.
            service_runs, direct_runs = [], []
            for _ in range(RENDERS):
                service_runs.append(_timed(lambda: render_pdf(context)))
                direct_runs.append(_timed(direct))
            service_s = statistics.median(r[0] for r in service_runs)
            service_cpu = statistics.median(r[1] for r in service_runs)
            direct_s = statistics.median(r[0] for r in direct_runs)
            direct_cpu = statistics.median(r[1] for r in direct_runs)

            rss_10 = _rss_mb()
            for _ in range(MEMORY_RENDERS - RENDERS - 1):
                html_to_pdf(html)
            rss_50 = _rss_mb()

            client = Client()
            client.force_login(operator)
            url = reverse("version_pdf", args=[version.pk])
            version_pdf_get_or_render(version=version)

            def download():
                response = client.get(url)
                b"".join(response.streaming_content)

            download()
            cached_wall, cached_cpu = _median_seconds(download, 20)
            cached_ms, cached_cpu_ms = cached_wall * 1000, cached_cpu * 1000

        ratio = service_s / direct_s
        per_page = service_s / pages
        with open("/proc/loadavg") as handle:
            load = handle.read().split()[0]
        rss_growth = rss_50 - rss_10
        print_table(
            "Printable copy (30 quality enterprises, 15 activities, 10 channels, 8 evidence files)",
            ["what", "figure", "target", "ok"],
            [
                ["pages", pages, "", ""],
                ["load average at the end", load, "", ""],
                ["median render (service), wall", f"{service_s:.3f} s", "", ""],
                ["median render (service), CPU", f"{service_cpu:.3f} s", "", ""],
                ["seconds per page, wall", f"{per_page:.3f}", "≤ 0.100", per_page <= 0.1],
                [
                    "seconds per page, CPU",
                    f"{service_cpu / pages:.3f}",
                    "≤ 0.100",
                    service_cpu / pages <= 0.1,
                ],
                ["median render (WeasyPrint, HTML file), wall", f"{direct_s:.3f} s", "", ""],
                ["median render (WeasyPrint, HTML file), CPU", f"{direct_cpu:.3f} s", "", ""],
                ["service / direct, wall", f"{ratio:.2f}×", "≤ 1.20×", ratio <= 1.2],
                [
                    "service / direct, CPU",
                    f"{service_cpu / direct_cpu:.2f}×",
                    "≤ 1.20×",
                    service_cpu / direct_cpu <= 1.2,
                ],
                ["file size", f"{size_kb:.0f} KB", "≤ 600 KB", size_kb <= 600],
                ["peak RSS after render 10", f"{rss_10:.0f} MB", "", ""],
                ["peak RSS after render 50", f"{rss_50:.0f} MB", "", ""],
                ["peak RSS growth 10→50", f"{rss_growth:.1f} MB", "< 50 MB", rss_growth < 50],
                [
                    "cached download (median of 20), wall",
                    f"{cached_ms:.1f} ms",
                    "≤ 30 ms",
                    cached_ms <= 30,
                ],
                [
                    "cached download (median of 20), CPU",
                    f"{cached_cpu_ms:.1f} ms",
                    "≤ 30 ms",
                    cached_cpu_ms <= 30,
                ],
            ],
        )


if __name__ == "__main__":
    main()
