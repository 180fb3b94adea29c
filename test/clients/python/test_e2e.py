"""End-to-end tests of the generated Python client against a gateway with the embedded server."""

import itertools
import os
import pathlib
import subprocess
import sys
import time

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2

import canon
from aerogate.v1 import (
    batch_pb2,
    batch_pb2_grpc,
    operation_pb2,
    record_pb2,
    record_pb2_grpc,
    task_pb2,
    task_pb2_grpc,
    types_pb2,
)

SET = "clients_py"
ROOT = pathlib.Path(__file__).resolve().parents[3]
_seq = itertools.count()


def fresh_key(set_name: str = SET) -> types_pb2.Key:
    """A key no other test or earlier run uses."""
    return types_pb2.Key(namespace="test", set=set_name, string_value=f"py-{os.getpid()}-{time.time_ns()}-{next(_seq)}")


def ael(text: str, *placeholders: types_pb2.Value) -> types_pb2.Expression:
    return types_pb2.Expression(ael=text, placeholders=list(placeholders))


def iv(n: int) -> types_pb2.Value:
    return types_pb2.Value(int_value=n)


def sv(s: str) -> types_pb2.Value:
    return types_pb2.Value(string_value=s)


@pytest.fixture(scope="module")
def channel(gateway_address):
    with grpc.insecure_channel(gateway_address) as ch:
        yield ch


@pytest.fixture
def records(channel):
    return record_pb2_grpc.RecordServiceStub(channel)


@pytest.fixture
def batches(channel):
    return batch_pb2_grpc.BatchServiceStub(channel)


def seed(records, n: int, set_name: str = SET) -> "list[types_pb2.Key]":
    """Writes n records with bins n = i and age = 10 * i."""
    keys = [fresh_key(set_name) for _ in range(n)]
    for i, key in enumerate(keys):
        records.Put(record_pb2.PutRequest(key=key, verb=types_pb2.VERB_UPSERT, bins={"n": iv(i), "age": iv(10 * i)}), timeout=30)
    return keys


def error_info(error: grpc.RpcError) -> error_details_pb2.ErrorInfo:
    """The ErrorInfo in a failed call's grpc-status-details-bin trailer."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            for detail in status_pb2.Status.FromString(value).details:
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(info):
                    return info
    raise AssertionError(f"no ErrorInfo in the status details of {error}")


def test_put_get_every_value_type(records):
    want = canon.bins()
    key = fresh_key()
    records.Put(record_pb2.PutRequest(key=key, bins=want, verb=types_pb2.VERB_UPSERT), timeout=30)
    got = dict(records.Get(record_pb2.GetRequest(key=key), timeout=30).record.bins)
    assert canon.diff(want, got) == []
    assert got["int_big"].int_value == 2**53 + 1
    assert got["int_min"].int_value == -(2**63)
    assert got["dbl_whole"].WhichOneof("kind") == "double_value" and got["dbl_whole"].double_value == 3.0
    assert got["bytes"].bytes_value == bytes([0x00, 0xFF, 0x10, 0x80, 0x7F])
    inner = got["map"].map_value.entries[1]
    assert inner.key.int_value == 2
    assert inner.value.map_value.entries[0].key.int_value == -7
    assert inner.value.map_value.entries[0].value.int_value == 2**63 - 1
    assert got["geo"].WhichOneof("kind") == "geojson_value" and '"Point"' in got["geo"].geojson_value
    assert got["hll"].WhichOneof("kind") == "hll_value"


def test_hll_bytes_round_trip(records):
    key = fresh_key()
    add = operation_pb2.Operation(bin="h", hll_add=operation_pb2.HllAddOperation(values=[sv("a"), sv("b"), iv(3)], index_bit_count=8))
    records.Operate(record_pb2.OperateRequest(key=key, verb=types_pb2.VERB_UPSERT, operations=[add]), timeout=30)
    sketch = records.Get(record_pb2.GetRequest(key=key), timeout=30).record.bins["h"].hll_value
    assert sketch
    copy = fresh_key()
    records.Put(record_pb2.PutRequest(key=copy, bins={"h": types_pb2.Value(hll_value=sketch)}, verb=types_pb2.VERB_UPSERT), timeout=30)
    assert records.Get(record_pb2.GetRequest(key=copy), timeout=30).record.bins["h"].hll_value == sketch
    count = operation_pb2.Operation(bin="h", hll_get_count=operation_pb2.HllGetCountOperation())
    res = records.Operate(record_pb2.OperateRequest(key=copy, verb=types_pb2.VERB_READ, operations=[count]), timeout=30)
    assert res.operation_results[0].int_value == 3


def test_hll_add_count_union(records):
    def hll_add(*values):
        return operation_pb2.Operation(bin="h", hll_add=operation_pb2.HllAddOperation(values=list(values), index_bit_count=10))

    count = operation_pb2.Operation(bin="h", hll_get_count=operation_pb2.HllGetCountOperation())
    a, b = fresh_key(), fresh_key()
    res = records.Operate(record_pb2.OperateRequest(key=a, verb=types_pb2.VERB_UPSERT, operations=[hll_add(sv("x"), sv("y"), sv("z")), count]), timeout=30)
    assert [r.int_value for r in res.operation_results] == [3, 3]
    records.Operate(record_pb2.OperateRequest(key=b, verb=types_pb2.VERB_UPSERT, operations=[hll_add(sv("z"), sv("w"))]), timeout=30)
    sketch_b = records.Get(record_pb2.GetRequest(key=b), timeout=30).record.bins["h"].hll_value
    res = records.Operate(
        record_pb2.OperateRequest(
            key=a,
            verb=types_pb2.VERB_UPDATE,
            operations=[
                operation_pb2.Operation(bin="h", hll_get_union_count=operation_pb2.HllSketchesOperation(sketches=[sketch_b])),
                operation_pb2.Operation(bin="h", hll_set_union=operation_pb2.HllSetUnionOperation(sketches=[sketch_b])),
                count,
            ],
        ),
        timeout=30,
    )
    assert res.operation_results[0].int_value == 4
    assert res.operation_results[2].int_value == 4


def test_execute_batch(records, batches):
    keys = seed(records, 3)
    add_then_get = [
        operation_pb2.Operation(bin="n", add=iv(100)),
        operation_pb2.Operation(bin="n", get={}),
    ]
    response = batches.ExecuteBatch(
        batch_pb2.ExecuteBatchRequest(
            entries=[
                batch_pb2.BatchEntry(key=keys[0], verb=types_pb2.VERB_READ),
                batch_pb2.BatchEntry(key=fresh_key(), verb=types_pb2.VERB_READ),
                batch_pb2.BatchEntry(key=keys[1], verb=types_pb2.VERB_UPDATE, operations=add_then_get),
                batch_pb2.BatchEntry(key=keys[2], verb=types_pb2.VERB_READ, bins=["age"]),
            ]
        ),
        timeout=30,
    )
    r = response.results
    assert [x.index for x in r] == [0, 1, 2, 3]
    assert r[0].result_code == 0 and r[0].record.bins["n"].int_value == 0
    assert (r[1].result_code, r[1].result_name) == (2, "KEY_NOT_FOUND_ERROR")
    assert r[2].result_code == 0 and r[2].operation_results[1].int_value == 101
    assert dict(r[3].record.bins) == {"age": iv(20)}


def test_stream_batch_reordered_by_index(records, batches):
    keys = seed(records, 25)
    stream = batches.StreamBatch(
        batch_pb2.StreamBatchRequest(entries=[batch_pb2.BatchEntry(key=k, verb=types_pb2.VERB_READ) for k in keys]),
        timeout=30,
    )
    results = sorted((m.result for m in stream), key=lambda r: r.index)
    assert [r.index for r in results] == list(range(len(keys)))
    for i, r in enumerate(results):
        assert r.result_code == 0
        assert r.key.string_value == keys[i].string_value
        assert r.record.bins["n"].int_value == i


def test_ael_filter_with_placeholders(records, batches):
    keys = seed(records, 4)  # ages 0, 10, 20, 30
    response = batches.ExecuteBatch(
        batch_pb2.ExecuteBatchRequest(
            entries=[batch_pb2.BatchEntry(key=k, verb=types_pb2.VERB_READ) for k in keys],
            filter=ael("$.age >= ?0 and $.age < ?1", iv(10), iv(30)),
        ),
        timeout=30,
    )
    assert [r.result_code for r in response.results] == [27, 0, 0, 27]  # 27 = FILTERED_OUT
    # A string placeholder stays data: quotes in it do not change the expression.
    with pytest.raises(grpc.RpcError) as caught:
        records.Get(record_pb2.GetRequest(key=keys[1], filter=ael("$.age == ?0", sv("10' or true"))), timeout=30)
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_info(caught.value).reason == "AEROSPIKE_FILTERED_OUT"


def test_run_task_watched_to_completion(channel, records, batches):
    task_set = f"clients_py_task_{os.getpid()}_{next(_seq)}"
    keys = seed(records, 20, task_set)
    events = [
        r.event
        for r in task_pb2_grpc.TaskServiceStub(channel).RunTask(
            task_pb2.RunTaskRequest(
                start=task_pb2.StartTaskRequest(
                    namespace="test",
                    set=task_set,
                    filter=ael("$.n >= ?0", iv(5)),
                    update=task_pb2.UpdateAction(operations=[operation_pb2.Operation(bin="bg", set_to=sv("done"))]),
                    # Throttled so that the job is usually still running when the watch begins.
                    records_per_second=40,
                )
            ),
            timeout=60,
        )
    ]
    assert events, "RunTask sent no events"
    # A job that finished before the watch began is reported by its terminal event alone.
    if len(events) > 1:
        assert events[0].type == task_pb2.TASK_EVENT_TYPE_STARTED
        assert all(e.type == task_pb2.TASK_EVENT_TYPE_PROGRESS for e in events[1:-1])
    last = events[-1]
    assert last.type == task_pb2.TASK_EVENT_TYPE_COMPLETED
    assert last.task.state == task_pb2.TASK_STATE_COMPLETED
    assert last.task.kind == task_pb2.TASK_KIND_UPDATE
    assert last.task.records_succeeded == 15
    response = batches.ExecuteBatch(
        batch_pb2.ExecuteBatchRequest(entries=[batch_pb2.BatchEntry(key=k, verb=types_pb2.VERB_READ) for k in keys]),
        timeout=30,
    )
    assert [("bg" in r.record.bins) for r in response.results] == [i >= 5 for i in range(20)]


def test_error_info_in_status_details(records):
    with pytest.raises(grpc.RpcError) as caught:
        records.Get(record_pb2.GetRequest(key=fresh_key()), timeout=30)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    info = error_info(caught.value)
    assert (info.domain, info.reason, info.metadata["result_code"]) == ("aerogate", "AEROSPIKE_KEY_NOT_FOUND_ERROR", "2")
    assert "in_doubt" in info.metadata

    put = record_pb2.PutRequest(key=fresh_key(), verb=types_pb2.VERB_INSERT, bins={"a": iv(1)})
    records.Put(put, timeout=30)
    with pytest.raises(grpc.RpcError) as caught:
        records.Put(put, timeout=30)
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    info = error_info(caught.value)
    assert (info.reason, info.metadata["result_code"]) == ("AEROSPIKE_KEY_EXISTS_ERROR", "5")


def test_deadline_expires(batches):
    entries = [batch_pb2.BatchEntry(key=fresh_key(), verb=types_pb2.VERB_READ) for _ in range(300)]
    with pytest.raises(grpc.RpcError) as caught:
        batches.ExecuteBatch(batch_pb2.ExecuteBatchRequest(entries=entries), timeout=0.001)
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


def test_example_program(gateway_address):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "gen" / "python"), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, str(ROOT / "gen" / "python" / "examples" / "quickstart.py"), gateway_address],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "name=Ada visits=9007199254740993 score=3.0 (double_value)" in out.stdout
    assert "reason=AEROSPIKE_KEY_NOT_FOUND_ERROR result_code=2" in out.stdout


def test_package_installs_with_typed_stubs(tmp_path, gateway_address):
    # Build from a copy so that setuptools leaves no build/ or egg-info in gen/python.
    import shutil

    source = tmp_path / "src"
    shutil.copytree(ROOT / "gen" / "python", source, ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "--target", str(target), str(source)],
        check=True,
        timeout=300,
    )
    v1 = target / "aerogate" / "v1"
    assert (target / "aerogate" / "py.typed").exists()
    assert sorted(p.name for p in v1.glob("*.pyi")) == sorted(p.name for p in (ROOT / "gen" / "python" / "aerogate" / "v1").glob("*.pyi"))
    probe = "from aerogate.v1 import types_pb2; print(types_pb2.Value(int_value=2**63 - 1).int_value)"
    out = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "PYTHONPATH": str(target)}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(2**63 - 1)
