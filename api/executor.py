"""Running queries where they can be stopped: worker processes that are killed at the time limit.

pyoxigraph's ``Store.query`` cannot be interrupted from Python, a thread cannot be killed,
and a pathological query can overflow the parser's stack or exhaust memory, which takes the
whole process down. Untrusted queries therefore never run in the server process:

- ``oxigraph:PATH`` — pools of worker processes (spawned, not forked), each reading a
  checkpoint of the store opened read-only. A job goes down a pipe; when the limit passes
  (or the client has gone) the worker is killed (SIGKILL) and a fresh one takes its place.
  After a write the pool takes a new checkpoint and workers re-open it before their next
  job. Round trip ≈ 0.2 ms, a new worker ≈ 0.2 s.
- ``memory:`` — a forked child per query: the child sees the parent's in-memory store
  (copy-on-write, so it also reads a consistent snapshot) and is killed at the limit.
  ≈ 5 ms per query.
- ``sparql:URL`` — the work is on the remote server; the query runs in a thread with the
  time limit applied to the wait, and the local CPU is only waiting on a socket.

Every worker (pool or forked) limits its address space (``RLIMIT_AS``) and, where the kernel
allows unprivileged namespaces, leaves the network namespace (``unshare``): it has no network
interface, so no query text of any spelling can make it open an outbound connection.

Fairness: jobs go to one of two lanes. Cheap-looking queries (:func:`api.guard.looks_light`)
and the REST routes' named queries run in a small *light* lane with a short budget; the rest
in the *heavy* lane. A light job that outruns its budget is stopped and re-run in the heavy
lane with the time it has left, so a wrong guess costs a short delay, never a wrong answer,
and a flood of heavy queries never holds the workers a trivial query needs. Waiting happens
in dedicated threads (never FastAPI's shared pool), and at most ``max_waiting`` jobs wait at
once (503 with ``Retry-After`` past it).

A worker that dies (stack overflow, memory limit, a crash in the engine) answers its client
503 and is replaced, always: after deaths in a row the replacement waits a little longer
(backoff, at most a few seconds), but the pool never gives up.

All three expose ``async run(job, timeout)`` and raise ``graph.errors.QueryTimeout``.
"""

from __future__ import annotations

import ctypes
import dataclasses
import logging
import multiprocessing as mp
import os
import queue
import resource
import shutil
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import anyio
import anyio.to_thread

from api import guard
from api.errors import ApiError
from api.jobs import (
    Answer,
    ExtractJob,
    Job,
    NamedJob,
    ReadOnlyOxigraph,
    SparqlJob,
    UpdateJob,
    run_job,
)
from graph.errors import GraphError, QueryTimeout, StoreError
from graph.store import Store
from loaders.errors import LoaderError

log = logging.getLogger("policykg.executor")

LIGHT, HEAVY = "light", "heavy"
WRITER_HEADROOM_MB = 1024  # address space (not memory) a read-write store's threads reserve
MAX_BACKOFF = 2.0  # seconds between replacements after many deaths in a row
_SLICE = 0.05  # how often a waiting thread looks whether its client has gone


@dataclass(frozen=True)
class PoolLimits:
    """How the executor shares its workers and what one query may use."""

    light_workers: int = 2
    light_time_limit: float = 1.0
    memory_mb: int = 2048
    max_waiting: int = 256
    isolate_network: bool = True  # off only when SERVICE/LOAD are allowed on purpose

    @classmethod
    def from_settings(cls, settings: Any) -> PoolLimits:
        """The limits named in :class:`api.settings.Settings`."""
        return cls(
            light_workers=settings.light_workers,
            light_time_limit=settings.light_time_limit,
            memory_mb=settings.query_memory_mb,
            max_waiting=settings.max_waiting_queries,
            isolate_network=not settings.allow_service,
        )


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

    def rehearse(self, update: str, timeout: float) -> None:
        """Run ``update`` on a private copy of the store where it can be killed; raise as
        the real run would (``QueryTimeout``, :class:`WorkerDied`, a syntax error). Called
        under the write lock, so the copy holds what the real run will see."""
        ...

    def health(self) -> dict[str, Any]:
        """Workers alive, deaths so far, whether workers are cut off from the network."""
        ...


def make_executor(
    store: Store, workers: int = 2, timeout: float = 10.0, limits: PoolLimits | None = None
) -> Executor:
    """The executor that fits ``store``'s backend (see the module docstring)."""
    limits = limits or PoolLimits()
    spec = getattr(store, "spec", "")
    if spec.startswith("oxigraph:") and hasattr(store, "path"):
        return ProcessPool(store, size=workers, grace=2 * timeout + 5, limits=limits)
    if spec.startswith("memory:") and "fork" in mp.get_all_start_methods():
        return ForkPerQuery(store, concurrency=max(2, workers * 2), limits=limits)
    return ThreadRunner(store)


def lane_of(job: Job) -> str:
    """``light`` for named queries (the REST routes' own, known shapes) and cheap-looking
    SPARQL; ``heavy`` for the rest (uploads and update rehearsals included)."""
    if isinstance(job, NamedJob) or (isinstance(job, SparqlJob) and guard.looks_light(job.query)):
        return LIGHT
    return HEAVY


def _pack_error(exc: BaseException) -> BaseException:
    """An exception safe to send back: ours as they are, anything else without its text."""
    if isinstance(exc, GraphError | LoaderError):
        return exc
    log.error("query worker failed: %r", exc)
    return StoreError("query evaluation failed")


class WorkerDied(ApiError):
    """The process evaluating a query died (memory limit, stack overflow, engine crash)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(
            503,
            "the query stopped its worker",
            "the query needed more memory or nesting than a worker allows and was not "
            "answered; simplify it. Other queries are unaffected.",
            headers={"Retry-After": "1"},
        )
        self.exitcode = exitcode


class _Overrun(Exception):
    """A job ran past the budget of its lane (internal: the job moves on or times out)."""


class _Gone(Exception):
    """The caller stopped waiting (client gone, request cancelled)."""


def _busy(waiting: int) -> ApiError:
    return ApiError(
        503,
        "the query service is busy",
        {"waiting": waiting, "hint": "try again in a few seconds"},
        headers={"Retry-After": "2"},
    )


async def run_while_connected(request: Any, start: Callable[[], Any]) -> Answer:
    """Await ``start()`` (a query run) unless the client disconnects first; then the run is
    cancelled, which stops its worker, and the client (gone anyway) is answered 503."""
    answer: list[Answer] = []
    failure: list[Exception] = []
    async with anyio.create_task_group() as group:

        async def work() -> None:
            try:
                answer.append(await start())
            except Exception as exc:  # raised below, outside the task group (no ExceptionGroup)
                failure.append(exc)
            group.cancel_scope.cancel()

        async def watch() -> None:
            while (await request.receive())["type"] != "http.disconnect":
                pass
            group.cancel_scope.cancel()

        group.start_soon(work)
        group.start_soon(watch)
    if failure:
        raise failure[0]
    if not answer:
        raise ApiError(503, "the client went away; the query was stopped")
    return answer[0]


# --- what every worker does first --------------------------------------------------------

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def confine(memory_mb: int, isolate_network: bool = True) -> bool:
    """Limit this process's address space and cut it off from the network.

    Called first thing in a worker (single-threaded, as ``unshare`` requires). The address
    space limit is what the process uses now plus ``memory_mb``, so a query that grows past
    it fails inside the worker. Returns whether the network namespace could be left (kernels
    that forbid unprivileged user namespaces say no; the SERVICE guard still holds then).
    """
    try:
        used = _address_space_bytes()
        limit = used + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError) as exc:
        log.warning("cannot limit query worker memory: %s", exc)
    if not isolate_network:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0)
    except (OSError, AttributeError):
        return False


def _address_space_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


# --- pool of read-only workers (on-disk Oxigraph) ----------------------------------------


def _pool_worker_main(conn: Connection, memory_mb: int, isolate_network: bool) -> None:
    """Worker process: answer jobs on the snapshot each job names, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    isolated = confine(memory_mb, isolate_network)
    try:
        conn.send(("ready", isolated))
    except OSError:
        return
    opened: str | None = None
    store: ReadOnlyOxigraph | None = None
    while True:
        try:
            snapshot, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if isinstance(job, ExtractJob | UpdateJob):  # no snapshot needed
                conn.send(("ok", run_job(None, job)))
                continue
            if store is None or snapshot != opened:
                store = ReadOnlyOxigraph(snapshot)
                opened = snapshot
            conn.send(("ok", run_job(store, job)))
        except MemoryError:
            os._exit(3)  # the address space is spent; a fresh worker is cheaper than recovery
        except Exception as exc:  # every failure goes back to the server, the worker lives on
            conn.send(("error", _pack_error(exc)))


class _Worker:
    def __init__(self, ctx: Any, limits: PoolLimits) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_pool_worker_main,
            args=(child, limits.memory_mb, limits.isolate_network),
            daemon=True,
            name="policykg-query",
        )
        self.process.start()
        child.close()
        self.isolated: bool | None = None  # known once the worker says it is ready

    def kill(self) -> int | None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()
        return self.process.exitcode


def _backup(store: Store, target: Path) -> None:
    """A RocksDB checkpoint of ``store`` at ``target`` (hard links: fast, no extra space)."""
    backup = getattr(store, "backup", None)
    if backup is None:  # graph.stores.OxigraphStore keeps the pyoxigraph store as _store
        backup = store._store.backup  # type: ignore[attr-defined]
    backup(str(target))


class _Gate:
    """Counts the jobs waiting for a worker and refuses past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.waiting = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            if self.waiting >= self.limit:
                raise _busy(self.waiting)
            self.waiting += 1

    def leave(self) -> None:
        with self._lock:
            self.waiting -= 1


async def _in_thread(
    limiter_holder: dict[str, Any], size: int, call: Callable[[threading.Event], Answer]
) -> Answer:
    """Run ``call(cancel)`` in a thread of the executor's own limiter; when the caller is
    cancelled (client gone, request aborted) set ``cancel`` so the thread stops its worker."""
    limiter = limiter_holder.get("limiter")
    if limiter is None:
        limiter = limiter_holder["limiter"] = anyio.CapacityLimiter(size)
    cancel = threading.Event()
    try:
        return await anyio.to_thread.run_sync(call, cancel, limiter=limiter, abandon_on_cancel=True)
    finally:
        cancel.set()


class _Lanes:
    """What both local executors share: the light and heavy lanes, the waiting limit and
    the threads that wait. A subclass says how one job runs in one lane (:meth:`_in_lane`)."""

    limits: PoolLimits
    _gate: _Gate
    _limiter: dict[str, Any]
    _threads: int

    async def run(self, job: Job, timeout: float) -> Answer:
        """The job's answer; its worker is killed when no answer comes in time or the
        caller goes away."""
        return await _in_thread(
            self._limiter, self._threads, lambda cancel: self._run_blocking(job, timeout, cancel)
        )

    def _run_blocking(self, job: Job, timeout: float, cancel: threading.Event) -> Answer:
        deadline = time.monotonic() + timeout
        self._gate.enter()
        try:
            if lane_of(job) == LIGHT:
                budget_end = time.monotonic() + min(self.limits.light_time_limit, timeout)
                try:
                    return self._in_lane(LIGHT, job, budget_end, cancel)
                except _Overrun:
                    pass  # it was not light after all: the heavy lane, with the time left
            try:
                return self._in_lane(HEAVY, job, deadline, cancel)
            except _Overrun:
                raise QueryTimeout(
                    f"the query ran longer than {timeout:g} s and was stopped"
                ) from None
        finally:
            self._gate.leave()

    def _in_lane(self, lane: str, job: Job, deadline: float, cancel: threading.Event) -> Answer:
        """Run ``job`` in ``lane`` before ``deadline``: raise ``_Overrun`` past it (or, in the
        light lane, when no worker is free in time)."""
        raise NotImplementedError

    def rehearse(self, update: str, timeout: float) -> None:
        """See :meth:`Executor.rehearse`."""
        self._run_blocking(self._rehearsal(update), timeout, threading.Event())

    def _rehearsal(self, update: str) -> UpdateJob:
        # a forked child already works on its own copy-on-write copy of the store
        return UpdateJob(update)


class ProcessPool(_Lanes):
    """Two lanes of spawned worker processes reading snapshots of an on-disk store.

    A worker cannot read the live store directory: the server's read-write handle compacts
    it in the background and deletes files a read-only reader still expects (RocksDB answers
    "Corruption: … No such file"). So the pool reads a checkpoint (``Store.backup``, hard
    links, 15-200 ms) taken at start and after every write; a checkpoint never changes, and
    old ones are removed once no running query can still be reading them.
    """

    def __init__(
        self,
        store: Store,
        size: int = 2,
        grace: float = 30.0,
        limits: PoolLimits | None = None,
    ) -> None:
        base = Path(store.path)  # type: ignore[attr-defined]
        self.store = store
        self.limits = limits or PoolLimits()
        self.sizes = {HEAVY: size, LIGHT: self.limits.light_workers}
        self.grace = grace
        # Beside the store, so the checkpoint can hard-link its files (same file system).
        self.root = base.with_name(base.name + ".readers")
        shutil.rmtree(self.root, ignore_errors=True)  # left by a server that was killed
        self.root.mkdir(parents=True)
        self._ctx = mp.get_context("spawn")  # no inherited threads or locks
        self._idle: dict[str, queue.Queue[_Worker]] = {LIGHT: queue.Queue(), HEAVY: queue.Queue()}
        self._generation = 0
        self._snapshot = self._take_snapshot()
        self._retired: list[tuple[float, Path]] = []
        self._closed = False
        self._deaths_in_row = 0
        self.deaths = 0
        self._lanes: dict[_Worker, str] = {}
        self._isolated: bool | None = None
        self._lock = threading.Lock()
        self._gate = _Gate(self.limits.max_waiting)
        self._limiter = {}
        self._threads = sum(self.sizes.values()) + self.limits.max_waiting
        for lane, count in self.sizes.items():
            for _ in range(count):
                self._add_worker(lane)

    def rehearse(self, update: str, timeout: float) -> None:
        """See :meth:`Executor.rehearse`. The copy is a checkpoint of its own (hard links),
        opened read-write by a fresh worker started for this update alone: opening a store
        for writing starts RocksDB's threads, which a worker that has already served queries
        may lack the address space for. Both are gone afterwards."""
        self._generation += 1
        copy = self.root / f"rehearsal-{self._generation}"
        _backup(self.store, copy)
        # RocksDB's writer threads each reserve address space for their stacks and malloc
        # arenas that they never fill: room for those on top of the update's own allowance.
        headroom = dataclasses.replace(
            self.limits, memory_mb=self.limits.memory_mb + WRITER_HEADROOM_MB
        )
        worker = _Worker(self._ctx, headroom)
        deadline = time.monotonic() + timeout
        try:
            for message in (None, (str(copy), UpdateJob(update, str(copy)))):
                if message is not None:
                    worker.conn.send(message)
                if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                    raise QueryTimeout(f"the update ran longer than {timeout:g} s and was stopped")
                status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:
            worker.process.join(timeout=5)
            log.warning(
                "an update rehearsal killed its worker (exit code %s)", worker.process.exitcode
            )
            raise WorkerDied(worker.process.exitcode) from exc
        finally:
            worker.kill()
            shutil.rmtree(copy, ignore_errors=True)
        if status == "error":
            raise payload

    def _take_snapshot(self) -> Path:
        self._generation += 1
        target = self.root / f"gen-{self._generation}"
        _backup(self.store, target)
        return target

    def _add_worker(self, lane: str) -> None:
        worker = _Worker(self._ctx, self.limits)
        with self._lock:
            self._lanes[worker] = lane
        self._idle[lane].put(worker)

    def _discard(self, worker: _Worker, *, died: bool = False) -> int | None:
        """Kill ``worker`` and start its replacement (after a backoff if workers keep dying)."""
        exitcode = worker.kill()
        with self._lock:
            lane = self._lanes.pop(worker, HEAVY)
            if died:
                self.deaths += 1
                self._deaths_in_row += 1
            else:
                self._deaths_in_row = 0
            # The first deaths in a row are replaced at once; after that, a little later each
            # time (up to MAX_BACKOFF), so a flood of crashing queries cannot keep a core busy
            # spawning workers. Never a give-up: the pool always comes back.
            in_row = self._deaths_in_row
            delay = min(MAX_BACKOFF, 0.25 * 2 ** (in_row - 3)) if died and in_row > 3 else 0.0
        if self._closed:
            return exitcode
        if delay > 0:
            log.warning("query workers keep dying (%d in a row)", self._deaths_in_row)
            timer = threading.Timer(delay, self._replace, args=(lane,))
            timer.daemon = True
            timer.start()
        else:
            self._add_worker(lane)
        return exitcode

    def _replace(self, lane: str) -> None:
        if not self._closed:
            self._add_worker(lane)

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return [w.process.pid for w in self._lanes if w.process.pid is not None]

    def health(self) -> dict[str, Any]:
        """Workers alive per lane, deaths so far, jobs waiting, network isolation."""
        with self._lock:
            alive = {LIGHT: 0, HEAVY: 0}
            for worker, lane in self._lanes.items():
                alive[lane] += worker.process.is_alive()
            return {
                "workers": alive,
                "configured": dict(self.sizes),
                "deaths": self.deaths,
                "waiting": self._gate.waiting,
                "network_isolated": self._isolated,
            }

    def _in_lane(self, lane: str, job: Job, deadline: float, cancel: threading.Event) -> Answer:
        """Send ``job`` to an idle worker of ``lane``."""
        worker = self._take(lane, deadline, cancel)
        if worker is None:
            if lane == LIGHT:
                raise _Overrun
            raise QueryTimeout("every query worker stayed busy; try again later")
        return self._exchange(worker, job, deadline, cancel)

    def _take(self, lane: str, deadline: float, cancel: threading.Event) -> _Worker | None:
        """An idle worker of ``lane``, or None when none became free before ``deadline``."""
        while True:
            if cancel.is_set():
                raise _Gone
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                return self._idle[lane].get(timeout=min(_SLICE, remaining))
            except queue.Empty:
                continue

    def _exchange(
        self, worker: _Worker, job: Job, deadline: float, cancel: threading.Event
    ) -> Answer:
        """Send ``job`` to ``worker`` and wait for its answer; the worker goes back idle,
        or is killed and replaced when it died, overran ``deadline`` or was abandoned."""
        try:
            if worker.isolated is None:  # the first message a worker sends says it is ready
                if not self._await(worker, deadline, cancel):
                    self._idle[self._lanes.get(worker, HEAVY)].put(worker)  # still starting
                    raise _Overrun
                _, worker.isolated = worker.conn.recv()
                with self._lock:
                    self._isolated = worker.isolated
            worker.conn.send((str(self._snapshot), job))
            if not self._await(worker, deadline, cancel):
                self._discard(worker)
                raise _Overrun
            status, payload = worker.conn.recv()
        except (EOFError, OSError, ConnectionError) as exc:
            exitcode = self._discard(worker, died=True)
            log.warning("a query worker died (exit code %s)", exitcode)
            raise WorkerDied(exitcode) from exc
        except (_Overrun, _Gone):
            raise
        except BaseException:
            self._discard(worker)  # interrupted mid-job: its answer would go to the next caller
            raise
        with self._lock:
            self._deaths_in_row = 0
        self._idle[self._lanes.get(worker, HEAVY)].put(worker)
        if status == "error":
            raise payload
        return payload  # type: ignore[no-any-return]

    def _await(self, worker: _Worker, deadline: float, cancel: threading.Event) -> bool:
        """True once ``worker`` has something to say (or died); False at the deadline."""
        while True:
            if cancel.is_set():
                self._discard(worker)
                raise _Gone
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if worker.conn.poll(min(_SLICE, remaining)):
                return True

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
            workers = list(self._lanes)
            self._lanes.clear()
        for worker in workers:
            worker.kill()
        shutil.rmtree(self.root, ignore_errors=True)


# --- fork per query (in-memory Oxigraph) -------------------------------------------------


def _fork_child(store: Store, job: Job, conn: Connection, limits: PoolLimits) -> None:
    isolated = confine(limits.memory_mb, limits.isolate_network)
    try:
        conn.send(("ok", run_job(store, job), isolated))
    except MemoryError:
        os._exit(3)
    except Exception as exc:
        conn.send(("error", _pack_error(exc), isolated))
    finally:
        conn.close()


class ForkPerQuery(_Lanes):
    """Forks a child per job; the child reads the parent's in-memory store and is killed at
    the time limit. Each lane has its own number of slots (see the module docstring)."""

    def __init__(
        self, store: Store, concurrency: int = 4, limits: PoolLimits | None = None
    ) -> None:
        self.store = store
        self.limits = limits or PoolLimits()
        self._ctx = mp.get_context("fork")
        self._slots = {
            HEAVY: threading.BoundedSemaphore(concurrency),
            LIGHT: threading.BoundedSemaphore(self.limits.light_workers),
        }
        self._children: set[Any] = set()
        self._lock = threading.Lock()
        self._gate = _Gate(self.limits.max_waiting)
        self._limiter = {}
        self._threads = concurrency + self.limits.light_workers + self.limits.max_waiting
        self.deaths = 0
        self._isolated: bool | None = None

    def pids(self) -> list[int]:
        """Process ids of the children running right now."""
        with self._lock:
            return [p.pid for p in self._children if p.pid is not None]

    def health(self) -> dict[str, Any]:
        """Children running, deaths so far, jobs waiting, network isolation."""
        return {
            "workers": {"running": len(self.pids())},
            "deaths": self.deaths,
            "waiting": self._gate.waiting,
            "network_isolated": self._isolated,
        }

    def _in_lane(self, lane: str, job: Job, deadline: float, cancel: threading.Event) -> Answer:
        """Fork a child for ``job`` once ``lane`` has a free slot."""
        slots = self._slots[lane]
        while not slots.acquire(timeout=_SLICE):
            if cancel.is_set():
                raise _Gone
            if time.monotonic() >= deadline:
                if lane == LIGHT:
                    raise _Overrun
                raise QueryTimeout("every query slot stayed busy; try again later")
        try:
            return self._fork(job, deadline, cancel)
        finally:
            slots.release()

    def _fork(self, job: Job, deadline: float, cancel: threading.Event) -> Answer:
        reader, writer = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(target=_fork_child, args=(self.store, job, writer, self.limits))
        with self._lock:
            self._children.add(process)
        try:
            process.start()
            writer.close()
            while not reader.poll(_SLICE):
                if cancel.is_set():
                    raise _Gone
                if time.monotonic() >= deadline:
                    raise _Overrun
            status, payload, self._isolated = reader.recv()
        except EOFError as exc:
            process.join(timeout=5)
            self.deaths += 1
            log.warning("a query worker died (exit code %s)", process.exitcode)
            raise WorkerDied(process.exitcode) from exc
        finally:
            if process.is_alive():
                process.kill()
            process.join(timeout=5)
            reader.close()
            with self._lock:
                self._children.discard(process)
        if status == "error":
            raise payload
        return payload  # type: ignore[no-any-return]

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

    def rehearse(self, update: str, timeout: float) -> None:
        """Nothing to rehearse: the remote server evaluates the update under its own limits."""

    def health(self) -> dict[str, Any]:
        """Nothing local to report: the remote server evaluates."""
        return {"workers": {}, "deaths": 0, "waiting": 0, "network_isolated": None}

    def invalidate(self) -> None:
        """Nothing to do: the remote server always answers with its current data."""

    def close(self) -> None:
        """Nothing to stop."""
