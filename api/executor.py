"""Running queries where they can be stopped: worker processes that are killed at the time limit.

pyoxigraph's ``Store.query`` cannot be interrupted from Python, and a thread cannot be
killed, so a query that ran past its limit in-process would keep a core busy for minutes
after the client got its error. Queries therefore run in other processes:

- ``oxigraph:PATH`` — a small pool of worker processes (spawned, not forked), each reading
  a checkpoint of the store opened read-only. A job goes down a pipe; when the limit passes
  the worker is killed (SIGKILL) and a fresh one takes its place. After a write the pool
  takes a new checkpoint and workers re-open it before their next job. Round trip ≈ 0.2 ms,
  a new worker ≈ 0.2 s.
- ``memory:`` — a forked child per query: the child sees the parent's in-memory store
  (copy-on-write, so it also reads a consistent snapshot) and is killed at the limit.
  ≈ 5 ms per query.
- ``sparql:URL`` — the work is on the remote server; the query runs in a thread with the
  time limit applied to the wait, and the local CPU is only waiting on a socket.

All three expose ``async run(job, timeout)`` and raise ``graph.errors.QueryTimeout``.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import shutil
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import anyio
import anyio.to_thread

from api.jobs import NamedJob, ReadOnlyOxigraph, RowsAnswer, SparqlAnswer, SparqlJob, run_job
from graph.errors import GraphError, QueryTimeout, StoreError
from graph.store import Store

log = logging.getLogger("policykg.executor")

Job = SparqlJob | NamedJob
MAX_DEATHS = 5  # workers in a row that die by themselves before the pool stops replacing them
Answer = SparqlAnswer | RowsAnswer


class Executor(Protocol):
    """Evaluates jobs under a time limit."""

    async def run(self, job: Job, timeout: float) -> Answer:
        """The job's answer, or ``QueryTimeout`` once ``timeout`` seconds have passed."""
        ...

    def invalidate(self) -> None:
        """The store was written: later jobs must see the new data."""
        ...

    def close(self) -> None:
        """Stop every worker."""
        ...


def make_executor(store: Store, workers: int = 2, timeout: float = 10.0) -> Executor:
    """The executor that fits ``store``'s backend (see the module docstring)."""
    spec = getattr(store, "spec", "")
    if spec.startswith("oxigraph:") and hasattr(store, "path"):
        return ProcessPool(store, size=workers, grace=2 * timeout + 5)
    if spec.startswith("memory:") and "fork" in mp.get_all_start_methods():
        return ForkPerQuery(store, concurrency=max(2, workers * 2))
    return ThreadRunner(store)


def _pack_error(exc: BaseException) -> BaseException:
    """An exception safe to send back: ours as they are, anything else without its text."""
    if isinstance(exc, GraphError):
        return exc
    log.error("query worker failed: %r", exc)
    return StoreError("query evaluation failed")


# --- pool of read-only workers (on-disk Oxigraph) ----------------------------------------


def _pool_worker_main(conn: Connection) -> None:
    """Worker process: answer jobs on the snapshot each job names, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    opened: str | None = None
    store: ReadOnlyOxigraph | None = None
    while True:
        try:
            snapshot, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or snapshot != opened:
                store = ReadOnlyOxigraph(snapshot)
                opened = snapshot
            conn.send(("ok", run_job(store, job)))  # type: ignore[arg-type]
        except Exception as exc:  # every failure goes back to the server, the worker lives on
            conn.send(("error", _pack_error(exc)))


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_pool_worker_main, args=(child,), daemon=True, name="policykg-query"
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _backup(store: Store, target: Path) -> None:
    """A RocksDB checkpoint of ``store`` at ``target`` (hard links: fast, no extra space)."""
    backup = getattr(store, "backup", None)
    if backup is None:  # graph.stores.OxigraphStore keeps the pyoxigraph store as _store
        backup = store._store.backup  # type: ignore[attr-defined]
    backup(str(target))


class ProcessPool:
    """A pool of spawned worker processes reading snapshots of an on-disk store.

    A worker cannot read the live store directory: the server's read-write handle compacts
    it in the background and deletes files a read-only reader still expects (RocksDB answers
    "Corruption: … No such file"). So the pool reads a checkpoint (``Store.backup``, hard
    links, 15-200 ms) taken at start and after every write; a checkpoint never changes, and
    old ones are removed once no running query can still be reading them.
    """

    def __init__(self, store: Store, size: int = 2, grace: float = 30.0) -> None:
        base = Path(store.path)  # type: ignore[attr-defined]
        self.store = store
        self.size = size
        self.grace = grace
        # Beside the store, so the checkpoint can hard-link its files (same file system).
        self.root = base.with_name(base.name + ".readers")
        shutil.rmtree(self.root, ignore_errors=True)  # left by a server that was killed
        self.root.mkdir(parents=True)
        self._ctx = mp.get_context("spawn")  # no inherited threads or locks
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._generation = 0
        self._snapshot = self._take_snapshot()
        self._retired: list[tuple[float, Path]] = []
        self._closed = False
        self._deaths = 0
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._add_worker()

    def _take_snapshot(self) -> Path:
        self._generation += 1
        target = self.root / f"gen-{self._generation}"
        _backup(self.store, target)
        return target

    def _add_worker(self) -> None:
        worker = _Worker(self._ctx)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _discard(self, worker: _Worker, *, died: bool = False) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            # A worker that dies by itself again and again (it cannot import or open the
            # store) is not replaced forever: after MAX_DEATHS in a row the pool gives up.
            self._deaths = self._deaths + 1 if died else 0
            give_up = self._deaths >= MAX_DEATHS
        if not self._closed and not give_up:
            self._add_worker()

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    async def run(self, job: Job, timeout: float) -> Answer:
        """Send ``job`` to an idle worker; kill the worker if no answer comes in time."""
        return await anyio.to_thread.run_sync(self._run_blocking, job, timeout)

    def _run_blocking(self, job: Job, timeout: float) -> Answer:
        deadline = time.monotonic() + timeout
        if not self.pids():
            raise StoreError("no query worker could be started; see the server log")
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker stayed busy for {timeout:g} s; try again later"
            ) from None
        try:
            worker.conn.send((str(self._snapshot), job))
            answered = worker.conn.poll(max(0.0, deadline - time.monotonic()))
            if answered:
                status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._discard(worker, died=True)
            raise StoreError("a query worker died") from exc
        except BaseException:
            self._discard(worker)  # interrupted mid-job: its answer would go to the next caller
            raise
        if not answered:
            self._discard(worker)
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        with self._lock:
            self._deaths = 0
        self._idle.put(worker)
        if status == "error":
            raise payload
        return payload  # type: ignore[no-any-return]

    def invalidate(self) -> None:
        """Take a new snapshot for later jobs; drop snapshots no query can still be reading."""
        now = time.monotonic()
        self._retired.append((now, self._snapshot))
        self._snapshot = self._take_snapshot()
        keep = []
        for retired_at, path in self._retired:
            if now - retired_at > self.grace:
                shutil.rmtree(path, ignore_errors=True)
            else:
                keep.append((retired_at, path))
        self._retired = keep

    def close(self) -> None:
        """Kill every worker and remove the snapshots."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        shutil.rmtree(self.root, ignore_errors=True)


# --- fork per query (in-memory Oxigraph) -------------------------------------------------


def _fork_child(store: Store, job: Job, conn: Connection) -> None:
    try:
        conn.send(("ok", run_job(store, job)))
    except Exception as exc:
        conn.send(("error", _pack_error(exc)))
    finally:
        conn.close()


class ForkPerQuery:
    """Forks a child per job; the child reads the parent's in-memory store and is killed at
    the time limit."""

    def __init__(self, store: Store, concurrency: int = 4) -> None:
        self.store = store
        self._ctx = mp.get_context("fork")
        self._slots = threading.BoundedSemaphore(concurrency)
        self._children: set[Any] = set()
        self._lock = threading.Lock()

    def pids(self) -> list[int]:
        """Process ids of the children running right now."""
        with self._lock:
            return [p.pid for p in self._children if p.pid is not None]

    async def run(self, job: Job, timeout: float) -> Answer:
        """Fork, evaluate in the child, kill it if no answer comes in time."""
        return await anyio.to_thread.run_sync(self._run_blocking, job, timeout)

    def _run_blocking(self, job: Job, timeout: float) -> Answer:
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            raise QueryTimeout(f"every query slot stayed busy for {timeout:g} s; try again later")
        try:
            reader, writer = self._ctx.Pipe(duplex=False)
            process = self._ctx.Process(target=_fork_child, args=(self.store, job, writer))
            with self._lock:
                self._children.add(process)
            try:
                process.start()
                writer.close()
                if not reader.poll(max(0.0, deadline - time.monotonic())):
                    raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
                status, payload = reader.recv()
            except EOFError as exc:
                raise StoreError("a query worker died") from exc
            finally:
                if process.is_alive():
                    process.kill()
                process.join(timeout=5)
                reader.close()
                with self._lock:
                    self._children.discard(process)
        finally:
            self._slots.release()
        if status == "error":
            raise payload
        return payload

    def invalidate(self) -> None:
        """Nothing to do: each child forks from the current store."""

    def close(self) -> None:
        """Kill children still running."""
        with self._lock:
            children = list(self._children)
        for process in children:
            if process.is_alive():
                os.kill(process.pid, signal.SIGKILL)


# --- threads (remote SPARQL server) ------------------------------------------------------


class ThreadRunner:
    """Runs jobs in threads; for remote stores, where the evaluation is not on this machine."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def run(self, job: Job, timeout: float) -> Answer:
        """Evaluate in a worker thread; give up waiting after ``timeout`` seconds."""
        call: Callable[[], Answer] = lambda: run_job(self.store, job)  # noqa: E731
        with anyio.move_on_after(timeout) as scope:
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
        assert scope.cancelled_caught
        raise QueryTimeout(f"the store did not answer within {timeout:g} s")

    def invalidate(self) -> None:
        """Nothing to do: the remote server always answers with its current data."""

    def close(self) -> None:
        """Nothing to stop."""
