from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Verb(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERB_UNSPECIFIED: _ClassVar[Verb]
    VERB_READ: _ClassVar[Verb]
    VERB_EXISTS: _ClassVar[Verb]
    VERB_INSERT: _ClassVar[Verb]
    VERB_UPDATE: _ClassVar[Verb]
    VERB_UPSERT: _ClassVar[Verb]
    VERB_REPLACE: _ClassVar[Verb]
    VERB_REPLACE_IF_EXISTS: _ClassVar[Verb]
    VERB_DELETE: _ClassVar[Verb]
    VERB_TOUCH: _ClassVar[Verb]
    VERB_UDF: _ClassVar[Verb]
VERB_UNSPECIFIED: Verb
VERB_READ: Verb
VERB_EXISTS: Verb
VERB_INSERT: Verb
VERB_UPDATE: Verb
VERB_UPSERT: Verb
VERB_REPLACE: Verb
VERB_REPLACE_IF_EXISTS: Verb
VERB_DELETE: Verb
VERB_TOUCH: Verb
VERB_UDF: Verb

class Key(_message.Message):
    __slots__ = ("namespace", "set", "string_value", "int_value", "bytes_value", "digest")
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    SET_FIELD_NUMBER: _ClassVar[int]
    STRING_VALUE_FIELD_NUMBER: _ClassVar[int]
    INT_VALUE_FIELD_NUMBER: _ClassVar[int]
    BYTES_VALUE_FIELD_NUMBER: _ClassVar[int]
    DIGEST_FIELD_NUMBER: _ClassVar[int]
    namespace: str
    set: str
    string_value: str
    int_value: int
    bytes_value: bytes
    digest: bytes
    def __init__(self, namespace: _Optional[str] = ..., set: _Optional[str] = ..., string_value: _Optional[str] = ..., int_value: _Optional[int] = ..., bytes_value: _Optional[bytes] = ..., digest: _Optional[bytes] = ...) -> None: ...

class Value(_message.Message):
    __slots__ = ("null_value", "bool_value", "int_value", "double_value", "string_value", "bytes_value", "list_value", "map_value", "geojson_value", "hll_value")
    NULL_VALUE_FIELD_NUMBER: _ClassVar[int]
    BOOL_VALUE_FIELD_NUMBER: _ClassVar[int]
    INT_VALUE_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_VALUE_FIELD_NUMBER: _ClassVar[int]
    STRING_VALUE_FIELD_NUMBER: _ClassVar[int]
    BYTES_VALUE_FIELD_NUMBER: _ClassVar[int]
    LIST_VALUE_FIELD_NUMBER: _ClassVar[int]
    MAP_VALUE_FIELD_NUMBER: _ClassVar[int]
    GEOJSON_VALUE_FIELD_NUMBER: _ClassVar[int]
    HLL_VALUE_FIELD_NUMBER: _ClassVar[int]
    null_value: _struct_pb2.NullValue
    bool_value: bool
    int_value: int
    double_value: float
    string_value: str
    bytes_value: bytes
    list_value: ListValue
    map_value: MapValue
    geojson_value: str
    hll_value: bytes
    def __init__(self, null_value: _Optional[_Union[_struct_pb2.NullValue, str]] = ..., bool_value: _Optional[bool] = ..., int_value: _Optional[int] = ..., double_value: _Optional[float] = ..., string_value: _Optional[str] = ..., bytes_value: _Optional[bytes] = ..., list_value: _Optional[_Union[ListValue, _Mapping]] = ..., map_value: _Optional[_Union[MapValue, _Mapping]] = ..., geojson_value: _Optional[str] = ..., hll_value: _Optional[bytes] = ...) -> None: ...

class ListValue(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[Value]
    def __init__(self, values: _Optional[_Iterable[_Union[Value, _Mapping]]] = ...) -> None: ...

class MapValue(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[MapEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[MapEntry, _Mapping]]] = ...) -> None: ...

class MapEntry(_message.Message):
    __slots__ = ("key", "value")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    key: Value
    value: Value
    def __init__(self, key: _Optional[_Union[Value, _Mapping]] = ..., value: _Optional[_Union[Value, _Mapping]] = ...) -> None: ...

class Record(_message.Message):
    __slots__ = ("bins", "generation", "expiration")
    class BinsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Value, _Mapping]] = ...) -> None: ...
    BINS_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    bins: _containers.MessageMap[str, Value]
    generation: int
    expiration: Expiration
    def __init__(self, bins: _Optional[_Mapping[str, Value]] = ..., generation: _Optional[int] = ..., expiration: _Optional[_Union[Expiration, _Mapping]] = ...) -> None: ...

class Expiration(_message.Message):
    __slots__ = ("seconds", "never", "keep", "server_default")
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    NEVER_FIELD_NUMBER: _ClassVar[int]
    KEEP_FIELD_NUMBER: _ClassVar[int]
    SERVER_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    seconds: int
    never: _empty_pb2.Empty
    keep: _empty_pb2.Empty
    server_default: _empty_pb2.Empty
    def __init__(self, seconds: _Optional[int] = ..., never: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., keep: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., server_default: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ...) -> None: ...

class Expression(_message.Message):
    __slots__ = ("ael", "placeholders")
    AEL_FIELD_NUMBER: _ClassVar[int]
    PLACEHOLDERS_FIELD_NUMBER: _ClassVar[int]
    ael: str
    placeholders: _containers.RepeatedCompositeFieldContainer[Value]
    def __init__(self, ael: _Optional[str] = ..., placeholders: _Optional[_Iterable[_Union[Value, _Mapping]]] = ...) -> None: ...

class WritePolicy(_message.Message):
    __slots__ = ("expiration", "expected_generation", "durable_delete", "send_key")
    EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_GENERATION_FIELD_NUMBER: _ClassVar[int]
    DURABLE_DELETE_FIELD_NUMBER: _ClassVar[int]
    SEND_KEY_FIELD_NUMBER: _ClassVar[int]
    expiration: Expiration
    expected_generation: int
    durable_delete: bool
    send_key: bool
    def __init__(self, expiration: _Optional[_Union[Expiration, _Mapping]] = ..., expected_generation: _Optional[int] = ..., durable_delete: _Optional[bool] = ..., send_key: _Optional[bool] = ...) -> None: ...

class UdfCall(_message.Message):
    __slots__ = ("package", "function", "args")
    PACKAGE_FIELD_NUMBER: _ClassVar[int]
    FUNCTION_FIELD_NUMBER: _ClassVar[int]
    ARGS_FIELD_NUMBER: _ClassVar[int]
    package: str
    function: str
    args: _containers.RepeatedCompositeFieldContainer[Value]
    def __init__(self, package: _Optional[str] = ..., function: _Optional[str] = ..., args: _Optional[_Iterable[_Union[Value, _Mapping]]] = ...) -> None: ...
