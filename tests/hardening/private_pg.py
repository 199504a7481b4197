"""A private PostgreSQL server for tests that stop and start it: initdb and pg_ctl run as the
`postgres` user in a temporary directory, on a free port. Never the shared server."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def unavailable_reason() -> str | None:
    """None when a private server can be run here, else why not."""
    bin_dir = _bin_dir()
    if bin_dir is None or not (bin_dir / "pg_ctl").exists():
        return "initdb/pg_ctl not found (looked in /usr/lib/postgresql/*/bin and PATH)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "there is no `postgres` user to run the server as"
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        return "running initdb as `postgres` needs root (runuser) or the postgres user"
    if os.geteuid() == 0 and _runuser() is None:
        return "runuser not found (PATH, /usr/sbin, /sbin) to run the server as `postgres`"
    return None


def _runuser() -> str | None:
    """runuser's path: PATH first, then the sbin folders a shell without them misses."""
    found = shutil.which("runuser")
    return found or next(
        (path for path in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(path)), None
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivatePostgres:
    """initdb once; `start()` / `stop()` as often as a test likes; `destroy()` at the end."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        assert bin_dir is not None
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="griddesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        user = pwd.getpwnam("postgres")
        os.chown(self.root, user.pw_uid, user.pw_gid)
        os.chmod(self.root, 0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C",
        )

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> str:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = [str(_runuser()), "-u", "postgres", "--", *command]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=120, cwd=str(self.root)
        )
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done.stdout

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=60"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """fast: connections are terminated; immediate: the server dies on the spot."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def running(self) -> bool:
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "status"]
        if os.geteuid() == 0:
            command = [str(_runuser()), "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0

    def destroy(self) -> None:
        if self.data.exists() and self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
