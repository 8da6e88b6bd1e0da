"""Read a page's main POST form the way a browser would submit it (used by load and fuzz tests)."""

from html.parser import HTMLParser


class FormParser(HTMLParser):
    """Collects the fields of every POST form on the page, form by form."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.in_form = True
            self.forms.append([])
            return
        if not self.in_form:
            return
        fields = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "reset"):
                fields.append((name, a.get("value") or ""))
        elif tag == "textarea" and name:
            self.textarea = name
            fields.append((name, ""))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in a:
            fields.append((self.select, a.get("value", "")))

    def handle_data(self, data):
        if self.in_form and self.textarea and self.forms[-1][-1][0] == self.textarea:
            name, value = self.forms[-1][-1]
            self.forms[-1][-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_fields(html: str) -> list[tuple[str, str]]:
    """The fields of the page's main form: the POST form with the most fields."""
    parser = FormParser()
    parser.feed(html)
    return max(parser.forms, key=len, default=[])
