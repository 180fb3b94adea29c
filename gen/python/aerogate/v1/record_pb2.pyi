from aerogate.v1 import operation_pb2 as _operation_pb2
from aerogate.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetRequest(_message.Message):
    __slots__ = ("key", "bins", "headers_only", "filter")
    KEY_FIELD_NUMBER: _ClassVar[int]
    BINS_FIELD_NUMBER: _ClassVar[int]
    HEADERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    bins: _containers.RepeatedScalarFieldContainer[str]
    headers_only: bool
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., bins: _Optional[_Iterable[str]] = ..., headers_only: _Optional[bool] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class GetResponse(_message.Message):
    __slots__ = ("record", "key")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    record: _types_pb2.Record
    key: _types_pb2.Key
    def __init__(self, record: _Optional[_Union[_types_pb2.Record, _Mapping]] = ..., key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ...) -> None: ...

class ExistsRequest(_message.Message):
    __slots__ = ("key", "filter")
    KEY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class ExistsResponse(_message.Message):
    __slots__ = ("exists", "record")
    EXISTS_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    exists: bool
    record: _types_pb2.Record
    def __init__(self, exists: _Optional[bool] = ..., record: _Optional[_Union[_types_pb2.Record, _Mapping]] = ...) -> None: ...

class PutRequest(_message.Message):
    __slots__ = ("key", "bins", "verb", "policy", "filter")
    class BinsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _types_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_types_pb2.Value, _Mapping]] = ...) -> None: ...
    KEY_FIELD_NUMBER: _ClassVar[int]
    BINS_FIELD_NUMBER: _ClassVar[int]
    VERB_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    bins: _containers.MessageMap[str, _types_pb2.Value]
    verb: _types_pb2.Verb
    policy: _types_pb2.WritePolicy
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., bins: _Optional[_Mapping[str, _types_pb2.Value]] = ..., verb: _Optional[_Union[_types_pb2.Verb, str]] = ..., policy: _Optional[_Union[_types_pb2.WritePolicy, _Mapping]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class PutResponse(_message.Message):
    __slots__ = ("generation", "expiration", "key")
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    generation: int
    expiration: _types_pb2.Expiration
    key: _types_pb2.Key
    def __init__(self, generation: _Optional[int] = ..., expiration: _Optional[_Union[_types_pb2.Expiration, _Mapping]] = ..., key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ...) -> None: ...

class OperateRequest(_message.Message):
    __slots__ = ("key", "operations", "verb", "policy", "filter")
    KEY_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    VERB_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    operations: _containers.RepeatedCompositeFieldContainer[_operation_pb2.Operation]
    verb: _types_pb2.Verb
    policy: _types_pb2.WritePolicy
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., operations: _Optional[_Iterable[_Union[_operation_pb2.Operation, _Mapping]]] = ..., verb: _Optional[_Union[_types_pb2.Verb, str]] = ..., policy: _Optional[_Union[_types_pb2.WritePolicy, _Mapping]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class OperateResponse(_message.Message):
    __slots__ = ("record", "operation_results", "key")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    OPERATION_RESULTS_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    record: _types_pb2.Record
    operation_results: _containers.RepeatedCompositeFieldContainer[_types_pb2.Value]
    key: _types_pb2.Key
    def __init__(self, record: _Optional[_Union[_types_pb2.Record, _Mapping]] = ..., operation_results: _Optional[_Iterable[_Union[_types_pb2.Value, _Mapping]]] = ..., key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ...) -> None: ...

class DeleteRequest(_message.Message):
    __slots__ = ("key", "policy", "filter")
    KEY_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    policy: _types_pb2.WritePolicy
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., policy: _Optional[_Union[_types_pb2.WritePolicy, _Mapping]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class DeleteResponse(_message.Message):
    __slots__ = ("existed",)
    EXISTED_FIELD_NUMBER: _ClassVar[int]
    existed: bool
    def __init__(self, existed: _Optional[bool] = ...) -> None: ...

class TouchRequest(_message.Message):
    __slots__ = ("key", "policy", "filter")
    KEY_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    key: _types_pb2.Key
    policy: _types_pb2.WritePolicy
    filter: _types_pb2.Expression
    def __init__(self, key: _Optional[_Union[_types_pb2.Key, _Mapping]] = ..., policy: _Optional[_Union[_types_pb2.WritePolicy, _Mapping]] = ..., filter: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ...) -> None: ...

class TouchResponse(_message.Message):
    __slots__ = ("generation", "expiration")
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    generation: int
    expiration: _types_pb2.Expiration
    def __init__(self, generation: _Optional[int] = ..., expiration: _Optional[_Union[_types_pb2.Expiration, _Mapping]] = ...) -> None: ...
