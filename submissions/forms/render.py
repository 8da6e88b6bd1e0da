"""Fast HTML for the cells of the editable tables.

Django renders every widget through the template engine; a table of 30 enterprises has some 300
widgets, which made the industry page 9× slower than a bare crispy form. These few input kinds are
built here directly, every value escaped, with the same names, ids and values as
Django's own widgets would give.
"""

from __future__ import annotations

import html

from django import forms
from django.utils.safestring import SafeString, mark_safe


def escape(value) -> str:
    # The standard library's escape (the same five characters as Django's) without Django's
    # lazy-string wrapper, which alone cost a fifth of the page with 1,300 cells.
    return html.escape(str(value), quote=True)


def _attrs(attrs: dict) -> str:
    parts = []
    for key, value in attrs.items():
        if value is True:
            parts.append(f" {key}")
        elif value not in (None, False):
            parts.append(f' {key}="{escape(value)}"')
    return "".join(parts)


def _selected(value) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)}


def render_cell(bound: forms.BoundField) -> SafeString:
    """The widget of one row field as HTML, invalid fields marked for assistive technology."""
    field = bound.field
    widget = field.widget
    base_attrs = dict(widget.attrs)
    base_attrs["name"] = bound.html_name
    base_attrs["id"] = bound.auto_id
    if bound.errors:
        base_attrs["aria-invalid"] = "true"
        base_attrs["class"] = f"{base_attrs.get('class', '')} is-invalid".strip()
    if field.disabled:
        base_attrs["disabled"] = True
    value = bound.value()
    if isinstance(widget, forms.CheckboxSelectMultiple):
        chosen = _selected(value)
        css = widget.attrs.get("class", "form-check-input")
        items = []
        for index, (code, label) in enumerate(field.choices):
            box_id = f"{bound.auto_id}_{index}"
            checked = " checked" if str(code) in chosen else ""
            disabled = " disabled" if field.disabled else ""
            items.append(
                f'<div class="form-check form-check-inline small"><input type="checkbox" '
                f'name="{escape(bound.html_name)}" value="{escape(code)}" class="{escape(css)}" '
                f'id="{escape(box_id)}"{checked}{disabled}><label class="form-check-label" '
                f'for="{escape(box_id)}">{escape(label)}</label></div>'
            )
        return mark_safe(  # noqa: S308 - every value above is escaped  # nosec B308 B703
            f'<div role="group" aria-label="{escape(bound.label)}" id="{escape(bound.auto_id)}">'
            + "".join(items)
            + "</div>"
        )
    if isinstance(widget, forms.Select):
        chosen = _selected(value)
        options = "".join(
            f'<option value="{escape(code)}"{" selected" if str(code) in chosen else ""}>'
            f"{escape(label)}</option>"
            for code, label in field.choices
        )
        base_attrs["aria-label"] = bound.label
        return mark_safe(f"<select{_attrs(base_attrs)}>{options}</select>")  # noqa: S308  # nosec B308 B703
    input_type = getattr(widget, "input_type", "text")
    text = widget.format_value(value)
    base_attrs.pop("type", None)
    base_attrs["aria-label"] = bound.label
    return mark_safe(  # noqa: S308  # nosec B308 B703
        f'<input type="{escape(input_type)}"{_attrs(base_attrs)}'
        + (f' value="{escape(text)}"' if text not in (None, "") else "")
        + ">"
    )


def row_html(form, number, *, readonly: bool, labels: dict) -> SafeString:
    """One <tr> of an editable table: number, a cell per field with its errors, the actions."""
    cells = [f'<td class="row-num" data-row-number>{number}</td>']
    for bound in form:
        errors = bound.errors
        widget = render_cell(bound)
        if bound.name == "revenue":
            widget = (f'<div class="input-group input-group-sm">{widget}'
                      '<span class="input-group-text unit">万元</span></div>')  # fmt: skip
        feedback = "".join(
            f'<div class="invalid-feedback d-block">{escape(e)}</div>' for e in errors
        )
        css = f"has-error cell-{bound.name}" if errors else f"cell-{bound.name}"
        cells.append(f'<td class="{css}">{widget}{feedback}</td>')
    if not readonly:
        buttons = []
        for attr, icon, key, extra in (
            ('data-move="up"', "bi-arrow-up", "up", ""),
            ('data-move="down"', "bi-arrow-down", "down", ""),
            ("data-remove-row", "bi-trash", "remove", " text-danger"),
        ):
            label = escape(labels[key])
            buttons.append(
                f'<button type="button" class="btn btn-link btn-sm p-0{extra}" {attr} '
                f'title="{label}"><i class="bi {icon}" aria-hidden="true"></i>'
                f'<span class="visually-hidden">{label}</span></button>'
            )
        cells.append(f'<td class="text-nowrap row-actions">{" ".join(buttons)}</td>')
    return mark_safe("<tr data-row>" + "".join(cells) + "</tr>")  # noqa: S308 - escaped above  # nosec B308 B703


def annotate_rows(formset, *, readonly: bool, labels: dict) -> None:
    """Attach the HTML of each row, of the empty template row, and the column headers."""
    formset.rows_html = [
        row_html(form, number, readonly=readonly, labels=labels)
        for number, form in enumerate(formset.forms, start=1)
    ]
    empty = formset.empty_form
    formset.template_html = row_html(empty, "", readonly=readonly, labels=labels)
    formset.headers = [b.label for b in empty]
