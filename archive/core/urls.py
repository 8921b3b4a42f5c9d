from django.urls import path

from archive.core import search, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
]
