from django.urls import path

from submissions.views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("base/", home.operator_home, name="operator_home"),
    path("association/", home.dashboard, name="dashboard"),
]
