from django.urls import path

from submissions.views import printing

urlpatterns = [
    path("submission/version/<int:version_id>/pdf/", printing.version_pdf, name="version_pdf"),
    path("submission/<int:submission_id>/draft/pdf/", printing.draft_pdf, name="draft_pdf"),
    path("verify/", printing.verify, name="verify"),
    path("submission/version/<int:version_id>/scan/", printing.scan_upload, name="scan_upload"),
    path("scan/<int:scan_id>/", printing.scan_download, name="scan_download"),
    path(
        "submission/<int:submission_id>/paper-received/",
        printing.paper_received,
        name="paper_received",
    ),
    path("campaign/<int:year>/pdfs.zip", printing.campaign_pdfs_zip, name="campaign_pdfs_zip"),
]
