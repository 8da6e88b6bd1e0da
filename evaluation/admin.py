from django.contrib import admin

from evaluation.models import CriteriaSet, EvaluationResult


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = ["version", "year", "title", "created_at"]
    search_fields = ["version", "title"]
    readonly_fields = ["created_at"]


@admin.register(EvaluationResult)
class EvaluationResultAdmin(admin.ModelAdmin):
    list_display = ["version", "verdict", "outcome", "met", "applicable", "criteria_version",
                    "is_final", "computed_at"]  # fmt: skip
    list_filter = ["verdict", "outcome", "is_final", "criteria_version"]
    search_fields = ["version__receipt_number", "version__submission__base__name"]
    list_select_related = ["version__submission__base"]
    readonly_fields = [f.name for f in EvaluationResult._meta.fields]

    def has_add_permission(self, request):
        return False
