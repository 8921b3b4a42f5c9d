from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "archive.authors"
    label = "authors"
