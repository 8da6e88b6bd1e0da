"""Every named URL pattern the resolver knows, with its converters, for the access matrix."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str
    namespace: str
    params: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return f"{self.namespace}:{self.name}" if self.namespace else self.name


def walk(patterns=None, namespace: str = "", params: tuple[str, ...] = ()) -> list[Route]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    routes: list[Route] = []
    for entry in patterns:
        own = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns == "admin":
                continue  # Django's admin: covered by its own permission system and tests
            routes += walk(entry.url_patterns, ns, params + own)
        elif isinstance(entry, URLPattern) and entry.name:
            routes.append(Route(entry.name, namespace, params + own))
    return routes
