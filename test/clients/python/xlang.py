"""The Python participant of the cross-language check (run by scripts/test-clients.mjs).

    python xlang.py write ADDRESS          writes the canonical record under the key xlang-python
    python xlang.py read ADDRESS LANG...   reads xlang-LANG for each LANG and compares it with the canonical record

Prints one line per key read, `LANG ok` or `LANG FAIL <differences>`, and exits 1 on any difference.
"""

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "gen" / "python"))
sys.path.insert(0, str(HERE))

import grpc  # noqa: E402

import canon  # noqa: E402
from aerogate.v1 import record_pb2, record_pb2_grpc, types_pb2  # noqa: E402


def main(argv: "list[str]") -> int:
    mode, address, languages = argv[0], argv[1], argv[2:]
    want = canon.bins()
    with grpc.insecure_channel(address) as channel:
        records = record_pb2_grpc.RecordServiceStub(channel)
        if mode == "write":
            records.Put(record_pb2.PutRequest(key=canon.key("python"), bins=want, verb=types_pb2.VERB_REPLACE), timeout=30)
            print("python wrote xlang-python")
            return 0
        failed = False
        for language in languages:
            try:
                got = records.Get(record_pb2.GetRequest(key=canon.key(language)), timeout=30).record.bins
            except grpc.RpcError as e:
                print(f"{language} FAIL {e.code().name}: {e.details()}")
                failed = True
                continue
            problems = canon.diff(want, dict(got))
            if problems:
                print(f"{language} FAIL {'; '.join(problems)}")
                failed = True
            else:
                print(f"{language} ok")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
