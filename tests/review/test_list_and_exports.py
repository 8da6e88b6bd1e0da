"""The submission list (filters, search, sorting, constant queries), exports, results, statistics."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from submissions.enums import BaseKind, BaseLevel
from submissions.models import Submission
from tests import factories
from tests.review_factories import bulk_submitted

pytestmark = pytest.mark.django_db


def _queries(client, url, params=None) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("name", ["review_list", "dashboard", "results", "statistics"])
def test_pages_make_the_same_number_of_queries_for_200_bases_as_for_2(
    client, reviewer_user, campaign, name
):
    """The number of SQL queries does not grow with the rows."""
    client.force_login(reviewer_user)
    bulk_submitted(campaign=campaign, n=2, prefix="QA")
    client.get(reverse(name))  # warm the session and caches
    few, html_few = _queries(client, reverse(name))
    bulk_submitted(campaign=campaign, n=198, prefix="QB")
    many, html_many = _queries(client, reverse(name))
    assert few == many, (few, many)
    if name == "review_list":
        assert "共 2 份填报材料" in html_few
        assert "共 200 份填报材料" in html_many
        assert html_many.count("review_detail") == 0  # links are real URLs, not names
        assert html_many.count("/association/submissions/") >= 50  # a full page of 50 rows


def test_list_filters_search_and_sort(client, reviewer_user, campaign, make_submission):
    specialty = factories.BaseFactory(name="特色乙基地", code="SP-02", kind=BaseKind.SPECIALTY,
                                      level=BaseLevel.CULTIVATION, batch=2023)  # fmt: skip
    make_submission("submitted", base=specialty)
    returned = make_submission("returned", base=factories.BaseFactory(name="退回甲基地",
                                                                      code="RT-01"))  # fmt: skip
    make_submission("accepted", base=factories.BaseFactory(name="受理丙基地", code="AC-01"))
    Submission.objects.filter(pk=returned.pk).update(paper_received_on=dt.date(2025, 1, 20))
    client.force_login(reviewer_user)
    url = reverse("review_list")

    def names(**params):
        html = client.get(url, params).content.decode()
        return [n for n in ["特色乙基地", "退回甲基地", "受理丙基地"] if n in html]

    assert names() == ["特色乙基地", "退回甲基地", "受理丙基地"]
    assert names(status="returned") == ["退回甲基地"]
    assert names(kind="specialty") == ["特色乙基地"]
    assert names(level="cultivation", batch="2023") == ["特色乙基地"]
    assert names(q="AC-") == ["受理丙基地"]
    assert names(q="退回") == ["退回甲基地"]
    assert names(paper="yes") == ["退回甲基地"]
    assert names(verdict="pass") == ["特色乙基地", "退回甲基地", "受理丙基地"]
    assert names(outcome="rectification") == []
    assert names(status="nonsense") == ["特色乙基地", "退回甲基地", "受理丙基地"]  # ignored
    html = client.get(url, {"sort": "-code"}).content.decode()
    assert html.index("特色乙基地") < html.index("退回甲基地") < html.index("受理丙基地")
    assert "没有符合筛选条件的填报材料" in client.get(url, {"q": "不存在"}).content.decode()


def test_list_paginates_50_per_page(client, reviewer_user, campaign):
    bulk_submitted(campaign=campaign, n=60, prefix="PG")
    client.force_login(reviewer_user)
    first = client.get(reverse("review_list")).content.decode()
    second = client.get(reverse("review_list"), {"page": 2}).content.decode()
    assert first.count("<tr>\n      <td>PG") == 50
    assert second.count("<tr>\n      <td>PG") == 10
    assert "第 1 页，共 2 页" in first


def test_excel_export_values_types_headers_and_list_sheets(client, viewer_user, submitted_a,
                                                           base_b):  # fmt: skip
    client.force_login(viewer_user)
    response = client.get(reverse("export_xlsx"))
    assert "attachment" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["汇总", "优质企业名单", "创服活动", "招商引资平台及渠道", "创新载体",
                             "企业服务中心", "细分产业业态", "公共配套"]  # fmt: skip
    ws = wb["汇总"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:")
    headers = [c.value for c in ws[1]]
    rows = {
        r[0]: dict(zip(headers, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert set(rows) == {"AA-01", "BB-01"}  # every active base, submitted or not
    a = rows["AA-01"]
    assert a["基地名称"] == "甲基地"
    assert a["审核状态"] == "已提交"
    assert a["年度经营收入（万元）"] == 1250000 and isinstance(a["年度经营收入（万元）"], int)
    assert a["入驻率（%）"] == 86.5 and isinstance(a["入驻率（%）"], float)
    assert a["基地全路网密度（km/km²）"] == 9.4
    assert a["软件和信息服务业就业人数（人）"] == 5600
    assert a["创服活动（场）"] == 12
    assert a["育引政策及举措"] == "有"
    assert a["主体产业营收比重（%）"] == 78.0
    assert a["1 细分产业业态"] == "达标"
    assert (a["达标指标"], a["适用指标"], a["评估结论"], a["处理结果"]) == (25, 25, "通过", "达标")
    assert isinstance(a["提交时间"], dt.datetime)
    b = rows["BB-01"]
    assert b["审核状态"] == "未开始" and b["年度经营收入（万元）"] is None
    enterprises = list(wb["优质企业名单"].iter_rows(values_only=True))
    assert enterprises[0][:5] == (
        "基地代码",
        "基地名称",
        "企业名称",
        "统一社会信用代码",
        "营业收入（万元）",
    )
    assert len(enterprises) == 1 + 30 and enterprises[1][4] == 2500
    activities = list(wb["创服活动"].iter_rows(min_row=2, values_only=True))
    assert len(activities) == 12 and isinstance(activities[0][3], dt.datetime)


def test_csv_export_is_utf8_with_bom(client, reviewer_user, submitted_a):
    client.force_login(reviewer_user)
    raw = client.get(reverse("export_csv")).content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["基地代码", "基地名称"]
    assert rows[1][1] == "甲基地" and "1250000" in rows[1]


def test_export_xlsx_command_writes_the_workbook(submitted_a, tmp_path):
    target = tmp_path / "2024.xlsx"
    call_command("export_xlsx", "--campaign", "2024", "-o", str(target))
    assert load_workbook(target)["汇总"]["B2"].value == "甲基地"


def test_results_show_verdict_outcome_profiles_and_earlier_years(client, viewer_user, submitted_a):
    client.force_login(viewer_user)
    html = client.get(reverse("results")).content.decode()
    assert "甲基地" in html and "25/25" in html and "通过" in html
    assert "CD CC SD SC" in html or "CD CC" in html


def test_statistics_show_pass_rates_distributions_and_batches(client, viewer_user, campaign):
    bulk_submitted(campaign=campaign, n=8, prefix="ST")
    client.force_login(viewer_user)
    html = client.get(reverse("statistics")).content.decode()
    assert "依据 8 个基地最新提交的版本统计" in html
    assert 'data-rate="12-CD">100% (2/2)' in html
    assert "<svg" in html and "≥ 100 亿元" in html
    assert 'data-batch="2021"' in html
