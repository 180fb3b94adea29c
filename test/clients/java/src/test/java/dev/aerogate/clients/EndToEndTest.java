package dev.aerogate.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.rpc.ErrorInfo;
import dev.aerogate.examples.Quickstart;
import dev.aerogate.v1.BatchEntry;
import dev.aerogate.v1.BatchResult;
import dev.aerogate.v1.BatchServiceGrpc;
import dev.aerogate.v1.ExecuteBatchRequest;
import dev.aerogate.v1.Expression;
import dev.aerogate.v1.GetRequest;
import dev.aerogate.v1.HllAddOperation;
import dev.aerogate.v1.HllGetCountOperation;
import dev.aerogate.v1.HllSetUnionOperation;
import dev.aerogate.v1.HllSketchesOperation;
import dev.aerogate.v1.Key;
import dev.aerogate.v1.MapEntry;
import dev.aerogate.v1.Operation;
import dev.aerogate.v1.OperateRequest;
import dev.aerogate.v1.OperateResponse;
import dev.aerogate.v1.PutRequest;
import dev.aerogate.v1.RecordServiceGrpc;
import dev.aerogate.v1.RunTaskRequest;
import dev.aerogate.v1.StartTaskRequest;
import dev.aerogate.v1.StreamBatchRequest;
import dev.aerogate.v1.StreamBatchResponse;
import dev.aerogate.v1.TaskEvent;
import dev.aerogate.v1.TaskEventType;
import dev.aerogate.v1.TaskKind;
import dev.aerogate.v1.TaskServiceGrpc;
import dev.aerogate.v1.TaskState;
import dev.aerogate.v1.UpdateAction;
import dev.aerogate.v1.Value;
import dev.aerogate.v1.Verb;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End-to-end tests of the generated Java client against a gateway with the embedded server. */
class EndToEndTest {
  private static final String SET = "clients_java";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Path ROOT = Path.of("..", "..", "..").toAbsolutePath().normalize();

  private static Gateway gateway;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    gateway = Gateway.start();
    channel = Grpc.newChannelBuilder(gateway.address(), InsecureChannelCredentials.create()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private static RecordServiceGrpc.RecordServiceBlockingStub records() {
    return RecordServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static BatchServiceGrpc.BatchServiceBlockingStub batches() {
    return BatchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static Key freshKey(String set) {
    String id = "java-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    return Key.newBuilder().setNamespace("test").setSet(set).setStringValue(id).build();
  }

  private static Value iv(long n) {
    return Value.newBuilder().setIntValue(n).build();
  }

  private static Value sv(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Expression ael(String text, Value... placeholders) {
    return Expression.newBuilder().setAel(text).addAllPlaceholders(List.of(placeholders)).build();
  }

  private static BatchEntry read(Key key) {
    return BatchEntry.newBuilder().setKey(key).setVerb(Verb.VERB_READ).build();
  }

  /** Writes n records with bins n = i and age = 10 * i. */
  private static List<Key> seed(int n, String set) {
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Key key = freshKey(set);
      records()
          .put(PutRequest.newBuilder().setKey(key).setVerb(Verb.VERB_UPSERT).putBins("n", iv(i)).putBins("age", iv(10L * i)).build());
      keys.add(key);
    }
    return keys;
  }

  /** The ErrorInfo in a failed call's status details. */
  private static ErrorInfo errorInfo(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertNotNull(status, "no grpc-status-details-bin");
    for (Any detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        return detail.unpack(ErrorInfo.class);
      }
    }
    throw new AssertionError("no ErrorInfo in " + status);
  }

  private static Operation hllAdd(int indexBits, Value... values) {
    return Operation.newBuilder()
        .setBin("h")
        .setHllAdd(HllAddOperation.newBuilder().addAllValues(List.of(values)).setIndexBitCount(indexBits))
        .build();
  }

  private static final Operation HLL_COUNT =
      Operation.newBuilder().setBin("h").setHllGetCount(HllGetCountOperation.getDefaultInstance()).build();

  @Test
  void putGetEveryValueType() throws Exception {
    Map<String, Value> want = Canon.bins(ROOT);
    Key key = freshKey(SET);
    records().put(PutRequest.newBuilder().setKey(key).putAllBins(want).setVerb(Verb.VERB_UPSERT).build());
    Map<String, Value> got = records().get(GetRequest.newBuilder().setKey(key).build()).getRecord().getBinsMap();
    assertEquals(List.of(), Canon.diff(want, got));
    assertEquals(9007199254740993L, got.get("int_big").getIntValue());
    assertEquals(Long.MIN_VALUE, got.get("int_min").getIntValue());
    assertEquals(Value.KindCase.DOUBLE_VALUE, got.get("dbl_whole").getKindCase());
    assertEquals(3.0, got.get("dbl_whole").getDoubleValue());
    assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10, (byte) 0x80, 0x7f}, got.get("bytes").getBytesValue().toByteArray());
    MapEntry inner = got.get("map").getMapValue().getEntries(1);
    assertEquals(2, inner.getKey().getIntValue());
    assertEquals(-7, inner.getValue().getMapValue().getEntries(0).getKey().getIntValue());
    assertEquals(Long.MAX_VALUE, inner.getValue().getMapValue().getEntries(0).getValue().getIntValue());
    assertEquals(Value.KindCase.GEOJSON_VALUE, got.get("geo").getKindCase());
    assertEquals(Value.KindCase.HLL_VALUE, got.get("hll").getKindCase());
  }

  @Test
  void hllBytesRoundTrip() {
    Key key = freshKey(SET);
    records()
        .operate(OperateRequest.newBuilder().setKey(key).setVerb(Verb.VERB_UPSERT).addOperations(hllAdd(8, sv("a"), sv("b"), iv(3))).build());
    ByteString sketch = records().get(GetRequest.newBuilder().setKey(key).build()).getRecord().getBinsMap().get("h").getHllValue();
    assertFalse(sketch.isEmpty());
    Key copy = freshKey(SET);
    records()
        .put(PutRequest.newBuilder().setKey(copy).setVerb(Verb.VERB_UPSERT).putBins("h", Value.newBuilder().setHllValue(sketch).build()).build());
    assertEquals(sketch, records().get(GetRequest.newBuilder().setKey(copy).build()).getRecord().getBinsMap().get("h").getHllValue());
    OperateResponse count =
        records().operate(OperateRequest.newBuilder().setKey(copy).setVerb(Verb.VERB_READ).addOperations(HLL_COUNT).build());
    assertEquals(3, count.getOperationResults(0).getIntValue());
  }

  @Test
  void hllAddCountUnion() {
    Key a = freshKey(SET);
    Key b = freshKey(SET);
    OperateResponse resA =
        records()
            .operate(
                OperateRequest.newBuilder()
                    .setKey(a)
                    .setVerb(Verb.VERB_UPSERT)
                    .addOperations(hllAdd(10, sv("x"), sv("y"), sv("z")))
                    .addOperations(HLL_COUNT)
                    .build());
    assertEquals(3, resA.getOperationResults(0).getIntValue());
    assertEquals(3, resA.getOperationResults(1).getIntValue());
    records().operate(OperateRequest.newBuilder().setKey(b).setVerb(Verb.VERB_UPSERT).addOperations(hllAdd(10, sv("z"), sv("w"))).build());
    ByteString sketchB = records().get(GetRequest.newBuilder().setKey(b).build()).getRecord().getBinsMap().get("h").getHllValue();
    OperateResponse res =
        records()
            .operate(
                OperateRequest.newBuilder()
                    .setKey(a)
                    .setVerb(Verb.VERB_UPDATE)
                    .addOperations(Operation.newBuilder().setBin("h").setHllGetUnionCount(HllSketchesOperation.newBuilder().addSketches(sketchB)))
                    .addOperations(Operation.newBuilder().setBin("h").setHllSetUnion(HllSetUnionOperation.newBuilder().addSketches(sketchB)))
                    .addOperations(HLL_COUNT)
                    .build());
    assertEquals(4, res.getOperationResults(0).getIntValue());
    assertEquals(4, res.getOperationResults(2).getIntValue());
  }

  @Test
  void executeBatch() {
    List<Key> keys = seed(3, SET);
    List<BatchResult> r =
        batches()
            .executeBatch(
                ExecuteBatchRequest.newBuilder()
                    .addEntries(read(keys.get(0)))
                    .addEntries(read(freshKey(SET)))
                    .addEntries(
                        BatchEntry.newBuilder()
                            .setKey(keys.get(1))
                            .setVerb(Verb.VERB_UPDATE)
                            .addOperations(Operation.newBuilder().setBin("n").setAdd(iv(100)))
                            .addOperations(Operation.newBuilder().setBin("n").setGet(Empty.getDefaultInstance())))
                    .addEntries(read(keys.get(2)).toBuilder().addBins("age"))
                    .build())
            .getResultsList();
    assertEquals(List.of(0, 1, 2, 3), r.stream().map(BatchResult::getIndex).collect(Collectors.toList()));
    assertEquals(0, r.get(0).getResultCode());
    assertEquals(0, r.get(0).getRecord().getBinsMap().get("n").getIntValue());
    assertEquals(2, r.get(1).getResultCode());
    assertEquals("KEY_NOT_FOUND_ERROR", r.get(1).getResultName());
    assertEquals(101, r.get(2).getOperationResults(1).getIntValue());
    assertEquals(Map.of("age", iv(20)), r.get(3).getRecord().getBinsMap());
  }

  @Test
  void streamBatchReorderedByIndex() {
    List<Key> keys = seed(25, SET);
    List<BatchResult> results = new ArrayList<>();
    batches()
        .streamBatch(StreamBatchRequest.newBuilder().addAllEntries(keys.stream().map(EndToEndTest::read).collect(Collectors.toList())).build())
        .forEachRemaining((StreamBatchResponse m) -> results.add(m.getResult()));
    results.sort(Comparator.comparingInt(BatchResult::getIndex));
    assertEquals(keys.size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      BatchResult res = results.get(i);
      assertEquals(i, res.getIndex());
      assertEquals(0, res.getResultCode());
      assertEquals(keys.get(i).getStringValue(), res.getKey().getStringValue());
      assertEquals(i, res.getRecord().getBinsMap().get("n").getIntValue());
    }
  }

  @Test
  void aelFilterWithPlaceholders() throws Exception {
    List<Key> keys = seed(4, SET); // ages 0, 10, 20, 30
    List<BatchResult> r =
        batches()
            .executeBatch(
                ExecuteBatchRequest.newBuilder()
                    .addAllEntries(keys.stream().map(EndToEndTest::read).collect(Collectors.toList()))
                    .setFilter(ael("$.age >= ?0 and $.age < ?1", iv(10), iv(30)))
                    .build())
            .getResultsList();
    // 27 = FILTERED_OUT
    assertEquals(List.of(27, 0, 0, 27), r.stream().map(BatchResult::getResultCode).collect(Collectors.toList()));
    // A string placeholder stays data: quotes in it do not change the expression.
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> records().get(GetRequest.newBuilder().setKey(keys.get(1)).setFilter(ael("$.age == ?0", sv("10' or true"))).build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("AEROSPIKE_FILTERED_OUT", errorInfo(e).getReason());
  }

  @Test
  void runTaskWatchedToCompletion() {
    String taskSet = "clients_java_task_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    List<Key> keys = seed(20, taskSet);
    List<TaskEvent> events = new ArrayList<>();
    TaskServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(60, TimeUnit.SECONDS)
        .runTask(
            RunTaskRequest.newBuilder()
                .setStart(
                    StartTaskRequest.newBuilder()
                        .setNamespace("test")
                        .setSet(taskSet)
                        .setFilter(ael("$.n >= ?0", iv(5)))
                        .setUpdate(UpdateAction.newBuilder().addOperations(Operation.newBuilder().setBin("bg").setSetTo(sv("done"))))
                        // Throttled so that the job is usually still running when the watch begins.
                        .setRecordsPerSecond(40))
                .build())
        .forEachRemaining(m -> events.add(m.getEvent()));
    assertFalse(events.isEmpty(), "RunTask sent no events");
    // A job that finished before the watch began is reported by its terminal event alone.
    if (events.size() > 1) {
      assertEquals(TaskEventType.TASK_EVENT_TYPE_STARTED, events.get(0).getType());
      for (TaskEvent e : events.subList(1, events.size() - 1)) {
        assertEquals(TaskEventType.TASK_EVENT_TYPE_PROGRESS, e.getType());
      }
    }
    TaskEvent last = events.get(events.size() - 1);
    assertEquals(TaskEventType.TASK_EVENT_TYPE_COMPLETED, last.getType());
    assertEquals(TaskState.TASK_STATE_COMPLETED, last.getTask().getState());
    assertEquals(TaskKind.TASK_KIND_UPDATE, last.getTask().getKind());
    assertEquals(15, last.getTask().getRecordsSucceeded());
    List<BatchResult> r =
        batches()
            .executeBatch(ExecuteBatchRequest.newBuilder().addAllEntries(keys.stream().map(EndToEndTest::read).collect(Collectors.toList())).build())
            .getResultsList();
    assertEquals(
        IntStream.range(0, 20).mapToObj(i -> i >= 5).collect(Collectors.toList()),
        r.stream().map(x -> x.getRecord().getBinsMap().containsKey("bg")).collect(Collectors.toList()));
  }

  @Test
  void errorInfoInStatusDetails() throws Exception {
    StatusRuntimeException missing =
        assertThrows(StatusRuntimeException.class, () -> records().get(GetRequest.newBuilder().setKey(freshKey(SET)).build()));
    assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    ErrorInfo info = errorInfo(missing);
    assertEquals("aerogate", info.getDomain());
    assertEquals("AEROSPIKE_KEY_NOT_FOUND_ERROR", info.getReason());
    assertEquals("2", info.getMetadataOrThrow("result_code"));
    assertTrue(info.containsMetadata("in_doubt"));

    PutRequest put = PutRequest.newBuilder().setKey(freshKey(SET)).setVerb(Verb.VERB_INSERT).putBins("a", iv(1)).build();
    records().put(put);
    StatusRuntimeException exists = assertThrows(StatusRuntimeException.class, () -> records().put(put));
    assertEquals(Status.Code.ALREADY_EXISTS, exists.getStatus().getCode());
    assertEquals("AEROSPIKE_KEY_EXISTS_ERROR", errorInfo(exists).getReason());
    assertEquals("5", errorInfo(exists).getMetadataOrThrow("result_code"));
  }

  @Test
  void deadlineExpires() {
    ExecuteBatchRequest.Builder request = ExecuteBatchRequest.newBuilder();
    for (int i = 0; i < 300; i++) {
      request.addEntries(read(freshKey(SET)));
    }
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> BatchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MILLISECONDS).executeBatch(request.build()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
  }

  @Test
  void exampleProgram() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Quickstart.run(gateway.address(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("name=Ada visits=9007199254740993 score=3.0 (DOUBLE_VALUE)"), out);
    assertTrue(out.contains("reason=AEROSPIKE_KEY_NOT_FOUND_ERROR result_code=2"), out);
  }
}
