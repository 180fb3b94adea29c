from aerogate.v1 import operation_pb2 as _operation_pb2
from aerogate.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BatchEntry(_message.Message):
    __slots__ = ("key", "verb", "operations", "bins", "headers_only", "filter", "policy", "udf")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VERB_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    BINS_FIELD_NUMBER: _ClassVar[int]
    HEADERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    UDF_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    verb: _types_pb2.Verb
    operations: _containers.RepeatedCompositeFieldContainer[_operation_pb2.Operation]
    bins: _containers.RepeatedScalarFieldContainer[str]
    headers_only: bool
    filter: _types_pb2.Expression
    policy: _types_pb2.WritePolicy
    udf: _types_pb2.UdfCall
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., verb: _Optional[_Union[_types_pb2.Verb, str]] = ..., operations: _Optional[_Iterable[_Union[_operation_pb2.Operation, _Mapping]]] = ..., bins: _Optional[_Iterable[str]] = ..., headers_only: _Optional[bool] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ..., policy: _Optional[_Union[_types_pb2.WritePolicy, _Mapping]] = ..., udf: _Optional[_Union[_types_pb2.UdfCall, _Mapping]] = ...) -> None: ...

class ExecuteBatchRequest(_message.Message):
    __slots__ = ("entries", "filter", "respond_all_keys")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    RESPOND_ALL_KEYS_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[BatchEntry]
    filter: _types_pb2.Expression
    respond_all_keys: bool
    def __init__(self, entries: _Optional[_Iterable[_Union[BatchEntry, _Mapping]]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ..., respond_all_keys: _Optional[bool] = ...) -> None: ...

class ExecuteBatchResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[BatchResult]
    def __init__(self, results: _Optional[_Iterable[_Union[BatchResult, _Mapping]]] = ...) -> None: ...

class StreamBatchRequest(_message.Message):
    __slots__ = ("entries", "filter", "respond_all_keys")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    RESPOND_ALL_KEYS_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[BatchEntry]
    filter: _types_pb2.Expression
    respond_all_keys: bool
    def __init__(self, entries: _Optional[_Iterable[_Union[BatchEntry, _Mapping]]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ..., respond_all_keys: _Optional[bool] = ...) -> None: ...

class StreamBatchResponse(_message.Message):
    __slots__ = ("result",)
    RESULT_FIELD_NUMBER: _ClassVar[int]
    result: BatchResult
    def __init__(self, result: _Optional[_Union[BatchResult, _Mapping]] = ...) -> None: ...

class BatchResult(_message.Message):
    __slots__ = ("index", "key", "result_code", "result_name", "message", "in_doubt", "record", "operation_results", "udf_result")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    RESULT_CODE_FIELD_NUMBER: _ClassVar[int]
    RESULT_NAME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    IN_DOUBT_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    OPERATION_RESULTS_FIELD_NUMBER: _ClassVar[int]
    UDF_RESULT_FIELD_NUMBER: _ClassVar[int]
    index: int
    key: _types_pb2.Key
    result_code: int
    result_name: str
    message: str
    in_doubt: bool
    record: _types_pb2.Record
    operation_results: _containers.RepeatedCompositeFieldContainer[_types_pb2.Value]
    udf_result: _types_pb2.Value
    def __init__(self, index: _Optional[int] = ..., key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., result_code: _Optional[int] = ..., result_name: _Optional[str] = ..., message: _Optional[str] = ..., in_doubt: _Optional[bool] = ..., record: _Optional[_Union[_types_pb2.Record, _Mapping]] = ..., operation_results: _Optional[_Iterable[_Union[_types_pb2.Value, _Mapping]]] = ..., udf_result: _Optional[_Union[_types_pb2.Value, _Mapping]] = ...) -> None: ...
