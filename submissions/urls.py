from django.urls import include, path

from submissions.views import dashboard, home

urlpatterns = [
    path("", home.home, name="home"),
    path("session/keepalive/", home.session_keepalive, name="session_keepalive"),
    path("base/", home.operator_home, name="operator_home"),
    path("association/", dashboard.dashboard, name="dashboard"),
    path("", include("submissions.urls_operator")),
    path("", include("submissions.urls_print")),
    path("", include("submissions.urls_review")),
]
