from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "Archive"
    name = "archive.core"
    label = "core"
