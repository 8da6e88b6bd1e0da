"""Benchmark of the association's workspace with 200 bases and full submitted submissions.

Run: python tests/benchmarks/bench_review.py [--bases 200] [--repeat 40]
(DATABASE_URL=postgres://… for PostgreSQL; a throwaway test_ database is created and dropped.)

Targets (issue 6): dashboard, list and review page under 150 ms server time at p95 (measured
through Django's test client, which includes URL routing, middleware and template rendering);
the Excel export of 200 bases under 3 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402 - the path is set up just above
    TIMING_HEADER,
    count_queries,
    measure,
    print_table,
    throwaway_database,
    timing_row,
)

TARGET_PAGE_MS = 150
TARGET_EXPORT_MS = 3000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bases", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    with throwaway_database() as connection:
        from django.test import Client
        from django.urls import reverse

        from submissions import exports
        from submissions.models import Submission
        from tests import factories
        from tests.review_factories import bulk_submitted

        campaign = factories.CampaignFactory()
        start = time.perf_counter()
        bulk_submitted(campaign=campaign, n=args.bases, prefix="BN")
        build_s = time.perf_counter() - start
        reviewer = factories.reviewer()
        client = Client()
        client.force_login(reviewer)
        target = Submission.objects.order_by("-pk").first()

        def get(url):
            def call():
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response

            return call

        pages = [
            ("dashboard", get(reverse("dashboard"))),
            ("list (page 1 of 4)", get(reverse("review_list"))),
            (
                "list filtered+sorted",
                get(reverse("review_list") + "?kind=comprehensive&sort=-score"),
            ),
            ("review page", get(reverse("review_detail", args=[target.pk]))),
            ("results", get(reverse("results"))),
            ("statistics", get(reverse("statistics"))),
        ]
        rows, failures = [], []
        for name, fn in pages:
            times = measure(fn, repeat=args.repeat)
            row = timing_row(name, times, count_queries(fn))
            rows.append(row)
            if (
                name in ("dashboard", "list (page 1 of 4)", "review page")
                and float(row[3]) > TARGET_PAGE_MS
            ):
                failures.append(f"{name}: p95 {row[3]} ms > {TARGET_PAGE_MS} ms")
        export_times = measure(lambda: exports.workbook_bytes(campaign=campaign), repeat=5,
                               warmup=1)  # fmt: skip
        rows.append(timing_row(f"Excel export ({args.bases} bases)", export_times,
                               count_queries(lambda: exports.workbook_bytes(campaign=campaign))))  # fmt: skip
        csv_times = measure(lambda: exports.csv_text(campaign=campaign), repeat=5, warmup=1)
        rows.append(timing_row("CSV export", csv_times))
        if float(rows[-2][3]) > TARGET_EXPORT_MS:
            failures.append(f"Excel export p95 {rows[-2][3]} ms > {TARGET_EXPORT_MS} ms")
        vendor = connection.vendor
        print_table(
            f"Association workspace — {args.bases} bases, {vendor}, data built in {build_s:.1f} s",
            TIMING_HEADER,
            rows,
        )
        print(f"\ntargets: pages p95 < {TARGET_PAGE_MS} ms, Excel export < {TARGET_EXPORT_MS} ms")
        for failure in failures:
            print(f"MISSED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
