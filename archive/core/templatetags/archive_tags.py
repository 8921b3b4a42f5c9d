from django import template

from archive.sources.models import Contribution, Source

register = template.Library()

ROLES = dict(Contribution.Role.choices)
COPY_KINDS = dict(Source.CopyKind.choices)


@register.filter
def role_label(value):
    """``co_author`` → ``co-author``."""
    return ROLES.get(value, value).lower()


@register.filter
def copy_kind_label(value):
    return COPY_KINDS.get(value, value)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced: ``{% query_with theme=slug %}``."""
    from archive.core.listing import url_with

    return url_with(context["request"], **changes)
