from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from evaluation.services import campaign_rescore
from submissions.models import Base, Campaign, Membership, SubPark
from submissions.models.bases import MAX_SUB_PARKS

admin.site.site_header = _("Base annual assessment · administration")
admin.site.site_title = _("Base annual assessment")


class SubParkInline(admin.TabularInline):
    model = SubPark
    extra = 0
    max_num = MAX_SUB_PARKS


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Base)
class BaseAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "level", "batch", "district", "is_active"]
    list_filter = ["kind", "level", "batch", "district", "is_active"]
    search_fields = ["code", "name", "company_name", "company_credit_code"]
    inlines = [SubParkInline, MembershipInline]


@admin.register(SubPark)
class SubParkAdmin(admin.ModelAdmin):
    list_display = ["name", "base", "position"]
    search_fields = ["name", "base__name"]
    list_filter = ["base__kind"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "document_number", "opens_at", "deadline", "status"]
    list_filter = ["status"]
    search_fields = ["title", "document_number"]
    actions = ["rescore"]

    @admin.action(description=_("Re-score all stored results with the current benchmark"))
    def rescore(self, request, queryset):
        for campaign in queryset.select_related("criteria_set"):
            count = campaign_rescore(campaign=campaign)
            self.message_user(
                request,
                ngettext(
                    "%(campaign)s: %(count)d result re-scored.",
                    "%(campaign)s: %(count)d results re-scored.",
                    count,
                )
                % {"campaign": campaign, "count": count},
                messages.SUCCESS,
            )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "base", "created_at"]
    search_fields = ["user__username", "user__email", "base__name", "base__code"]
    list_filter = ["base__kind", "base__level"]
    autocomplete_fields = ["user", "base"]
