from django.contrib import admin

from evaluation.models import CriteriaSet


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = ["version", "year", "title", "created_at"]
    search_fields = ["version", "title"]
    readonly_fields = ["created_at"]
