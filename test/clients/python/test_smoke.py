"""Smoke tests: the gateway answers health checks and UNIMPLEMENTED through the generated Python stubs."""

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from aerogate.v1 import task_pb2, task_pb2_grpc


@pytest.fixture
def channel(gateway_address):
    """A plaintext channel to the gateway, closed after the test."""
    with grpc.insecure_channel(gateway_address) as ch:
        yield ch


def test_health_check_serving(channel):
    response = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    assert response.status == health_pb2.HealthCheckResponse.SERVING


def test_unimplemented_rpc(channel):
    stub = task_pb2_grpc.TaskServiceStub(channel)
    with pytest.raises(grpc.RpcError) as caught:
        stub.ListTasks(task_pb2.ListTasksRequest(), timeout=10)
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert "ListTasks" in caught.value.details()
