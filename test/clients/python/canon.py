"""The canonical record every client suite writes and reads back: one bin per Value type, loaded from
test/clients/shared/canonical-record.json (proto3 JSON of an aerogate.v1.Record)."""

import pathlib

from google.protobuf import json_format

from aerogate.v1 import types_pb2

LANGUAGES = ["go", "python", "java", "ts"]
SET = "xlang"
_FILE = pathlib.Path(__file__).resolve().parents[1] / "shared" / "canonical-record.json"


def bins() -> "dict[str, types_pb2.Value]":
    """The canonical bins, parsed from the shared JSON file."""
    record = json_format.Parse(_FILE.read_text(encoding="utf-8"), types_pb2.Record())
    return dict(record.bins)


def key(language: str) -> types_pb2.Key:
    """The key of the record one language's client writes."""
    return types_pb2.Key(namespace="test", set=SET, string_value=f"xlang-{language}")


def diff(want, got) -> "list[str]":
    """The bins of `got` that are missing, unexpected or differ from `want`, sorted."""
    out = []
    for name, value in want.items():
        if name not in got:
            out.append(f"{name}: missing")
        elif got[name] != value:
            out.append(f"{name}: got {json_format.MessageToJson(got[name], indent=None)}, "
                       f"want {json_format.MessageToJson(value, indent=None)}")
    out.extend(f"{name}: unexpected bin" for name in got if name not in want)
    return sorted(out)
