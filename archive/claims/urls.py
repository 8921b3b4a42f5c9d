from django.urls import path

from archive.claims import views

app_name = "claims"
urlpatterns = [
    path("", views.ClaimListView.as_view(), name="list"),
    path("<slug:slug>/", views.ClaimDetailView.as_view(), name="detail"),
]
