from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "archive.sources"
    label = "sources"
