package dev.aerogate.clients;

import dev.aerogate.v1.GetRequest;
import dev.aerogate.v1.PutRequest;
import dev.aerogate.v1.RecordServiceGrpc;
import dev.aerogate.v1.Value;
import dev.aerogate.v1.Verb;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Java participant of the cross-language check (run by scripts/test-clients.mjs with the test
 * classpath): {@code write ADDRESS} writes the canonical record under xlang-java; {@code read ADDRESS
 * LANG...} reads xlang-LANG for each LANG and compares it with the canonical record, printing {@code
 * LANG ok} or {@code LANG FAIL <differences>}, and exits 1 on any difference.
 */
public final class CrossLanguage {
  private CrossLanguage() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("aerogate.root", "../../..")).toAbsolutePath().normalize();
    Map<String, Value> want = Canon.bins(root);
    ManagedChannel channel = Grpc.newChannelBuilder(args[1], InsecureChannelCredentials.create()).build();
    int exit = 0;
    try {
      RecordServiceGrpc.RecordServiceBlockingStub records =
          RecordServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      if (args[0].equals("write")) {
        records.put(PutRequest.newBuilder().setKey(Canon.key("java")).putAllBins(want).setVerb(Verb.VERB_REPLACE).build());
        System.out.println("java wrote xlang-java");
      } else {
        for (String language : List.of(args).subList(2, args.length)) {
          try {
            Map<String, Value> got =
                records.get(GetRequest.newBuilder().setKey(Canon.key(language)).build()).getRecord().getBinsMap();
            List<String> problems = Canon.diff(want, got);
            if (problems.isEmpty()) {
              System.out.println(language + " ok");
            } else {
              System.out.println(language + " FAIL " + String.join("; ", problems));
              exit = 1;
            }
          } catch (StatusRuntimeException e) {
            System.out.println(language + " FAIL " + e.getStatus());
            exit = 1;
          }
        }
      }
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    System.exit(exit);
  }
}
