"""GeoReport v2 bodies in the format a URL asks for: `.json` or `.xml`, as the specification
names their elements (a list of objects in JSON; a root element of items in XML)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree

from aiohttp import web

XML_TYPE = "text/xml"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(tag: str, value: Any) -> ElementTree.Element:
    element = ElementTree.Element(tag)
    if isinstance(value, Mapping):
        for key, inner in value.items():
            element.append(_element(key, inner))
    elif isinstance(value, list):
        singular = tag[:-1] if tag.endswith("s") else "item"
        for inner in value:
            element.append(_element(singular, inner))
    else:
        element.text = _text(value)
    return element


def xml_body(root: str, item: str, items: Sequence[Mapping[str, Any]]) -> bytes:
    """<root><item>…</item>…</root> with an XML declaration."""
    element = ElementTree.Element(root)
    for value in items:
        element.append(_element(item, value))
    return ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)


def respond(fmt: str, root: str, item: str, items: Sequence[Mapping[str, Any]],
            status: int = 200) -> web.Response:
    """A list of items (services, requests, errors) as JSON or XML."""
    if fmt == "xml":
        return web.Response(body=xml_body(root, item, items), status=status,
                            content_type=XML_TYPE, charset="utf-8")
    return web.json_response(list(items), status=status, dumps=_dumps)


def respond_one(fmt: str, root: str, value: Mapping[str, Any]) -> web.Response:
    """One object (a service definition): the object in JSON, the root element in XML."""
    if fmt == "xml":
        body = ElementTree.tostring(_element(root, value), encoding="utf-8",
                                    xml_declaration=True)
        return web.Response(body=body, content_type=XML_TYPE, charset="utf-8")
    return web.json_response(dict(value), dumps=_dumps)


def errors(fmt: str, status: int, description: str) -> web.Response:
    """The specification's error body: [{"code": …, "description": …}]."""
    return respond(fmt, "errors", "error", [{"code": status, "description": description}],
                   status=status)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
