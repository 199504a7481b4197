"""A tiny document model (headings, paragraphs, lists, tables, images) rendered to Markdown
and to a self-contained HTML page, so both formats always say the same thing."""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass(frozen=True)
class Image:
    path: str  # relative to the report file
    alt: str


Block = Heading | Paragraph | Bullets | Table | Image


NUMERALS = "一二三四五六七八九十"


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    sections: int = 0

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def section(self, text: str) -> Heading:
        """A level-2 heading numbered 一、二、三… in order of appearance."""
        self.sections += 1
        number = NUMERALS[self.sections - 1] if self.sections <= 10 else str(self.sections)
        return Heading(f"{number}、{text}")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(document: Document) -> str:
    lines = [f"# {document.title}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {block.text}", ""]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        elif isinstance(block, Bullets):
            lines += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Table):
            if block.caption:
                lines += [f"**{block.caption}**", ""]
            lines.append("| " + " | ".join(_md_cell(h) for h in block.headers) + " |")
            lines.append("|" + "|".join("---" for _ in block.headers) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
        else:
            lines += [f"![{block.alt}]({block.path})", ""]
    return "\n".join(lines).rstrip() + "\n"


STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.6; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
th { background: #f0f4fa; } td:first-child, th:first-child { text-align: left; }
caption { font-weight: bold; text-align: left; padding-bottom: 4px; }
img { max-width: 100%; margin: 0.5em 0 1.5em; }
"""


def to_html(document: Document) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{esc(document.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{esc(document.title)}</h1>",
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{esc(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{esc(item)}</li>" for item in block.items)
            parts.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            caption = f"<caption>{esc(block.caption)}</caption>" if block.caption else ""
            head = "".join(f"<th>{esc(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            parts.append(
                f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        else:
            parts.append(f'<img src="{esc(block.path)}" alt="{esc(block.alt)}">')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
