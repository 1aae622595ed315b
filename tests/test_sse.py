"""The event-stream parser: line endings, comments, multi-line data, oversized and truncated events."""

from console.sse import OversizedEvent, SseEvent, SseParser


def feed_all(parser: SseParser, *chunks: bytes) -> list:
    return [event for chunk in chunks for event in parser.feed(chunk)]


def test_events_split_anywhere_across_chunks_come_out_whole():
    stream = b'event: team.status\r\ndata: {"a": 1}\r\nid: 7\r\n\r\nevent: team.position\ndata: x\nid: 8\n\n'
    for size in (1, 2, 3, 7, len(stream)):
        chunks = [stream[i : i + size] for i in range(0, len(stream), size)]
        assert feed_all(SseParser(), *chunks) == [
            SseEvent("7", "team.status", '{"a": 1}'),
            SseEvent("8", "team.position", "x"),
        ]


def test_comments_are_counted_and_multi_line_data_is_joined():
    parser = SseParser()
    events = feed_all(parser, b": ping\n\ndata: one\ndata: two\n\n")
    assert events == [SseEvent(None, "message", "one\ntwo", has_own_id=False)]
    assert parser.comments == 1


def test_an_oversized_event_is_skipped_and_the_next_one_survives():
    parser = SseParser(max_event_bytes=64)
    events = feed_all(parser, b"id: 1\ndata: " + b"x" * 40, b"y" * 40, b"\n\nid: 2\ndata: fine\n\n")
    assert isinstance(events[0], OversizedEvent)
    assert events[1:] == [SseEvent("2", "message", "fine")]


def test_an_event_without_an_id_line_inherits_the_last_id_and_says_so():
    events = feed_all(SseParser(), b"id: 4\ndata: a\n\ndata: b\n\n")
    assert [(e.id, e.has_own_id) for e in events] == [("4", True), ("4", False)]


def test_a_truncated_event_is_never_dispatched():
    assert feed_all(SseParser(), b"id: 5\ndata: half an ev") == []


def test_invalid_utf8_does_not_raise():
    events = feed_all(SseParser(), b"id: 1\ndata: \xff\xfe\n\n")
    assert len(events) == 1 and events[0].id == "1"


def test_a_leading_byte_order_mark_is_not_part_of_the_first_field():
    for chunks in ((b"\xef\xbb\xbfid: 1\ndata: a\n\n",), (b"\xef", b"\xbb", b"\xbfid: 1\ndata: a\n\n")):
        assert feed_all(SseParser(), *chunks) == [SseEvent("1", "message", "a")]


def test_a_huge_event_type_counts_towards_the_limit_like_data():
    events = feed_all(
        SseParser(max_event_bytes=64), b"event: " + b"t" * 100 + b"\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n"
    )
    assert isinstance(events[0], OversizedEvent) and events[1:] == [SseEvent("2", "message", "b")]


def test_a_long_line_dripping_in_byte_by_byte_comes_out_whole():
    parser = SseParser(max_event_bytes=1 << 20)
    line = b"data: " + b"x" * 200_000 + b"\n\n"
    events = [event for i in range(len(line)) for event in parser.feed(line[i : i + 1])]
    assert events == [SseEvent(None, "message", "x" * 200_000, has_own_id=False)]
