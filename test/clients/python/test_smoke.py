"""Smoke tests: the gateway answers health checks and UNIMPLEMENTED through the generated Python stubs."""

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from aerogate.v1 import task_pb2


@pytest.fixture
def channel(gateway_address):
    """A plaintext channel to the gateway, closed after the test."""
    with grpc.insecure_channel(gateway_address) as ch:
        yield ch


def test_health_check_serving(channel):
    response = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    assert response.status == health_pb2.HealthCheckResponse.SERVING


# A method path the gateway does not serve. Every RPC of the contract gets implemented over time, so the
# probe uses a method outside the contract, sent with generated messages.
UNIMPLEMENTED_METHOD = "/aerogate.v1.TaskService/NoSuchMethod"


def test_unimplemented_rpc(channel):
    call = channel.unary_unary(
        UNIMPLEMENTED_METHOD,
        request_serializer=task_pb2.ListTasksRequest.SerializeToString,
        response_deserializer=task_pb2.ListTasksResponse.FromString,
    )
    with pytest.raises(grpc.RpcError) as caught:
        call(task_pb2.ListTasksRequest(), timeout=10)
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert "NoSuchMethod" in caught.value.details()
