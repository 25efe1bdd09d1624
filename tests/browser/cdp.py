"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (standard library only).

Chromium reads NUL-terminated JSON commands on file descriptor 3 and writes replies and events on 4. No
network port, no websocket library, nothing downloaded: Debian's ``chromium`` package is all it needs.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-extensions", "--disable-sync", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-pipe")


def chromium() -> str | None:
    """The Chromium executable, or ``None`` when it is not installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium and one page in it, driven over the DevTools pipe."""

    def __init__(self, process: subprocess.Popen[bytes], send: int, receive: int) -> None:
        self.process, self.send_fd, self.receive_fd = process, send, receive
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        """Send one command (to the page once attached) and wait for its reply; events are kept."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session is not None and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 30) -> dict[str, Any]:
        """Wait for an event (or take it if it already came)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, seen in enumerate(self.events):
                if seen["method"] == event:
                    return self.events.pop(index)
            reply = self._read(deadline)
            if "method" in reply:
                self.events.append(reply)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.receive_fd, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return dict(json.loads(message))

    def open(self, url: str) -> None:
        """Open a page, attach to it, enable the domains the checks use and load ``url``."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM", "CSS"):
            self.call(f"{domain}.enable")
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Script errors and console errors seen so far."""
        found = [json.dumps(e["params"].get("exceptionDetails", {}), ensure_ascii=False)
                 for e in self.events if e["method"] == "Runtime.exceptionThrown"]
        found += [e["params"]["entry"].get("text", "") for e in self.events
                  if e["method"] == "Log.entryAdded" and e["params"]["entry"].get("level") == "error"]
        found += [json.dumps(e["params"].get("args", []), ensure_ascii=False) for e in self.events
                  if e["method"] == "Runtime.consoleAPICalled" and e["params"].get("type") == "error"]
        return found

    def viewport(self, width: int, height: int = 900, *, mobile: bool = False, media: str = "screen") -> None:
        """Set the window size and the CSS media type (``screen`` or ``print``)."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)
        self.call("Emulation.setEmulatedMedia", media=media)

    def screenshot(self, path: Path, *, full: bool = True) -> None:
        """A PNG of the whole page (``full``) or of the window."""
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full)["data"]
        path.write_bytes(base64.b64decode(data))

    def pdf(self, path: Path) -> bytes:
        """The page printed to an A4 PDF (the page's own @page size wins)."""
        data = self.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, preferCSSPageSize=True,
                         printBackground=True, timeout=60)["data"]
        pdf = base64.b64decode(data)
        path.write_bytes(pdf)
        return pdf

    def fonts(self, selector: str) -> list[dict[str, Any]]:
        """The faces the browser actually drew an element's text with (family and glyph count)."""
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        return list(self.call("CSS.getPlatformFontsForNode", nodeId=node)["fonts"])


@contextmanager
def browser(executable: str) -> Iterator[Browser]:
    """A headless Chromium with a throw-away profile, closed afterwards."""
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()

    def wire() -> None:  # in the child: the pipe ends on fds 3 and 4, as --remote-debugging-pipe expects
        high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
        high_write = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
        os.dup2(high_read, 3)
        os.dup2(high_write, 4)

    with tempfile.TemporaryDirectory(prefix="eduplan-chromium-") as profile:
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"], preexec_fn=wire,  # noqa: PLW1509
            pass_fds=(3, 4), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(replies_write)
        client = Browser(process, commands_write, replies_read)
        try:
            yield client
        finally:
            with suppress(OSError, RuntimeError, TimeoutError):
                client.call("Browser.close", timeout=5)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            os.close(commands_write)
            os.close(replies_read)


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF (counting its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
