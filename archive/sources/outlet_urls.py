from django.urls import path

from archive.sources import views

app_name = "outlets"
urlpatterns = [
    path("<slug:slug>/", views.OutletDetailView.as_view(), name="detail"),
]
