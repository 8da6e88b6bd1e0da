"""Downloads, verification, the stamped scan and the paper copy, by role."""

import hashlib
import io
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from submissions.models import StampedScan
from submissions.services import printing as services
from submissions.services.submit import submission_return, submission_submit
from tests.printing.conftest import pdf_pages

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64


def test_second_download_serves_the_stored_file_without_rendering(client, operator_a, version_a):
    """The first download renders and stores; the second serves the same bytes, sha256 stored."""
    client.force_login(operator_a)
    url = reverse("version_pdf", args=[version_a.pk])
    with mock.patch.object(services, "render_pdf", wraps=services.render_pdf) as render:
        first = client.get(url)
        second = client.get(url)
    assert render.call_count == 1
    first_bytes = b"".join(first.streaming_content)
    second_bytes = b"".join(second.streaming_content)
    assert first_bytes == second_bytes
    assert first["Content-Type"] == "application/pdf"
    assert "AA-01-2024-V1.pdf" in first["Content-Disposition"]
    version_a.refresh_from_db()
    assert version_a.pdf_sha256 == hashlib.sha256(first_bytes).hexdigest()
    assert second["X-Content-SHA256"] == version_a.pdf_sha256


def test_draft_preview_download_is_watermarked(client, operator_a, draft_a):
    client.force_login(operator_a)
    response = client.get(reverse("draft_pdf", args=[draft_a.pk]))
    assert response.status_code == 200
    assert "草稿—非正式提交材料" in pdf_pages(response.content)[0]


@pytest.fixture
def scan(version_a, operator_a):
    upload = SimpleUploadedFile("盖章件.png", PNG, content_type="image/png")
    return services.stamped_scan_upload(version=version_a, user=operator_a, uploaded=upload)


@pytest.mark.parametrize(
    "url_name",
    ["version_pdf", "draft_pdf", "scan_upload", "scan_download", "verify"],
)
def test_operator_of_another_base_gets_404(client, operator_b, version_a, scan, url_name):
    """Another base's PDF, draft, scans and verification details do not exist for operator B."""
    client.force_login(operator_b)
    urls = {
        "version_pdf": reverse("version_pdf", args=[version_a.pk]),
        "draft_pdf": reverse("draft_pdf", args=[version_a.submission_id]),
        "scan_upload": reverse("scan_upload", args=[version_a.pk]),
        "scan_download": reverse("scan_download", args=[scan.pk]),
        "verify": reverse("verify") + f"?code={version_a.verification_code}",
    }
    response = client.get(urls[url_name])
    assert response.status_code == 404
    assert "甲基地" not in response.content.decode(errors="ignore")


def test_operator_of_another_base_cannot_upload_a_scan(client, operator_b, version_a):
    client.force_login(operator_b)
    upload = SimpleUploadedFile("x.png", PNG)
    response = client.post(reverse("scan_upload", args=[version_a.pk]), {"file": upload})
    assert response.status_code == 404
    assert not StampedScan.objects.exists()


def test_operator_uploads_stamped_scan_and_sees_it(client, operator_a, version_a):
    client.force_login(operator_a)
    url = reverse("scan_upload", args=[version_a.pk])
    upload = SimpleUploadedFile("盖章扫描件.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {"file": upload}, follow=True)
    html = response.content.decode()
    assert "盖章扫描件已上传。" in html
    assert "盖章扫描件.pdf" in html
    stored = StampedScan.objects.get()
    assert stored.version == version_a
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    assert stored.content_type == "application/pdf"
    download = client.get(reverse("scan_download", args=[stored.pk]))
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.docx", b"PK\x03\x04rest", "请上传 PDF、JPG 或 PNG 格式的扫描件。"),
        ("scan.pdf", b"MZ\x90\x00 not really a pdf", "该文件的内容不是 .pdf 文件，已拒绝。"),
    ],
    ids=["word-file", "disguised-executable"],
)
def test_scan_that_is_not_pdf_or_image_is_refused_in_chinese(
    client, operator_a, version_a, name, content, message
):
    """Same rules as evidence, limited to scan formats; the message stands next to the field."""
    client.force_login(operator_a)
    upload = SimpleUploadedFile(name, content)
    response = client.post(reverse("scan_upload", args=[version_a.pk]), {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StampedScan.objects.exists()


@pytest.mark.parametrize("who", ["viewer_user", "reviewer_user"])
def test_staff_cannot_upload_scans(request, client, who, version_a):
    client.force_login(request.getfixturevalue(who))
    upload = SimpleUploadedFile("x.png", PNG)
    response = client.post(reverse("scan_upload", args=[version_a.pk]), {"file": upload})
    assert response.status_code == 403


def test_reviewer_records_paper_copy_received(client, reviewer_user, operator_a, version_a):
    """The date appears on the reviewer's and on the operator's scan page."""
    client.force_login(reviewer_user)
    today = timezone.localdate()
    response = client.post(
        reverse("paper_received", args=[version_a.submission_id]),
        {"received_on": today.isoformat()},
        follow=True,
    )
    assert "已登记纸质材料收到。" in response.content.decode()
    submission = version_a.submission
    submission.refresh_from_db()
    assert submission.paper_received_on == today
    assert submission.paper_received_by == reviewer_user
    client.force_login(operator_a)
    page = client.get(reverse("scan_upload", args=[version_a.pk])).content.decode()
    assert f"纸质材料已收到（{today:%Y-%m-%d}）" in page


@pytest.mark.parametrize("who", ["viewer_user", "operator_a"])
def test_only_reviewers_record_the_paper_copy(request, client, who, version_a):
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("paper_received", args=[version_a.submission_id]))
    assert response.status_code == 403
    version_a.submission.refresh_from_db()
    assert version_a.submission.paper_received_on is None


def test_paper_copy_date_in_the_future_is_refused(client, reviewer_user, version_a):
    client.force_login(reviewer_user)
    response = client.post(
        reverse("paper_received", args=[version_a.submission_id]),
        {"received_on": "2999-01-01"},
        follow=True,
    )
    assert "日期不能晚于今天。" in response.content.decode()


def test_verify_shows_version_details_and_newer_version(
    client, reviewer_user, operator_a, version_a, draft_a
):
    """Staff enter a code (any spacing or case) and see base, version, sha256, and supersession."""
    services.version_pdf_get_or_render(version=version_a)
    version_a.refresh_from_db()
    client.force_login(reviewer_user)
    code = version_a.verification_code.replace("-", " ").lower()
    html = client.get(reverse("verify"), {"code": code}).content.decode()
    assert "甲基地" in html
    assert "第 1 版" in html
    assert version_a.pdf_sha256 in html
    assert "这是最新提交的版本。" in html
    submission_return(submission=draft_a, user=reviewer_user, comment="请补充材料")
    submission_submit(submission_id=draft_a.pk, user=operator_a, declaration=True)
    html = client.get(reverse("verify"), {"code": version_a.verification_code}).content.decode()
    assert "已有更新的版本（第 2 版）：此纸质材料已被取代。" in html


def test_verify_unknown_code_says_so_in_chinese(client, reviewer_user):
    client.force_login(reviewer_user)
    response = client.get(reverse("verify"), {"code": "ABCD-EF12-3456"})
    assert response.status_code == 404
    assert "没有找到您有权查看的、带有此核验码的打印件" in response.content.decode()


def test_verify_requires_login(client, version_a):
    response = client.get(reverse("verify"), {"code": version_a.verification_code})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_reviewer_downloads_all_pdfs_as_zip(client, reviewer_user, version_a, operator_a):
    client.force_login(reviewer_user)
    response = client.get(reverse("campaign_pdfs_zip", args=[2024]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == ["AA-01-2024-V1.pdf"]
    assert archive.read("AA-01-2024-V1.pdf").startswith(b"%PDF")


def test_operator_cannot_download_the_zip(client, operator_a, version_a):
    client.force_login(operator_a)
    assert client.get(reverse("campaign_pdfs_zip", args=[2024])).status_code == 403


def test_missing_system_libraries_give_a_clear_page_not_a_500(
    client, operator_a, version_a, monkeypatch
):
    """Without Pango the PDF view says what is missing (503), in Chinese."""
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    client.force_login(operator_a)
    response = client.get(reverse("draft_pdf", args=[version_a.submission_id]))
    assert response.status_code == 503
    html = response.content.decode()
    assert "打印稿暂时无法生成" in html
    assert "libpango-1.0-0" in html
