"""A lean closed-loop HTTP/1.1 load generator for the benchmarks: ``clients`` keep-alive
connections in one asyncio loop, each sending a request as soon as its last answer arrived.

Requests are bytes the caller builds (a multipart upload is its prepared parts joined), so the
load generator costs a small fraction of a core and leaves the machine's two cores to the server
and PostgreSQL, where a thread per client with a full HTTP client library would take most of
one. Answers are read by their ``Content-Length`` (the gateway sends one on every answer).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Request = Callable[[int, int], bytes]  # (client, n) → the request's bytes


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    first_refusal: str = ""
    duration: float = 0.0

    @property
    def ok(self) -> int:
        return sum(count for status, count in self.statuses.items() if 200 <= status < 300)


def request_bytes(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def multipart(
    fields: dict[str, str], file_field: str, filename: str, content: bytes, boundary: str
) -> bytes:
    """A multipart/form-data body with ``fields`` and one file part."""
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
    ).encode()
    return b"".join([*parts, head, content, f"\r\n--{boundary}--\r\n".encode()])


async def _answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _client(
    port: int, number: int, make: Request, stop_at: float, result: LoadResult
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
    n = 0
    try:
        while time.monotonic() < stop_at:
            n += 1
            data = make(number, n)
            started = time.perf_counter()
            writer.write(data)
            await writer.drain()
            status, body = await _answer(reader)
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if status >= 300 and not result.first_refusal:
                result.first_refusal = body[:300].decode("utf-8", "replace")
    finally:
        writer.close()


def run_load(port: int, make: Request, clients: int, duration: float) -> LoadResult:
    """``clients`` connections asking ``make(client, n)`` for ``duration`` seconds."""
    result = LoadResult()

    async def main() -> None:
        stop_at = time.monotonic() + duration
        started = time.perf_counter()
        await asyncio.gather(
            *(_client(port, number, make, stop_at, result) for number in range(clients))
        )
        result.duration = time.perf_counter() - started

    asyncio.run(main())
    return result
