"""基地基本情况: the base's contact details (its profile and sub-parks are set by the association)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms

from submissions.models import Base


class BasicForm(forms.ModelForm):
    qualitative: tuple[str, ...] = ()

    class Meta:
        model = Base
        fields = ["address", "contact_name", "contact_phone", "contact_email"]

    def __init__(self, *args, readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True
            field.disabled = readonly
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def valid_values(self) -> dict:
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and name not in self.errors
        }
