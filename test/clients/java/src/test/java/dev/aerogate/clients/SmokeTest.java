package dev.aerogate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerogate.v1.ListTasksRequest;
import dev.aerogate.v1.ListTasksResponse;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Smoke tests: the gateway answers health checks and UNIMPLEMENTED through the generated Java stubs. */
class SmokeTest {
  // A method the gateway does not serve. Every RPC of the contract gets implemented over time, so the
  // probe uses a method outside the contract, sent with generated messages.
  private static final MethodDescriptor<ListTasksRequest, ListTasksResponse> UNIMPLEMENTED_METHOD =
      MethodDescriptor.<ListTasksRequest, ListTasksResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("aerogate.v1.TaskService/NoSuchMethod")
          .setRequestMarshaller(ProtoUtils.marshaller(ListTasksRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(ListTasksResponse.getDefaultInstance()))
          .build();

  private static Gateway gateway;
  private static ManagedChannel channel;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = Gateway.start();
    channel = Grpc.newChannelBuilder(gateway.address(), InsecureChannelCredentials.create()).build();
  }

  @AfterAll
  static void stopGateway() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void healthCheckIsServing() {
    HealthCheckResponse response =
        HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
  }

  @Test
  void unimplementedRpcAnswersUnimplemented() {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                ClientCalls.blockingUnaryCall(
                    channel,
                    UNIMPLEMENTED_METHOD,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                    ListTasksRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    String description = String.valueOf(e.getStatus().getDescription());
    assertTrue(description.contains("NoSuchMethod"), "message names the method: " + description);
  }
}
