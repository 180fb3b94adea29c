package dev.aerogate.examples;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.aerogate.v1.GetRequest;
import dev.aerogate.v1.Key;
import dev.aerogate.v1.PutRequest;
import dev.aerogate.v1.PutResponse;
import dev.aerogate.v1.RecordServiceGrpc;
import dev.aerogate.v1.Value;
import dev.aerogate.v1.Verb;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes a record through the aerogate gateway, reads it back and reads a failed call's ErrorInfo. */
public final class Quickstart {
  private Quickstart() {}

  /** Usage: {@code Quickstart [HOST:PORT]} (default 127.0.0.1:50051). */
  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? args[0] : "127.0.0.1:50051", System.out);
  }

  /** Runs the example against the gateway at {@code address}, printing to {@code out}. */
  public static void run(String address, PrintStream out) throws InterruptedException, InvalidProtocolBufferException {
    ManagedChannel channel = Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
    try {
      RecordServiceGrpc.RecordServiceBlockingStub records =
          RecordServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      Key key = Key.newBuilder().setNamespace("test").setSet("examples").setStringValue("java-example").build();
      PutResponse put =
          records.put(
              PutRequest.newBuilder()
                  .setKey(key)
                  .setVerb(Verb.VERB_REPLACE)
                  .putBins("name", Value.newBuilder().setStringValue("Ada").build())
                  .putBins("visits", Value.newBuilder().setIntValue(9007199254740993L).build()) // 2^53 + 1, exact
                  .putBins("score", Value.newBuilder().setDoubleValue(3.0).build())
                  .build());
      out.println("put generation=" + put.getGeneration());

      Map<String, Value> bins = records.get(GetRequest.newBuilder().setKey(key).build()).getRecord().getBinsMap();
      out.println(
          "name=" + bins.get("name").getStringValue()
              + " visits=" + bins.get("visits").getIntValue()
              + " score=" + bins.get("score").getDoubleValue()
              + " (" + bins.get("score").getKindCase() + ")");

      Key missing = key.toBuilder().setStringValue("no-such-key").build();
      try {
        records.get(GetRequest.newBuilder().setKey(missing).build());
      } catch (StatusRuntimeException e) {
        // The google.rpc.Status of grpc-status-details-bin, with an ErrorInfo among its details.
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        for (Any detail : status == null ? java.util.List.<Any>of() : status.getDetailsList()) {
          if (detail.is(ErrorInfo.class)) {
            ErrorInfo info = detail.unpack(ErrorInfo.class);
            out.println(
                "missing: code=" + e.getStatus().getCode()
                    + " reason=" + info.getReason()
                    + " result_code=" + info.getMetadataOrDefault("result_code", "?"));
          }
        }
      }
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
