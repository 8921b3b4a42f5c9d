from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "archive.claims"
    label = "claims"
