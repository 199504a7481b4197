"""Import aiogram with its pydantic schemas built on first use instead of all at import time.

aiogram 3 declares its types and methods with `defer_build=True`, but `aiogram.types` then calls
`model_rebuild()` on every type to resolve forward references, and that builds every validator
and serializer at once: about 100 MB of a bot process's memory, most of it for types the bot
never receives or sends (docs/performance.md). Here that loop is skipped and the names it would
have passed are put into each aiogram module's namespace instead, which is where pydantic looks
when it builds a deferred model the first time it is used. Models the bot always needs are built
at start-up by `build_models` so that the first update is not slower than the others.

If aiogram was imported before `import_aiogram_lazily` runs, nothing changes (eager schemas).
"""

from __future__ import annotations

import logging
import sys
import typing
from typing import Any

from pydantic import BaseModel

_AIOGRAM = "aiogram."
log = logging.getLogger("griddesk.aiogram")


def import_aiogram_lazily() -> bool:
    """Import aiogram with deferred schemas; False if it had been imported already (eagerly),
    or if the deferred import failed (an aiogram or pydantic release that works differently:
    aiogram is then imported the ordinary way, with a warning)."""
    if "aiogram" in sys.modules:
        return False
    try:
        _import_deferred()
        build_models([sys.modules["aiogram.types"].Update])  # proves the names resolve
    except Exception:
        log.warning("aiogram's schemas could not be deferred; importing it eagerly",
                    exc_info=True)
        for name in [name for name in sys.modules if name == "aiogram" or
                     name.startswith(_AIOGRAM)]:
            del sys.modules[name]
        import aiogram  # noqa: F401
        return False
    return True


def _import_deferred() -> None:
    original = BaseModel.__dict__["model_rebuild"]

    def rebuild_unless_aiogram_import(
        cls: type[BaseModel],
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        if _types_namespace is not None and not force and cls.__module__.startswith(_AIOGRAM):
            return None  # aiogram.types' import-time loop: leave the model deferred
        return typing.cast(bool | None, original.__func__(
            cls, force=force, raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,
            _types_namespace=_types_namespace,
        ))

    BaseModel.model_rebuild = classmethod(rebuild_unless_aiogram_import)  # type: ignore[assignment,method-assign]
    try:
        import aiogram
        import aiogram.methods
        import aiogram.types
    finally:
        BaseModel.model_rebuild = original  # type: ignore[method-assign]
    _publish_forward_names(aiogram.types)


def _publish_forward_names(types_package: Any) -> None:
    """Give every aiogram module the names aiogram's own rebuild loop would have passed."""
    from aiogram.client.default import Default

    names: dict[str, Any] = {
        "List": list, "Optional": typing.Optional, "Union": typing.Union,
        "Literal": typing.Literal, "Default": Default,
    }
    names.update({name: getattr(types_package, name) for name in types_package.__all__})
    for module_name, module in list(sys.modules.items()):
        if module is not None and module_name.startswith(_AIOGRAM):
            for name, value in names.items():
                module.__dict__.setdefault(name, value)


def build_models(models: typing.Iterable[type[BaseModel]]) -> None:
    """Build the schemas of `models` now (no-op for models already built)."""
    for model in models:
        model.model_rebuild()

