"""Two bases, their operators, staff, and base A's submission in the state a test asks for."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions.demo_data import fill_submission
from submissions.services.submit import submission_get_or_create, submission_submit

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def minimal_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(db, campaign, base_a, base_b, operator_a, operator_b, reviewer_user, viewer_user,
          admin_user):  # fmt: skip
    from submissions.services.evidence import evidence_upload

    draft_a = fill_submission(submission_get_or_create(base=base_a, campaign=campaign))
    evidence = evidence_upload(
        submission_id=draft_a.pk, user=operator_a, indicator="17",
        upload=SimpleUploadedFile("入驻率台账.png", PNG, content_type="image/png"),
    )  # fmt: skip
    return {
        "campaign": campaign, "base_a": base_a, "base_b": base_b, "submission": draft_a,
        "evidence": evidence, "users": {
            "operator_a": operator_a, "operator_b": operator_b, "reviewer": reviewer_user,
            "viewer": viewer_user, "admin": admin_user,
        },
    }  # fmt: skip


def submit_a(world):
    from submissions.services.printing import stamped_scan_upload

    submission = world["submission"]
    version = submission_submit(
        submission_id=submission.pk, user=world["users"]["operator_a"], declaration=True
    )
    scan = stamped_scan_upload(
        version=version, user=world["users"]["operator_a"],
        uploaded=SimpleUploadedFile("盖章件.pdf", minimal_pdf(), content_type="application/pdf"),
    )  # fmt: skip
    world.update(version=version, scan=scan)
    submission.refresh_from_db()
    return world
