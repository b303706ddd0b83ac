"""The physical limit of a stream on this machine: a socket, the HTTP framing by hand, orjson per event.

No HTTP library, no typed objects, no checks beyond what finding the events needs: what is left is
`recv`, splitting and JSON decoding. Nothing a client can ship, only the bound under every row.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import orjson


def _request(base_url: str, token: str, headers: dict[str, str], body: bytes) -> tuple[str, int, bytes]:
    url = urlsplit(f"{base_url}/chat/completions")
    lines = [
        f"POST {url.path} HTTP/1.1",
        f"Host: {url.netloc}",
        f"Authorization: Bearer {token}",
        "Content-Type: application/json",
        "Accept: text/event-stream",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return url.hostname or "127.0.0.1", url.port or 80, "\r\n".join(lines).encode() + b"\r\n\r\n" + body


def _dechunk(buffer: bytearray, out: bytearray) -> bool:
    """Move the complete chunks of a chunked body from `buffer` to `out`; True at the last chunk."""
    while True:
        end = buffer.find(b"\r\n")
        if end < 0:
            return False
        size = int(bytes(buffer[:end]).split(b";")[0], 16)
        if size == 0:
            return True
        if len(buffer) < end + 2 + size + 2:
            return False
        out += buffer[end + 2 : end + 2 + size]
        del buffer[: end + 2 + size + 2]


def read_stream(base_url: str, token: str, headers: dict[str, str], body: bytes) -> int:
    """Read one SSE answer over a new connection; the number of JSON events decoded."""
    host, port, request = _request(base_url, token, headers, body)
    count = 0
    with socket.create_connection((host, port)) as sock:
        sock.sendall(request)
        raw = bytearray()
        while b"\r\n\r\n" not in raw:
            raw += sock.recv(65536)
        head, _, rest = bytes(raw).partition(b"\r\n\r\n")
        chunked = b"transfer-encoding: chunked" in head.lower()
        buffer, text = bytearray(rest), bytearray()
        done = False
        while not done:
            if chunked:
                done = _dechunk(buffer, text)
            else:
                text += buffer
                buffer.clear()
            events = bytes(text).split(b"\n\n")
            text = bytearray(events.pop())
            for event in events:
                if event.startswith(b"data: "):
                    if event == b"data: [DONE]":
                        return count
                    orjson.loads(event[6:])
                    count += 1
            if not done:
                data = sock.recv(65536)
                if not data:
                    break
                buffer += data
    return count
