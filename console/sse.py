"""An incremental parser of Server-Sent Events (the WHATWG event-stream format).

Bytes go in as they arrive, complete events come out. A partial event at the end of a stream is
never dispatched (the spec's rule), so a truncated stream loses nothing that was not yet whole.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_EVENT_BYTES = 1 << 20
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class SseEvent:
    id: str | None  # the stream's last event id, which an event without an id line inherits
    type: str
    data: str
    has_own_id: bool = True  # whether this event carried an id line itself


class OversizedEvent(ValueError):
    """An event or line larger than `MAX_EVENT_BYTES`; it is skipped whole."""


class SseParser:
    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        self._max = max_event_bytes
        self._buffer = bytearray()  # grown in place: a long line dripping in byte by byte is not copied each time
        self._scanned = 0  # the buffer holds no line end before this
        self._started = False
        self._data: list[str] = []
        self._size = 0
        self._type = ""
        self._id: str | None = None
        self._own_id = False
        self._skipping = False
        self.comments = 0

    def feed(self, chunk: bytes) -> list[SseEvent | OversizedEvent]:
        """Parses a chunk; returns the events it completed (and markers for oversized ones)."""
        out: list[SseEvent | OversizedEvent] = []
        buffer = self._buffer
        buffer += chunk
        if not self._started:
            if len(buffer) < len(BOM) and BOM.startswith(buffer):
                return out  # perhaps the first bytes of a byte order mark: wait for the rest
            self._started = True
            if buffer.startswith(BOM):  # the spec lets a stream begin with one
                del buffer[: len(BOM)]
        start, size = 0, len(buffer)
        scan = self._scanned
        while True:
            lf = buffer.find(b"\n", scan)
            cr = buffer.find(b"\r", scan, lf if lf >= 0 else size)
            if cr >= 0:
                if cr + 1 == size:
                    scan = cr  # a CR at the chunk's end may be the first half of a CRLF
                    break
                end, after = cr, cr + (2 if buffer[cr + 1] == 0x0A else 1)
            elif lf >= 0:
                end, after = lf, lf + 1
            else:
                scan = size
                break
            self._line(bytes(buffer[start:end]), out)
            start = scan = after
        del buffer[:start]
        self._scanned = scan - start
        if len(buffer) > self._max:
            buffer.clear()
            self._scanned = 0
            self._begin_skip(out)
        return out

    def _begin_skip(self, out: list) -> None:
        if not self._skipping:
            out.append(OversizedEvent(f"an event over {self._max} bytes was skipped"))
        self._skipping = True
        self._reset_event()

    def _reset_event(self) -> None:
        self._data, self._size, self._type, self._own_id = [], 0, "", False

    def _line(self, raw: bytes, out: list) -> None:
        if not raw:
            if self._skipping:
                self._skipping = False
            elif self._data:
                out.append(SseEvent(self._id, self._type or "message", "\n".join(self._data), self._own_id))
            self._reset_event()
            return
        if self._skipping:
            return
        line = raw.decode("utf-8", errors="replace")
        if line.startswith(":"):
            self.comments += 1
            return
        self._size += len(raw)  # every field counts: a huge event type is as heavy as huge data
        if self._size > self._max:
            self._begin_skip(out)
            return
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._type = value
        elif name == "id" and "\0" not in value:
            self._id, self._own_id = value, True
