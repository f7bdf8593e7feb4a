"""How long processes live: SIGTERM stops a run as Ctrl-C does, and worker processes die with their parent."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import importlib
import os
import signal
import threading
import time
from collections.abc import Iterator

# prctl(2): the signal a Linux process gets when the thread that started it ends
PR_SET_PDEATHSIG = 1
# how often a worker checks that its parent is still there, where the kernel cannot tell it
PARENT_POLL_SECONDS = 1.0


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as on Ctrl-C (what is finished is kept), with exit code 143."""


class StopSignals:
    """While a run is on, Ctrl-C (SIGINT) raises KeyboardInterrupt and SIGTERM raises Terminated in the
    main thread, so that both stop the run in order instead of killing it mid-write; inside `deferred()`
    (writing one document's record) the stop waits until the block is done."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self._depth = 0
        self._pending: type[KeyboardInterrupt] | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, frame: object) -> None:
        error = Terminated if signum == signal.SIGTERM else KeyboardInterrupt
        if self._depth:
            self._pending = self._pending or error
            return
        raise error()

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """A block that a stop does not cut short: the stop is raised when it ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if not self._depth and self._pending is not None:
            pending, self._pending = self._pending, None
            raise pending()


def start_worker(parent_pid: int, initializer: str, *args: object) -> None:
    """A worker process's initializer: first ties the worker to its parent, then imports and runs
    `initializer` ("module:function"). Named, not passed, because unpickling the function itself would
    import its module, and with it spaCy: a worker whose parent was killed lived on for those seconds."""
    die_with_parent(parent_pid)
    module, _, name = initializer.partition(":")
    getattr(importlib.import_module(module), name)(*args)


def die_with_parent(parent_pid: int) -> None:
    """Makes this (worker) process end when `parent_pid` ends, even by `kill -9`: the kernel's
    parent-death signal on Linux, and a thread that watches the parent everywhere (also covering a parent
    that died before the signal was set). Ctrl-C is left to the parent, which stops the workers itself."""
    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no SIGINT on this system
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _set_parent_death_signal()
    if os.getppid() != parent_pid:
        os._exit(1)
    watcher = threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True)
    watcher.start()


def _set_parent_death_signal() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watching thread does it
        pass


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def end_processes(processes: list, grace_seconds: float = 2.0) -> None:
    """Terminates worker processes whose work nobody will collect, and waits briefly for them to go."""
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + grace_seconds
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
