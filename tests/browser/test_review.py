"""A reviewer works through the association's pages in a real browser."""

import pytest
from django.core.management import call_command

from submissions.demo_reviews import seed_demo_reviews
from submissions.models import ReviewComment, Submission
from submissions.selectors_review import review_comments_for_operator


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo")
    seed_demo_reviews()


def test_reviewer_filters_opens_comments_and_returns(page, live_server, demo):
    """Log in, filter the list, open a submission, comment on an indicator, return it; the
    operator's form then has the comment (through the selector the form pages use)."""
    page.goto(f"{live_server.url}/")
    page.get_by_label("用户名").fill("reviewer1")
    page.get_by_label("密码").fill("demo-reviewer-2024")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{live_server.url}/association/")
    submitted = Submission.objects.filter(status="submitted").count()
    assert submitted >= 3  # PD-01, YP-01, JA-01 from demo_reviews, and any seed_demo adds
    assert page.locator('[data-count="submitted"]').inner_text() == str(submitted)

    page.get_by_role("link", name="填报材料", exact=True).first.click()
    page.get_by_label("状态").select_option("submitted")  # submits itself (data-autosubmit)
    page.wait_for_url("**status=submitted**")
    rows = page.locator("table.review-list tbody tr")
    assert rows.count() == submitted
    page.get_by_label("名称或代码").fill("PD-01")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**q=PD-01**")
    assert rows.count() == 1
    page.get_by_role("link", name="浦江数智软件产业基地").click()
    page.wait_for_url("**/association/submissions/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("浦江数智软件产业基地")
    assert "≧3 个" in page.content()

    row = page.locator("#ind-20")
    row.locator("summary", has_text="意见").click()
    row.get_by_label("对指标 20 的意见").fill("活动清单中第 3 期日期有误，请核对。")
    row.get_by_role("button", name="保存意见").click()
    page.wait_for_url("**#ind-20")
    assert page.get_by_text("意见已保存。").is_visible()
    assert "活动清单中第 3 期日期有误" in page.locator("#ind-20").inner_text()

    page.get_by_label("退回原因（必填）").fill("请核对创服活动日期。")
    page.get_by_role("button", name="退回修改").click()
    assert page.get_by_text("已退回基地修改").is_visible()
    assert page.locator("#submission-status").inner_text() == "已退回修改"

    submission = Submission.objects.get(base__code="PD-01")
    assert submission.status == "returned"
    seen = review_comments_for_operator(submission)
    assert [c.text for c in seen["20"]] == ["活动清单中第 3 期日期有误，请核对。"]
    assert ReviewComment.objects.filter(submission=submission).count() == 3
