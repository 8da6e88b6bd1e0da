"""Server time of the operator's section pages (GET, POST) and the live preview partial.

A fully filled draft (30 quality enterprises, 15 activities, 10 channels), test client, ~100
requests each; beside it a bare crispy form of 25 fields rendered as often (the framework's own
cost), and the ratio of each page's median to it. Run: python tests/benchmarks/bench_form.py
"""

import statistics
from urllib.parse import urlencode

from harness import (
    TIMING_HEADER,
    count_queries,
    measure,
    p95,
    print_table,
    throwaway_database,
    timing_row,
)

REQUESTS = 100
FORM = "application/x-www-form-urlencoded"  # what browsers and htmx send for these forms


def bare_crispy_form():
    from crispy_forms.helper import FormHelper
    from django import forms
    from django.template import Context, Template

    fields = {
        f"field_{i}": forms.DecimalField(label=f"字段 {i}", required=False) for i in range(25)
    }
    form_class = type("Bare", (forms.Form,), fields)
    template = Template("{% load crispy_forms_tags %}{% crispy form %}")

    def render():
        form = form_class(initial={f"field_{i}": i for i in range(25)})
        form.helper = FormHelper()
        form.helper.form_tag = False
        return template.render(Context({"form": form}))

    return render


def main() -> None:
    with throwaway_database() as connection:
        from django.test import Client
        from django.urls import reverse

        from submissions.demo_data import fill_submission
        from submissions.forms import SECTIONS
        from submissions.models import Submission
        from submissions.services.submit import submission_get_or_create
        from tests import factories
        from tests.form_factories import section_post

        campaign = factories.CampaignFactory()
        base = factories.BaseFactory(
            name="基准基地", code="BM-01", address="上海市浦东新区示例路1号",
            contact_name="张三", contact_phone="021-12345678",
        )  # fmt: skip
        factories.SubParkFactory(base=base)
        user = factories.operator_of(base, "op-bench")
        draft = fill_submission(
            submission_get_or_create(base=base, campaign=campaign),
            enterprises=30, activities=15, channels=10,
        )  # fmt: skip
        client = Client()
        client.force_login(user)

        bare = bare_crispy_form()
        bare_times = measure(bare, repeat=REQUESTS)
        bare_median = statistics.median(bare_times)
        rows = [timing_row("bare crispy form, 25 fields", bare_times, 0) + ["1.00"]]

        def ratio(times):
            return f"{statistics.median(times) / bare_median:.2f}"

        for url_name in ("task_list", "check_answers"):
            url = reverse(url_name)
            assert client.get(url).status_code == 200
            times = measure(lambda u=url: client.get(u), repeat=REQUESTS)
            rows.append(timing_row(f"GET {url}", times, count_queries(lambda u=url: client.get(u)))
                        + [ratio(times)])  # fmt: skip
        worst = {"get": 0.0, "post": 0.0, "preview": 0.0}
        for key in SECTIONS:
            url = reverse("section", kwargs={"section": key})
            assert client.get(url).status_code == 200
            times = measure(lambda u=url: client.get(u), repeat=REQUESTS)
            worst["get"] = max(worst["get"], p95(times))
            rows.append(timing_row(f"GET {url}", times, count_queries(lambda u=url: client.get(u)))
                        + [ratio(times)])  # fmt: skip

            def post(u=url, k=key):
                fresh = Submission.objects.get(pk=draft.pk)
                body = urlencode(section_post(fresh, k), doseq=True)
                response = client.post(u, body, content_type=FORM)
                assert response.status_code == 302, response.content[:2000]

            times = measure(post, repeat=REQUESTS)
            worst["post"] = max(worst["post"], p95(times))
            rows.append(timing_row(f"POST {url} (incl. building the data)", times,
                                   count_queries(post)) + [ratio(times)])  # fmt: skip

            preview_url = reverse("preview", kwargs={"section": key})
            data = urlencode(section_post(Submission.objects.get(pk=draft.pk), key), doseq=True)

            def preview(u=preview_url, d=data):
                assert client.post(u, d, content_type=FORM).status_code == 200

            times = measure(preview, repeat=REQUESTS)
            worst["preview"] = max(worst["preview"], p95(times))
            rows.append(timing_row(f"POST {preview_url}", times, count_queries(preview))
                        + [ratio(times)])  # fmt: skip

        print_table(
            f"Operator form, fully filled draft ({connection.vendor})",
            [*TIMING_HEADER, "× bare crispy"],
            rows,
        )
        print(
            f"\nworst p95: section GET {worst['get']:.1f} ms (target < 100), "
            f"section POST {worst['post']:.1f} ms (target < 100), "
            f"preview {worst['preview']:.1f} ms (target < 50); "
            f"bare crispy median {bare_median:.2f} ms"
        )


if __name__ == "__main__":
    main()
