"""The operator's form. No base id in these URLs: they work on the signed-in operator's draft."""

from django.urls import path

from submissions.views import evidence, form

urlpatterns = [
    path("form/", form.task_list, name="task_list"),
    path("form/section/<slug:section>/", form.section, name="section"),
    path("form/section/<slug:section>/autosave/", form.section_autosave, name="section_autosave"),
    path("form/section/<slug:section>/preview/", form.preview, name="preview"),
    path("form/check/", form.check_answers, name="check_answers"),
    path("form/submit/", form.submit, name="submit"),
    path("form/receipt/<int:version_id>/", form.receipt, name="receipt"),
    path("form/evidence/", evidence.evidence, name="evidence"),
    path("form/evidence/upload/", evidence.evidence, name="evidence_upload"),
    path("form/evidence/<int:pk>/download/", evidence.evidence_download, name="evidence_download"),
    path("form/evidence/<int:pk>/delete/", evidence.evidence_remove, name="evidence_delete"),
    path("form/export.json", form.draft_export, name="draft_export"),
    path("form/import/", form.draft_import, name="draft_import"),
]
