"""Pytest fixtures that start the aerogate gateway on a free loopback port for the client tests."""

import json
import os
import pathlib
import queue
import signal
import subprocess
import sys
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
# The generated package is importable from gen/python without installing it.
sys.path.insert(0, str(ROOT / "gen" / "python"))

START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 20


def _read_address(stdout, found: "queue.Queue[str | None]") -> None:
    """Reports the address from the gateway's "listening" log line, then drains stdout."""
    reported = False
    for line in stdout:
        if reported:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("msg") == "listening" and entry.get("address"):
            found.put(entry["address"])
            reported = True
    if not reported:
        found.put(None)


@pytest.fixture(scope="session")
def gateway_address():
    """The host:port of a running gateway: AEROGATE_ADDRESS when set, else one started here."""
    preset = os.environ.get("AEROGATE_ADDRESS")
    if preset:
        yield preset
        return
    proc = subprocess.Popen(
        ["node", "bin/aerogate.js", "serve", "--listen", "127.0.0.1:0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    found: "queue.Queue[str | None]" = queue.Queue()
    threading.Thread(target=_read_address, args=(proc.stdout, found), daemon=True).start()
    try:
        address = found.get(timeout=START_TIMEOUT_S)
    except queue.Empty:
        address = None
    if address is None:
        proc.kill()
        proc.wait()
        pytest.fail("the gateway did not log a \"listening\" line", pytrace=False)
    try:
        yield address
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
