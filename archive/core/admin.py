from django.contrib import admin, messages

from archive.core.models import Status

admin.site.site_header = "Archive of expert commentary — editors"
admin.site.site_title = "Archive editors"
admin.site.index_title = "Curate the record"


class PublishingActionsMixin:
    """Bulk status changes for anything with an editorial ``status``."""

    actions = ["publish", "send_to_review", "withdraw"]

    def _set_status(self, request, queryset, status):
        updated = queryset.exclude(status=status).update(status=status)
        self.message_user(
            request, f"{updated} marked {Status(status).label.lower()}.", messages.SUCCESS
        )

    @admin.action(description="Publish selected", permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description="Send selected to review", permissions=["change"])
    def send_to_review(self, request, queryset):
        self._set_status(request, queryset, Status.IN_REVIEW)

    @admin.action(description="Withdraw selected", permissions=["change"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Status.WITHDRAWN)
