"""Routing benchmark: a varied synthetic corpus, routing vs bare `jieba.lcut`, start-up, memory.

Prints figures only; nothing here asserts a time (see `griddesk bench route`).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.config.schema import GridDeskConfig

_PROBLEMS = (
    "楼上卫生间漏水，天花板一直往下滴",
    "家里又停水了，也没个通知",
    "暖气一点都不热，屋里才十几度",
    "电梯坏了好几天了，老人只能爬楼",
    "电梯卡在两层中间，里面关着人",
    "楼道灯坏了一个月没人修",
    "物业费涨了也不公示",
    "单元门门禁坏了谁都能进",
    "垃圾桶满了好几天没人清，臭得很",
    "楼下装修垃圾堆成山了",
    "有人从窗户拉电线给电动车充电",
    "充电桩坏了一半，晚上抢不到",
    "门口的路灯晚上不亮",
    "路灯白天一直亮着",
    "路面有个大坑，差点摔倒",
    "井盖松了，一踩就翘",
    "小区门口车乱停，堵得出不去",
    "有辆车停了一年多没动过",
    "消防通道被私家车堵死了",
    "楼道里堆满纸箱和旧家具",
    "灭火器都过期了",
    "一楼住户在绿地上私搭了个棚子",
    "顶楼加盖了一间彩钢房",
    "广场舞音响开到晚上十点",
    "楼上半夜还在装修砸墙",
    "KTV唱到凌晨三点",
    "邻居占了我家车位还骂人，想请社区调解",
    "楼上漏水把我家泡了不肯赔",
    "老板拖欠了三个月工资",
    "在工地受了伤，老板不给算工伤",
    "楼下的狗天天晚上叫",
    "遛狗不拴绳，吓到孩子了",
    "门口的大树枯死了，怕倒下来",
    "草坪好久没人修剪，杂草老高",
    "接到诈骗电话让转账到安全账户",
    "车棚里电动车被偷了两辆",
    "有人在出租屋里聚众赌博",
    "独居老人腿脚不好，想申请助餐服务",
    "想问一下低保怎么申请",
    "网格员服务特别好，想表扬一下",
    "建议小区多放几张长椅",
    "楼道里一股很冲的煤气味",
    "三楼窗户往外冒黑烟",
    "不是停水，是水压太低了",
    "上次漏水已经修好了，这次是墙皮掉了",
    "以前着过火，现在楼道又堆满杂物",
)
_DETAILS = (
    "",
    "",
    "已经好几天了",
    "家里有老人和孩子",
    "物业一直说马上来，到现在也没人来",
    "反映过好几次了",
    "晚上下班回来才发现",
    "邻居们都有意见",
    "这个问题去年就有过",
    "打了热线电话也没有下文",
    "老人腿脚不好，上下楼很不方便，孩子也害怕",
)
_SUFFIXES = (
    "",
    "，麻烦尽快处理",
    "，希望社区管一管",
    "！！",
    "，谢谢",
    "，都反映好几次了",
    "。家里老人孩子都怕，物业说等等，一直拖着，也没有个准信，请网格员来看看吧",
)
_BUILDING_FORMS = ("{n}号楼", "{n}栋", "{n}幢", "第{n}幢", "{n}#", "{n}-2-301", "{n}号楼3单元")


def corpus(config: GridDeskConfig, size: int = 3000, seed: int = 7) -> list[str]:
    """`size` varied complaints: every community alias, building form, both scripts, lengths."""
    from nlp.normalize import to_script

    rng = random.Random(seed)
    names = [name for _, c in config.district.communities() for name in (c.name, *c.aliases)]
    texts = []
    for index in range(size):
        place = ""
        if rng.random() < 0.8:
            place = rng.choice(names)
            if rng.random() < 0.7:
                place += rng.choice(_BUILDING_FORMS).format(n=rng.randint(1, 22))
        detail = rng.choice(_DETAILS)
        text = place + rng.choice(_PROBLEMS) + (f"，{detail}" if detail else "")
        text += rng.choice(_SUFFIXES)
        if rng.random() < 0.15:
            text += "，" + rng.choice(_PROBLEMS)
        if rng.random() < 0.05:  # the long tail: a story of several sentences
            text += "。" + "，".join(rng.sample(_DETAILS[2:], 4)) + "。" + rng.choice(_PROBLEMS)
        if index % 7 == 0:
            text = to_script(text, "hant")
        texts.append(text)
    return texts


@dataclass(frozen=True)
class Timing:
    per_text_us: float
    total_s: float


def compare(
    first: Callable[[str], object],
    second: Callable[[str], object],
    texts: list[str],
    rounds: int = 5,
    chunk: int = 50,
) -> tuple[Timing, Timing]:
    """CPU time of two functions over `texts`, interleaved chunk by chunk (so a busy machine
    slows both alike); the best of `rounds` passes of each."""
    best = [float("inf"), float("inf")]
    for round_index in range(rounds):
        totals = [0.0, 0.0]
        for start in range(0, len(texts), chunk):
            part = texts[start : start + chunk]
            order = (0, 1) if (round_index + start // chunk) % 2 == 0 else (1, 0)
            for which in order:
                function = first if which == 0 else second
                began = time.process_time()
                for text in part:
                    function(text)
                totals[which] += time.process_time() - began
        best = [min(best[0], totals[0]), min(best[1], totals[1])]
    return (
        Timing(best[0] / len(texts) * 1e6, best[0]),
        Timing(best[1] / len(texts) * 1e6, best[1]),
    )


_CHILD = r"""
import sys, time, json
start = time.perf_counter()
from pathlib import Path
from models.config.loader import load_config
from nlp.router import Router
config_dir = sys.argv[1] or None
config = load_config(config_dir)
rules = Path(config_dir) / "rules.yaml" if config_dir else None
router = Router.from_config(config, rules if rules and rules.exists() else None)
router.route("明德花园5号楼楼道灯坏了")
print("ready", flush=True)
from bench.route import corpus
for text in corpus(config, int(sys.argv[2])):
    router.route(text)
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
print(json.dumps({"rss_kb": int(status.get("VmRSS", "0 kB").split()[0]),
                  "hwm_kb": int(status.get("VmHWM", "0 kB").split()[0])}), flush=True)
"""


@dataclass(frozen=True)
class ProcessFigures:
    ready_s: list[float]
    rss_mb: float
    peak_mb: float


def measure_process(config_dir: Path | None, count: int, runs: int = 3) -> ProcessFigures:
    """Fresh interpreters: wall time from spawn to first routed complaint, then memory."""
    ready: list[float] = []
    rss = peak = 0.0
    root = str(Path(__file__).resolve().parents[1])
    for _ in range(runs + 1):  # the first run only makes sure the cache is warm
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(config_dir or ""), str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        elapsed = time.perf_counter() - start
        output, errors = child.communicate()
        if first.strip() != "ready" or child.returncode != 0:
            raise RuntimeError(f"benchmark child failed: {errors.strip()[-500:]}")
        ready.append(elapsed)
        memory = json.loads(output.strip().splitlines()[-1])
        rss, peak = memory["rss_kb"] / 1024, memory["hwm_kb"] / 1024
    return ProcessFigures(ready[1:], rss, peak)


def run(
    config: GridDeskConfig, config_dir: Path | None, count: int, echo: Callable[[str], None]
) -> None:
    """The whole benchmark, printing as it goes."""
    import jieba

    from nlp.router import Router

    rules = config_dir / "rules.yaml" if config_dir else None
    start = time.perf_counter()
    router = Router.from_config(config, rules if rules and rules.exists() else None)
    build_s = time.perf_counter() - start
    texts = corpus(config, count)
    jieba.setLogLevel(30)
    jieba.initialize()
    for text in texts[:200]:
        jieba.lcut(text)
        router.route(text)
    bare, full = compare(jieba.lcut, router.route, texts)
    ratio = full.per_text_us / bare.per_text_us
    echo(
        f"corpus: {len(texts)} complaints, {statistics.mean(map(len, texts)):.0f} characters "
        "on average (both scripts, every address form)"
    )
    echo(f"router built in-process in {build_s:.2f} s")
    echo("CPU time, interleaved in chunks of 50, best of 5 passes:")
    echo(f"bare jieba.lcut:  {bare.per_text_us:8.1f} µs per complaint ({bare.total_s:.2f} s)")
    echo(f"full routing:     {full.per_text_us:8.1f} µs per complaint ({full.total_s:.2f} s)")
    echo(f"routing / segmentation ratio: {ratio:.2f}x (target ≤ 1.5x)")
    figures = measure_process(config_dir, count)
    echo(
        "ready to route from process start, warm cache: "
        + ", ".join(f"{s:.2f}" for s in figures.ready_s)
        + f" s (best {min(figures.ready_s):.2f} s; target < 1.5 s)"
    )
    echo(
        f"resident memory after routing {count} complaints: {figures.rss_mb:.0f} MB "
        f"(peak {figures.peak_mb:.0f} MB; target < 250 MB)"
    )
