"""A throwaway PostgreSQL server for the test suite and the benchmarks (a real server).

PostgreSQL refuses to run as root, so when the tests run as root the server is
initialised and started as the `postgres` user through `runuser`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def _bindir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if not candidates:
        raise RuntimeError(
            "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's postgresql package"
        )
    return Path(candidates[0]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    datadir: Path
    port: int
    bindir: Path
    as_user: str | None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/minutebook"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = _bindir()
        as_user = "postgres" if os.geteuid() == 0 else None
        base = Path(tempfile.mkdtemp(prefix="minutebook-pg-"))
        datadir = base / "data"
        if as_user:
            shutil.chown(base, user=as_user)
        server = cls(datadir=datadir, port=_free_port(), bindir=bindir, as_user=as_user)
        server._run("initdb", "-D", str(datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        server._run(
            "pg_ctl",
            "-D",
            str(datadir),
            "-l",
            str(base / "log"),
            "-w",
            "-o",
            f"-p {server.port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c jit=off",
            "start",
        )
        deadline = time.time() + 30
        import psycopg

        while True:
            try:
                with psycopg.connect(
                    f"postgresql://postgres@127.0.0.1:{server.port}/postgres", autocommit=True
                ) as conn:
                    conn.execute("CREATE DATABASE minutebook")
                break
            except psycopg.OperationalError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        return server

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.datadir.parent, ignore_errors=True)
