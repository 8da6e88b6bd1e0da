from django.urls import include, path

from submissions.views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("base/", home.operator_home, name="operator_home"),
    path("association/", home.dashboard, name="dashboard"),
    path("", include("submissions.urls_operator")),
    path("", include("submissions.urls_print")),
    path("", include("submissions.urls_review")),
]
