"""The association's workspace (issue 6)."""

from django.urls import path

from submissions.views import review

urlpatterns = [
    path("association/submissions/", review.review_list, name="review_list"),
    path("association/submissions/<int:pk>/", review.review_detail, name="review_detail"),
    path("association/submissions/<int:pk>/return/", review.review_return, name="review_return"),
    path("association/submissions/<int:pk>/accept/", review.review_accept, name="review_accept"),
    path("association/submissions/<int:pk>/comment/", review.review_comment, name="review_comment"),
    path(
        "association/submissions/<int:pk>/decision/",
        review.review_decision,
        name="review_decision",
    ),
    path(
        "association/submissions/<int:pk>/evidence/<int:evidence_pk>/",
        review.review_evidence,
        name="review_evidence",
    ),
    path("association/submissions/<int:pk>/paper/", review.review_paper, name="review_paper"),
    path(
        "association/submissions/<int:pk>/diff/",
        review.review_version_diff,
        name="review_version_diff",
    ),
    path("association/bases/<int:pk>/extension/", review.grant_extension, name="grant_extension"),
    path("association/reminders/", review.send_reminders, name="send_reminders"),
    path("association/export.xlsx", review.export_xlsx, name="export_xlsx"),
    path("association/export.csv", review.export_csv, name="export_csv"),
    path("association/results/", review.results, name="results"),
    path("association/statistics/", review.statistics, name="statistics"),
    path("association/admin-history/", review.admin_history, name="admin_history"),
]
