from django.apps import AppConfig


class QuotesConfig(AppConfig):
    name = "archive.quotes"
    label = "quotes"
