"""`griddesk demo --console` plays the built-in script, then serves the console on the demo
database with sign-in links printed."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

GRIDDESK = str(Path(sys.executable).with_name("griddesk"))
LINK = re.compile(r"TBH-TF: (http://\S+)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_demo_console_serves_the_demo_database_with_a_sign_in_link(tmp_path: Path) -> None:
    port = free_port()
    out = tmp_path / "out.txt"
    with out.open("w") as sink:
        process = subprocess.Popen(
            [GRIDDESK, "demo", "--console", "--port", str(port)],
            cwd=tmp_path, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while not (found := LINK.search(out.read_text(encoding="utf-8"))):
            assert process.poll() is None, out.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "no sign-in link printed"
            time.sleep(0.5)
        link = found.group(1)
        token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        opener.open(link.split("?")[0] + "?" + urllib.parse.urlencode({"token": token}))
        opener.open(link.split("?")[0], data=urllib.parse.urlencode({"token": token}).encode())
        page = opener.open(f"http://127.0.0.1:{port}/console/").read().decode()
        total = re.search(r'id="total">(\d+)<', page)
        assert total is not None and int(total.group(1)) > 0  # the script's tickets
        assert (tmp_path / "griddesk-demo.db").exists()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
