"""The `griddesk route` JSON Lines contract, `route-eval`, and the `bench route` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.cli import bench_group, route_eval
from bench.route import compare, corpus
from bot.cli.commands.route_cmd import route
from models.config.loader import BUNDLED_DEMO
from models.config.schema import GridDeskConfig
from nlp.router import CONTRACT_KEYS
from tests.nlp.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]


def run_route(lines: list[str] | bytes, *args: str) -> tuple[int, list[dict[str, object]]]:
    data = lines if isinstance(lines, bytes) else ("\n".join(lines) + "\n").encode("utf-8")
    result = CliRunner().invoke(route, ["--config", str(BUNDLED_DEMO), *args], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, [json.loads(line) for line in result.output.splitlines()]


def test_contract_fields_and_order(cache_directory: Path) -> None:
    code, out = run_route(
        [
            json.dumps(
                {"id": "a1", "text": "明德花园5号楼楼道灯坏了", "location": None},
                ensure_ascii=False,
            ),
            json.dumps(
                {
                    "id": 2,
                    "text": "这条路上的路灯全灭了",
                    "location": {"lat": 35.3425, "lon": 116.6360},
                },
                ensure_ascii=False,
            ),
            json.dumps({"id": None, "text": "頌運水庭8棟頂樓，一下雨屋頂就漏"}, ensure_ascii=False),
        ]
    )
    assert code == 0
    assert [item["id"] for item in out] == ["a1", 2, None]
    for item in out:
        assert tuple(item) == ("id", *CONTRACT_KEYS)
    assert out[0]["category"] == "property_service" and out[0]["grid"] == "MDHY-01"
    assert out[0]["building"] == 5 and out[0]["needs_review"] is False
    assert out[1]["community"] == "JDXC" and out[1]["grid"] == "JDXC-02"
    assert out[1]["building"] is None and out[1]["script"] == "hans"
    assert out[2]["script"] == "hant" and out[2]["category"] == "water_leak"
    assert isinstance(out[0]["keywords"], list) and isinstance(out[0]["confidence"], float)


def test_bad_lines_give_per_line_errors(cache_directory: Path) -> None:
    code, out = run_route(
        [
            "not json",
            '{"id": 7, "text": ',
            "[1, 2]",
            '{"id": 3}',
            '{"id": 4, "text": 5}',
            '{"id": 5, "text": "漏水", "location": {"lat": 999, "lon": 116.6}}',
            '{"id": 6, "text": "漏水", "location": "here"}',
            '{"id": 8, "text": "漏水", "location": {"lat": "35", "lon": 116.6}}',
            "",
            "   ",
            '{"id": 9, "text": "电梯又坏了"}',
        ]
    )
    assert code == 0
    assert [item["id"] for item in out] == [None, 7, None, 3, 4, 5, 6, 8, 9]
    assert all("error" in item for item in out[:8])
    assert "invalid JSON" in str(out[0]["error"])
    assert "out of range" in str(out[5]["error"])
    assert out[8]["category"] == "elevator"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀🙏",
        "\u0000\u0007楼道灯坏了",
        "漏水" * 10_000,
        "明德花園5号楼楼道燈坏了 broken light",
    ],
)
def test_bad_text_gives_a_clear_result(cache_directory: Path, text: str) -> None:
    code, out = run_route([json.dumps({"id": 1, "text": text})])
    assert code == 0 and len(out) == 1
    assert out[0]["category"] and 0 <= float(str(out[0]["confidence"])) <= 1


def test_invalid_utf8_and_lone_surrogates(cache_directory: Path) -> None:
    data = (
        b'{"id": 1, "text": "\xff\xfe"}\n'
        b'{"id": "\\ud83d", "text": "\\ud83d\xe6\xbc\x8f\xe6\xb0\xb4"}\n'
    )
    code, out = run_route(data)
    assert code == 0
    assert out[0] == {"id": None, "error": "line 1 is not valid UTF-8"}
    assert out[1]["category"] == "water_leak"


def test_explain_adds_the_reasons(cache_directory: Path) -> None:
    _, out = run_route(
        [json.dumps({"id": 1, "text": "楼道里一股很冲的煤气味"}, ensure_ascii=False)], "--explain"
    )
    assert out[0]["urgent"] is True and out[0]["emergency_numbers"] == ["119", "gas"]
    rules = out[0]["rules"]
    assert isinstance(rules, list) and any("紧急" in line for line in rules)


def test_bad_config_directory_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(route, ["--config", str(tmp_path)], input=b"")
    assert result.exit_code == 2


def test_route_eval_report(cache_directory: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    lines = (DATA / "dev-complaints.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    sample.write_text("\n".join([*lines, "oops"]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(route_eval, [str(sample), "--config", str(BUNDLED_DEMO)])
    assert result.exit_code == 0, result.output
    for needle in (
        "cases: 20",
        "category accuracy",
        "macro-F1",
        "community+grid exact",
        "urgent recall",
        "review rate",
        "per-category recall",
    ):
        assert needle in result.output


def test_bench_route_is_in_the_bench_group() -> None:
    assert "route" in bench_group.commands
    result = CliRunner().invoke(bench_group, ["route", "--help"])
    assert result.exit_code == 0 and "jieba.lcut" in result.output


def test_bench_corpus_and_timing(demo_config: GridDeskConfig) -> None:
    texts = corpus(demo_config, 300)
    assert len(texts) == 300 and texts == corpus(demo_config, 300)
    assert len(set(texts)) > 250
    assert any("號" in text or "樓" in text for text in texts)  # both scripts
    first, second = compare(len, str.upper, texts, rounds=1)
    assert first.total_s >= 0 and second.per_text_us >= 0


def test_installed_command_line(cache_directory: Path) -> None:
    request = json.dumps({"id": 1, "text": "济东新村3#楼暖气一点都不热"}, ensure_ascii=False)
    done = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "route"],
        input=request + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["category"], result["grid"]) == ("utilities", "JDXC-01")


def test_explain_shows_the_frame_the_switch_and_the_question(cache_directory: Path) -> None:
    lines = [
        {"id": 1, "text": "我姥爷有点痴呆，上午出门到现在还没回家"},
        {"id": 2, "text": "去年楼道里起火以后，杂物到现在还没人清"},
        {"id": 3, "text": "我妈刚才在楼梯上摔了一跤"},
    ]
    _, out = run_route([json.dumps(line, ensure_ascii=False) for line in lines], "--explain")
    assert out[0]["urgent"] is True and out[0]["urgent_frames"] == ["missing"]
    assert any("紧急（missing）" in line for line in out[0]["rules"])
    assert out[1]["urgent"] is False
    assert any("不算紧急" in line and "过去" in line for line in out[1]["rules"])
    assert out[2]["urgent"] == "ask" and out[2]["urgent_frames"] == ["fallen"]
    assert any("可能紧急（fallen）" in line for line in out[2]["rules"])
