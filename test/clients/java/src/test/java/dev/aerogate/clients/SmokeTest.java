package dev.aerogate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerogate.v1.ListTasksRequest;
import dev.aerogate.v1.TaskServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Smoke tests: the gateway answers health checks and UNIMPLEMENTED through the generated Java stubs. */
class SmokeTest {
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
    TaskServiceGrpc.TaskServiceBlockingStub stub =
        TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub.listTasks(ListTasksRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    String description = String.valueOf(e.getStatus().getDescription());
    assertTrue(description.contains("ListTasks"), "message names the RPC: " + description);
  }
}
