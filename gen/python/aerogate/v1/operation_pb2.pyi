from aerogate.v1 import types_pb2 as _types_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Operation(_message.Message):
    __slots__ = ("bin", "set_to", "set_to_geojson", "add", "append", "prepend", "remove_bin", "get", "touch", "delete_record", "select_from", "insert_from", "update_from", "upsert_from", "hll_init", "hll_add", "hll_set_union", "hll_refresh_count", "hll_fold", "hll_get_count", "hll_get_union", "hll_get_union_count", "hll_get_intersect_count", "hll_get_similarity", "hll_describe")
    BIN_FIELD_NUMBER: _ClassVar[int]
    SET_TO_FIELD_NUMBER: _ClassVar[int]
    SET_TO_GEOJSON_FIELD_NUMBER: _ClassVar[int]
    ADD_FIELD_NUMBER: _ClassVar[int]
    APPEND_FIELD_NUMBER: _ClassVar[int]
    PREPEND_FIELD_NUMBER: _ClassVar[int]
    REMOVE_BIN_FIELD_NUMBER: _ClassVar[int]
    GET_FIELD_NUMBER: _ClassVar[int]
    TOUCH_FIELD_NUMBER: _ClassVar[int]
    DELETE_RECORD_FIELD_NUMBER: _ClassVar[int]
    SELECT_FROM_FIELD_NUMBER: _ClassVar[int]
    INSERT_FROM_FIELD_NUMBER: _ClassVar[int]
    UPDATE_FROM_FIELD_NUMBER: _ClassVar[int]
    UPSERT_FROM_FIELD_NUMBER: _ClassVar[int]
    HLL_INIT_FIELD_NUMBER: _ClassVar[int]
    HLL_ADD_FIELD_NUMBER: _ClassVar[int]
    HLL_SET_UNION_FIELD_NUMBER: _ClassVar[int]
    HLL_REFRESH_COUNT_FIELD_NUMBER: _ClassVar[int]
    HLL_FOLD_FIELD_NUMBER: _ClassVar[int]
    HLL_GET_COUNT_FIELD_NUMBER: _ClassVar[int]
    HLL_GET_UNION_FIELD_NUMBER: _ClassVar[int]
    HLL_GET_UNION_COUNT_FIELD_NUMBER: _ClassVar[int]
    HLL_GET_INTERSECT_COUNT_FIELD_NUMBER: _ClassVar[int]
    HLL_GET_SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    HLL_DESCRIBE_FIELD_NUMBER: _ClassVar[int]
    bin: str
    set_to: _types_pb2.Value
    set_to_geojson: str
    add: _types_pb2.Value
    append: str
    prepend: str
    remove_bin: _empty_pb2.Empty
    get: _empty_pb2.Empty
    touch: _empty_pb2.Empty
    delete_record: _empty_pb2.Empty
    select_from: SelectFromOperation
    insert_from: WriteFromOperation
    update_from: WriteFromOperation
    upsert_from: WriteFromOperation
    hll_init: HllInitOperation
    hll_add: HllAddOperation
    hll_set_union: HllSetUnionOperation
    hll_refresh_count: HllRefreshCountOperation
    hll_fold: HllFoldOperation
    hll_get_count: HllGetCountOperation
    hll_get_union: HllSketchesOperation
    hll_get_union_count: HllSketchesOperation
    hll_get_intersect_count: HllSketchesOperation
    hll_get_similarity: HllSketchesOperation
    hll_describe: HllDescribeOperation
    def __init__(self, bin: _Optional[str] = ..., set_to: _Optional[_Union[_types_pb2.Value, _Mapping]] = ..., set_to_geojson: _Optional[str] = ..., add: _Optional[_Union[_types_pb2.Value, _Mapping]] = ..., append: _Optional[str] = ..., prepend: _Optional[str] = ..., remove_bin: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., get: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., touch: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., delete_record: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., select_from: _Optional[_Union[SelectFromOperation, _Mapping]] = ..., insert_from: _Optional[_Union[WriteFromOperation, _Mapping]] = ..., update_from: _Optional[_Union[WriteFromOperation, _Mapping]] = ..., upsert_from: _Optional[_Union[WriteFromOperation, _Mapping]] = ..., hll_init: _Optional[_Union[HllInitOperation, _Mapping]] = ..., hll_add: _Optional[_Union[HllAddOperation, _Mapping]] = ..., hll_set_union: _Optional[_Union[HllSetUnionOperation, _Mapping]] = ..., hll_refresh_count: _Optional[_Union[HllRefreshCountOperation, _Mapping]] = ..., hll_fold: _Optional[_Union[HllFoldOperation, _Mapping]] = ..., hll_get_count: _Optional[_Union[HllGetCountOperation, _Mapping]] = ..., hll_get_union: _Optional[_Union[HllSketchesOperation, _Mapping]] = ..., hll_get_union_count: _Optional[_Union[HllSketchesOperation, _Mapping]] = ..., hll_get_intersect_count: _Optional[_Union[HllSketchesOperation, _Mapping]] = ..., hll_get_similarity: _Optional[_Union[HllSketchesOperation, _Mapping]] = ..., hll_describe: _Optional[_Union[HllDescribeOperation, _Mapping]] = ...) -> None: ...

class SelectFromOperation(_message.Message):
    __slots__ = ("expression", "ignore_eval_failure")
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    IGNORE_EVAL_FAILURE_FIELD_NUMBER: _ClassVar[int]
    expression: _types_pb2.Expression
    ignore_eval_failure: bool
    def __init__(self, expression: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ..., ignore_eval_failure: _Optional[bool] = ...) -> None: ...

class WriteFromOperation(_message.Message):
    __slots__ = ("expression", "ignore_op_failure", "ignore_eval_failure", "delete_if_null")
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    IGNORE_OP_FAILURE_FIELD_NUMBER: _ClassVar[int]
    IGNORE_EVAL_FAILURE_FIELD_NUMBER: _ClassVar[int]
    DELETE_IF_NULL_FIELD_NUMBER: _ClassVar[int]
    expression: _types_pb2.Expression
    ignore_op_failure: bool
    ignore_eval_failure: bool
    delete_if_null: bool
    def __init__(self, expression: _Optional[_Union[_types_pb2.Expression, _Mapping]] = ..., ignore_op_failure: _Optional[bool] = ..., ignore_eval_failure: _Optional[bool] = ..., delete_if_null: _Optional[bool] = ...) -> None: ...

class HllWriteFlags(_message.Message):
    __slots__ = ("create_only", "update_only", "no_fail", "allow_fold")
    CREATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    NO_FAIL_FIELD_NUMBER: _ClassVar[int]
    ALLOW_FOLD_FIELD_NUMBER: _ClassVar[int]
    create_only: bool
    update_only: bool
    no_fail: bool
    allow_fold: bool
    def __init__(self, create_only: _Optional[bool] = ..., update_only: _Optional[bool] = ..., no_fail: _Optional[bool] = ..., allow_fold: _Optional[bool] = ...) -> None: ...

class HllInitOperation(_message.Message):
    __slots__ = ("index_bit_count", "minhash_bit_count", "flags")
    INDEX_BIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    MINHASH_BIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    index_bit_count: int
    minhash_bit_count: int
    flags: HllWriteFlags
    def __init__(self, index_bit_count: _Optional[int] = ..., minhash_bit_count: _Optional[int] = ..., flags: _Optional[_Union[HllWriteFlags, _Mapping]] = ...) -> None: ...

class HllAddOperation(_message.Message):
    __slots__ = ("values", "index_bit_count", "minhash_bit_count", "flags")
    VALUES_FIELD_NUMBER: _ClassVar[int]
    INDEX_BIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    MINHASH_BIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[_types_pb2.Value]
    index_bit_count: int
    minhash_bit_count: int
    flags: HllWriteFlags
    def __init__(self, values: _Optional[_Iterable[_Union[_types_pb2.Value, _Mapping]]] = ..., index_bit_count: _Optional[int] = ..., minhash_bit_count: _Optional[int] = ..., flags: _Optional[_Union[HllWriteFlags, _Mapping]] = ...) -> None: ...

class HllSetUnionOperation(_message.Message):
    __slots__ = ("sketches", "flags")
    SKETCHES_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    sketches: _containers.RepeatedScalarFieldContainer[bytes]
    flags: HllWriteFlags
    def __init__(self, sketches: _Optional[_Iterable[bytes]] = ..., flags: _Optional[_Union[HllWriteFlags, _Mapping]] = ...) -> None: ...

class HllRefreshCountOperation(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class HllFoldOperation(_message.Message):
    __slots__ = ("index_bit_count",)
    INDEX_BIT_COUNT_FIELD_NUMBER: _ClassVar[int]
    index_bit_count: int
    def __init__(self, index_bit_count: _Optional[int] = ...) -> None: ...

class HllGetCountOperation(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class HllSketchesOperation(_message.Message):
    __slots__ = ("sketches",)
    SKETCHES_FIELD_NUMBER: _ClassVar[int]
    sketches: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, sketches: _Optional[_Iterable[bytes]] = ...) -> None: ...

class HllDescribeOperation(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
