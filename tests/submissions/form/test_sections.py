"""Section pages: saving, validation that keeps input, lists, warnings, read-only, prefill."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from submissions.enums import SectionStatus
from submissions.models import QualityEnterprise, Submission
from submissions.services.submit import submission_get_or_create, submission_submit
from tests import factories
from tests.form_factories import enterprise_row, section_post

pytestmark = pytest.mark.django_db


def url(section):
    return reverse("section", kwargs={"section": section})


def test_task_list_shows_every_section_with_status_and_deadline(op_client, draft):
    """The task list names the eight steps in Chinese, each 未开始 at first, with time left."""
    html = op_client.get(reverse("task_list")).content.decode()
    for title in ["基地基本情况", "（一）产业能级", "（二）开发规模", "（三）企业育引", "（四）园区服务",
                  "（五）绿色智慧", "证明材料", "核对并提交"]:  # fmt: skip
        assert title in html
    assert html.count("未开始") == 8
    assert "已完成 0 / 7 个部分" in html
    assert "距截止还有" in html
    assert "未全部达标" in html


def test_task_list_counts_completed_and_flags_problems(op_client, filled, operator_a):
    """A saved complete section shows 已完成; a saved section with gaps shows 有问题."""
    op_client.post(url("industry"), section_post(filled, "industry"))
    filled.refresh_from_db()
    op_client.post(url("development"), section_post(filled, "development",
                                                    {"industrial_land_ratio": ""}))  # fmt: skip
    html = op_client.get(reverse("task_list")).content.decode()
    assert "已完成 1 / 7 个部分" in html
    assert "有问题" in html
    assert "未填写：产业用地比重" in html


def test_staff_cannot_use_the_operator_form(client, reviewer_user, campaign):
    """Association staff get 403 on the operator's pages: they review, they do not fill in."""
    client.force_login(reviewer_user)
    assert client.get(reverse("task_list")).status_code == 403
    assert client.get(url("industry")).status_code == 403


def test_industry_save_stores_values_lists_and_state(op_client, draft, operator_a):
    """保存 stores numbers and rows, raises the edit version, and marks the section complete."""
    data = section_post(
        draft,
        "industry",
        {"revenue_total": "1250000.50", "revenue_main_industry": "900000",
         "revenue_software": "800000", "revenue_software_prev": "700000",
         "enterprises_total": "520", "enterprises_with_ip": "300",
         "enterprises_total_prev": "500", "enterprises_with_ip_prev": "250",
         "employees_software": "5600"},
        {"sub_sectors": [{"name": "软件"}, {"name": "其他", "other_name": "低空经济"}],
         "quality_enterprises": [enterprise_row(1), enterprise_row(2)]},
        save="",
    )  # fmt: skip
    response = op_client.post(url("industry"), data, follow=True)
    assert "已保存" in response.content.decode()
    draft.refresh_from_db()
    assert draft.revenue_total == Decimal("1250000.50")
    assert draft.lock_version == 2
    assert draft.updated_by == operator_a
    assert draft.section_state["industry"] == SectionStatus.COMPLETED
    assert [s.display_name for s in draft.sub_sectors.all()] == ["软件", "低空经济"]
    assert [e.name for e in draft.quality_enterprises.all()] == [
        "测试优质企业01有限公司", "测试优质企业02有限公司"]  # fmt: skip
    html = response.content.decode()
    assert 'value="1250000.50"' in html
    assert '<span class="input-group-text">万元</span>' in html


@pytest.mark.parametrize(
    ("section", "field", "typed", "message"),
    [
        ("industry", "revenue_software", "2000000", "软件和信息服务业经营收入不能大于年度经营收入"),
        ("industry", "revenue_main_industry", "2000000", "主体产业经营收入不能大于年度经营收入"),
        ("industry", "enterprises_with_ip", "900", "拥有自主知识产权的企业数不能多于企业总数"),
        ("industry", "revenue_total", "12.345", "最多保留 2 位小数"),
        ("industry", "revenue_total", "-5", "不能小于 0"),
        ("industry", "revenue_total", "一百万", "请输入数字"),
        ("industry", "employees_software", "12.5", "请输入整数"),
        ("industry", "employees_software", "-3", "不能小于 0"),
        ("development", "industrial_land_ratio", "120", "不能大于 100"),
        ("development", "public_space_ratio", "-1", "不能小于 0"),
        ("enterprise", "occupancy_rate", "100.5", "不能大于 100"),
        ("enterprise", "policies_desc", "太短了", "不少于 20 个字"),
    ],
    ids=["software>total", "main>total", "ip>total", "3-decimals", "negative-money", "text",
         "fractional-count", "negative-count", "percent>100", "percent<0", "occupancy>100",
         "short-description"],
)  # fmt: skip
def test_invalid_input_gets_chinese_message_and_is_kept(
    op_client, filled, section, field, typed, message
):
    """Bad input: a Chinese message beside the field, a linked summary, nothing typed lost."""
    before = Submission.objects.get(pk=filled.pk)
    values = {field: typed}
    if field == "policies_desc":
        values["policies"] = "True"
    response = op_client.post(url(section), section_post(filled, section, values))
    assert response.status_code == 200
    html = response.content.decode()
    assert "存在问题" in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert typed in html
    after = Submission.objects.get(pk=filled.pk)
    assert after.lock_version == before.lock_version


def test_list_rows_are_added_and_removed(op_client, filled):
    """Posting three rows stores three; posting one of them afterwards leaves one."""
    rows = [enterprise_row(n) for n in (1, 2, 3)]
    op_client.post(url("industry"), section_post(filled, "industry", lists={
        "quality_enterprises": rows}))  # fmt: skip
    assert filled.quality_enterprises.count() == 3
    filled.refresh_from_db()
    op_client.post(url("industry"), section_post(filled, "industry", lists={
        "quality_enterprises": [rows[2]]}))  # fmt: skip
    assert list(filled.quality_enterprises.values_list("name", flat=True)) == [
        "测试优质企业03有限公司"]  # fmt: skip


def test_blank_rows_are_ignored(op_client, filled):
    """A row left wholly blank (an unused added row) is dropped, not an error."""
    data = section_post(filled, "development", lists={"amenities": [
        {"kind": "餐饮"}, {"kind": "", "description": ""}]})  # fmt: skip
    response = op_client.post(url("development"), data)
    assert response.status_code == 302
    assert [a.kind for a in filled.amenities.all()] == ["餐饮"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (enterprise_row(1, credit_code="91310115000000001X"), "校验"),
        (enterprise_row(1, categories=[]), "请至少选择一个类别"),
        (enterprise_row(1, name=""), "这个字段是必填项"),
    ],
    ids=["check-digit", "no-category", "no-name"],
)
def test_quality_enterprise_row_errors(op_client, filled, row, message):
    """Row errors name the list and row in the summary and keep every row typed."""
    rows = [enterprise_row(2), row]
    response = op_client.post(url("industry"), section_post(filled, "industry", lists={
        "quality_enterprises": rows}))  # fmt: skip
    html = response.content.decode()
    assert "优质企业名单第 2 行" in html
    assert message in html
    assert "测试优质企业02有限公司" in html
    assert filled.quality_enterprises.count() == 30


def test_duplicate_enterprises_are_flagged(op_client, filled):
    """Two rows with the same credit code are flagged as a duplicate of the first."""
    first = enterprise_row(1)
    second = enterprise_row(2, credit_code=first["credit_code"])
    response = op_client.post(url("industry"), section_post(filled, "industry", lists={
        "quality_enterprises": [first, second]}))  # fmt: skip
    assert "与第 1 行重复" in response.content.decode()


def test_other_sub_sector_needs_a_name(op_client, filled):
    response = op_client.post(url("industry"), section_post(filled, "industry", lists={
        "sub_sectors": [{"name": "其他", "other_name": ""}]}))  # fmt: skip
    assert "请填写“其他”业态的名称" in response.content.decode()


def test_activity_outside_the_year_is_kept_but_warned(op_client, filled):
    """An activity dated 2023 is saved, and the page says it does not count (不计入)."""
    rows = [{"title": "政策宣讲会", "date": dt.date(2023, 12, 20), "form": "政策宣讲"},
            {"title": "产业论坛", "date": dt.date(2024, 5, 10), "form": "产业论坛"}]  # fmt: skip
    response = op_client.post(
        url("service"), section_post(filled, "service", lists={"activities": rows}), follow=True
    )
    html = response.content.decode()
    assert filled.activities.count() == 2
    assert "政策宣讲会（2023-12-20）不在 2024 年度内：已保留，但不计入。" in html


def test_save_and_continue_goes_to_the_next_section_or_back_to_check(op_client, filled):
    response = op_client.post(url("industry"), section_post(filled, "industry", **{
        "continue": ""}))  # fmt: skip
    assert response["Location"] == url("development")
    filled.refresh_from_db()
    check = reverse("check_answers")
    response = op_client.post(url("development"), section_post(filled, "development", **{
        "continue": "", "next": check}))  # fmt: skip
    assert response["Location"] == check


def test_basic_section_saves_the_base_contact(op_client, draft, base_a):
    data = section_post(draft, "basic", {"address": "上海市浦东新区示例路1号",
                                         "contact_name": "张三", "contact_phone": "021-12345678",
                                         "contact_email": "zhang@example.org"})  # fmt: skip
    assert op_client.post(url("basic"), data).status_code == 302
    base_a.refresh_from_db()
    assert base_a.contact_name == "张三"


def test_form_is_read_only_after_submit(op_client, filled, operator_a):
    """Once submitted, every section shows the values disabled and refuses saves."""
    submission_submit(submission_id=filled.pk, user=operator_a, declaration=True)
    html = op_client.get(url("industry")).content.decode()
    assert "本填报已提交，在促进会退回修改之前为只读" in html
    assert "disabled" in html
    assert "保存并继续" not in html
    response = op_client.post(url("industry"), section_post(filled, "industry", {
        "revenue_total": "1"}), follow=True)  # fmt: skip
    assert "本填报已提交，不能再修改" in response.content.decode()
    filled.refresh_from_db()
    assert filled.revenue_total == Decimal("1250000")


def test_prior_year_figures_are_prefilled_and_big_changes_warned(client, base_a, campaign):
    """Last year's submission fills this year's previous-year fields; ±50 % gets 请核实."""
    last = factories.CampaignFactory(year=2023, title="2023年度评估")
    old = submission_get_or_create(base=base_a, campaign=last)
    Submission.objects.filter(pk=old.pk).update(
        revenue_software=Decimal(700000), enterprises_total=480, enterprises_with_ip=240,
        revenue_total=Decimal(900000),
    )  # fmt: skip
    client.force_login(factories.operator_of(base_a, "op-prefill"))
    html = client.get(url("industry")).content.decode()
    draft = Submission.objects.get(base=base_a, campaign=campaign)
    assert draft.revenue_software_prev == Decimal(700000)
    assert draft.enterprises_total_prev == 480
    assert 'value="700000' in html
    draft.refresh_from_db()
    response = client.post(url("industry"), section_post(draft, "industry", {
        "revenue_total": "2000000", "revenue_software": "800000",
        "revenue_main_industry": "800000", "enterprises_total": "500",
        "enterprises_with_ip": "260", "employees_software": "5000"}), follow=True)  # fmt: skip
    html = response.content.decode()
    assert "请核实：与上年（900000 万元）相比变化 +122.2%" in html
    assert "上年：700000 万元" in html


def test_section_queries_do_not_grow_with_rows(op_client, filled, django_assert_max_num_queries):
    """A section page costs the same number of queries with 2 rows as with 30."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert op_client.get(url("industry")).status_code == 200
        return len(ctx.captured_queries)

    count()  # warm-up: the criteria set is compiled once per process (one query, then cached)
    many = count()
    QualityEnterprise.objects.filter(submission=filled, position__gte=2).delete()
    few = count()
    assert filled.quality_enterprises.count() == 2
    assert many == few
    assert many <= 25


def test_returned_submission_shows_the_reviewers_comments(op_client, filled, operator_a,
                                                          reviewer_user):  # fmt: skip
    """After a return, the section shows the comments on its indicators and is editable."""
    from submissions.models import ReviewComment
    from submissions.services.submit import submission_return

    submission_submit(submission_id=filled.pk, user=operator_a, declaration=True)
    ReviewComment.objects.create(submission=filled, indicator="17", author=reviewer_user,
                                 text="请附入驻企业名单作为佐证。")  # fmt: skip
    ReviewComment.objects.create(submission=filled, indicator="2", author=reviewer_user,
                                 text="营收口径请说明。")  # fmt: skip
    submission_return(submission=filled, user=reviewer_user, comment="请补充材料")
    html = op_client.get(url("enterprise")).content.decode()
    assert "促进会退回修改，意见如下" in html
    assert "请附入驻企业名单作为佐证" in html
    assert "营收口径请说明" not in html
    assert "保存并继续" in html


def test_table_cells_escape_what_was_typed(op_client, filled):
    """A name with markup comes back as text, never as HTML."""
    row = enterprise_row(1, name='<script>alert("x")</script>')
    op_client.post(url("industry"), section_post(filled, "industry", lists={
        "quality_enterprises": [row]}))  # fmt: skip
    html = op_client.get(url("industry")).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_returned_sections_are_highlighted_on_the_task_list(op_client, filled, operator_a,
                                                             reviewer_user):  # fmt: skip
    """A section with a reviewer's comment shows 有问题 and the number of comments."""
    from django.urls import reverse

    from submissions.models import ReviewComment
    from submissions.services.submit import submission_return

    version = submission_submit(submission_id=filled.pk, user=operator_a, declaration=True)
    ReviewComment.objects.create(submission=filled, version=version, indicator="17",
                                 author=reviewer_user, text="请附入驻企业名单作为佐证。")  # fmt: skip
    submission_return(submission=filled, user=reviewer_user, comment="请补充材料")
    html = op_client.get(reverse("task_list")).content.decode()
    enterprise = html.split("企业育引", 1)[1].split("园区服务", 1)[0]
    assert "有问题" in enterprise
    assert "1 条促进会意见" in enterprise
    industry = html.split("产业能级", 1)[1].split("开发规模", 1)[0]
    assert "1 条促进会意见" not in industry
