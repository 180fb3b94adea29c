"""Writes a record through the aerogate gateway, reads it back and reads a failed call's ErrorInfo.

Usage: python quickstart.py [HOST:PORT]   (default 127.0.0.1:50051)
"""

import sys

import grpc
from google.rpc import error_details_pb2, status_pb2

from aerogate.v1 import record_pb2, record_pb2_grpc, types_pb2


def error_info(error: grpc.RpcError) -> "error_details_pb2.ErrorInfo | None":
    """Decodes the google.rpc.ErrorInfo from a failed call's grpc-status-details-bin trailer."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                info = error_details_pb2.ErrorInfo()
                if detail.Unpack(info):
                    return info
    return None


def main(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        records = record_pb2_grpc.RecordServiceStub(channel)
        key = types_pb2.Key(namespace="test", set="examples", string_value="python-example")
        put = records.Put(
            record_pb2.PutRequest(
                key=key,
                verb=types_pb2.VERB_REPLACE,
                bins={
                    "name": types_pb2.Value(string_value="Ada"),
                    "visits": types_pb2.Value(int_value=2**53 + 1),  # exact
                    "score": types_pb2.Value(double_value=3.0),
                },
            ),
            timeout=10,
        )
        print(f"put generation={put.generation}")

        bins = records.Get(record_pb2.GetRequest(key=key), timeout=10).record.bins
        print(
            f"name={bins['name'].string_value} visits={bins['visits'].int_value} "
            f"score={bins['score'].double_value} ({bins['score'].WhichOneof('kind')})"
        )

        missing = types_pb2.Key(namespace="test", set="examples", string_value="no-such-key")
        try:
            records.Get(record_pb2.GetRequest(key=missing), timeout=10)
        except grpc.RpcError as e:
            info = error_info(e)
            assert info is not None
            print(
                f"missing: code={e.code().name} reason={info.reason} "
                f"result_code={info.metadata['result_code']}"
            )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051")
