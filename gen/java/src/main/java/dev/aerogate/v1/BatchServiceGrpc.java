package dev.aerogate.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * BatchService runs commands on many records in one call.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class BatchServiceGrpc {

  private BatchServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "aerogate.v1.BatchService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.ExecuteBatchRequest,
      dev.aerogate.v1.ExecuteBatchResponse> getExecuteBatchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExecuteBatch",
      requestType = dev.aerogate.v1.ExecuteBatchRequest.class,
      responseType = dev.aerogate.v1.ExecuteBatchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.ExecuteBatchRequest,
      dev.aerogate.v1.ExecuteBatchResponse> getExecuteBatchMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.ExecuteBatchRequest, dev.aerogate.v1.ExecuteBatchResponse> getExecuteBatchMethod;
    if ((getExecuteBatchMethod = BatchServiceGrpc.getExecuteBatchMethod) == null) {
      synchronized (BatchServiceGrpc.class) {
        if ((getExecuteBatchMethod = BatchServiceGrpc.getExecuteBatchMethod) == null) {
          BatchServiceGrpc.getExecuteBatchMethod = getExecuteBatchMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.ExecuteBatchRequest, dev.aerogate.v1.ExecuteBatchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExecuteBatch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ExecuteBatchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ExecuteBatchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BatchServiceMethodDescriptorSupplier("ExecuteBatch"))
              .build();
        }
      }
    }
    return getExecuteBatchMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.StreamBatchRequest,
      dev.aerogate.v1.StreamBatchResponse> getStreamBatchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamBatch",
      requestType = dev.aerogate.v1.StreamBatchRequest.class,
      responseType = dev.aerogate.v1.StreamBatchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.StreamBatchRequest,
      dev.aerogate.v1.StreamBatchResponse> getStreamBatchMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.StreamBatchRequest, dev.aerogate.v1.StreamBatchResponse> getStreamBatchMethod;
    if ((getStreamBatchMethod = BatchServiceGrpc.getStreamBatchMethod) == null) {
      synchronized (BatchServiceGrpc.class) {
        if ((getStreamBatchMethod = BatchServiceGrpc.getStreamBatchMethod) == null) {
          BatchServiceGrpc.getStreamBatchMethod = getStreamBatchMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.StreamBatchRequest, dev.aerogate.v1.StreamBatchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamBatch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.StreamBatchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.StreamBatchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BatchServiceMethodDescriptorSupplier("StreamBatch"))
              .build();
        }
      }
    }
    return getStreamBatchMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static BatchServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BatchServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BatchServiceStub>() {
        @java.lang.Override
        public BatchServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BatchServiceStub(channel, callOptions);
        }
      };
    return BatchServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static BatchServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BatchServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BatchServiceBlockingV2Stub>() {
        @java.lang.Override
        public BatchServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BatchServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return BatchServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static BatchServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BatchServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BatchServiceBlockingStub>() {
        @java.lang.Override
        public BatchServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BatchServiceBlockingStub(channel, callOptions);
        }
      };
    return BatchServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static BatchServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BatchServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BatchServiceFutureStub>() {
        @java.lang.Override
        public BatchServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BatchServiceFutureStub(channel, callOptions);
        }
      };
    return BatchServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * ExecuteBatch runs every entry and returns all results in input order once every write has completed.
     * </pre>
     */
    default void executeBatch(dev.aerogate.v1.ExecuteBatchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ExecuteBatchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExecuteBatchMethod(), responseObserver);
    }

    /**
     * <pre>
     * StreamBatch runs every entry and streams each result, with its input index, as soon as it is done.
     * Nothing is written before every entry is valid; entries that only read may already be streamed
     * while the rest of a large request is being validated, so an invalid entry found late ends the
     * stream with INVALID_ARGUMENT after some read results.
     * </pre>
     */
    default void streamBatch(dev.aerogate.v1.StreamBatchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.StreamBatchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStreamBatchMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service BatchService.
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public static abstract class BatchServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return BatchServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service BatchService.
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public static final class BatchServiceStub
      extends io.grpc.stub.AbstractAsyncStub<BatchServiceStub> {
    private BatchServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BatchServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BatchServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * ExecuteBatch runs every entry and returns all results in input order once every write has completed.
     * </pre>
     */
    public void executeBatch(dev.aerogate.v1.ExecuteBatchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ExecuteBatchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExecuteBatchMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * StreamBatch runs every entry and streams each result, with its input index, as soon as it is done.
     * Nothing is written before every entry is valid; entries that only read may already be streamed
     * while the rest of a large request is being validated, so an invalid entry found late ends the
     * stream with INVALID_ARGUMENT after some read results.
     * </pre>
     */
    public void streamBatch(dev.aerogate.v1.StreamBatchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.StreamBatchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getStreamBatchMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service BatchService.
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public static final class BatchServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<BatchServiceBlockingV2Stub> {
    private BatchServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BatchServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BatchServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * ExecuteBatch runs every entry and returns all results in input order once every write has completed.
     * </pre>
     */
    public dev.aerogate.v1.ExecuteBatchResponse executeBatch(dev.aerogate.v1.ExecuteBatchRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getExecuteBatchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * StreamBatch runs every entry and streams each result, with its input index, as soon as it is done.
     * Nothing is written before every entry is valid; entries that only read may already be streamed
     * while the rest of a large request is being validated, so an invalid entry found late ends the
     * stream with INVALID_ARGUMENT after some read results.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, dev.aerogate.v1.StreamBatchResponse>
        streamBatch(dev.aerogate.v1.StreamBatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getStreamBatchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service BatchService.
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public static final class BatchServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<BatchServiceBlockingStub> {
    private BatchServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BatchServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BatchServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * ExecuteBatch runs every entry and returns all results in input order once every write has completed.
     * </pre>
     */
    public dev.aerogate.v1.ExecuteBatchResponse executeBatch(dev.aerogate.v1.ExecuteBatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExecuteBatchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * StreamBatch runs every entry and streams each result, with its input index, as soon as it is done.
     * Nothing is written before every entry is valid; entries that only read may already be streamed
     * while the rest of a large request is being validated, so an invalid entry found late ends the
     * stream with INVALID_ARGUMENT after some read results.
     * </pre>
     */
    public java.util.Iterator<dev.aerogate.v1.StreamBatchResponse> streamBatch(
        dev.aerogate.v1.StreamBatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getStreamBatchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service BatchService.
   * <pre>
   * BatchService runs commands on many records in one call.
   * </pre>
   */
  public static final class BatchServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<BatchServiceFutureStub> {
    private BatchServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BatchServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BatchServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * ExecuteBatch runs every entry and returns all results in input order once every write has completed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.ExecuteBatchResponse> executeBatch(
        dev.aerogate.v1.ExecuteBatchRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExecuteBatchMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_EXECUTE_BATCH = 0;
  private static final int METHODID_STREAM_BATCH = 1;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_EXECUTE_BATCH:
          serviceImpl.executeBatch((dev.aerogate.v1.ExecuteBatchRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.ExecuteBatchResponse>) responseObserver);
          break;
        case METHODID_STREAM_BATCH:
          serviceImpl.streamBatch((dev.aerogate.v1.StreamBatchRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.StreamBatchResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getExecuteBatchMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.ExecuteBatchRequest,
              dev.aerogate.v1.ExecuteBatchResponse>(
                service, METHODID_EXECUTE_BATCH)))
        .addMethod(
          getStreamBatchMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              dev.aerogate.v1.StreamBatchRequest,
              dev.aerogate.v1.StreamBatchResponse>(
                service, METHODID_STREAM_BATCH)))
        .build();
  }

  private static abstract class BatchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    BatchServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.aerogate.v1.BatchProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("BatchService");
    }
  }

  private static final class BatchServiceFileDescriptorSupplier
      extends BatchServiceBaseDescriptorSupplier {
    BatchServiceFileDescriptorSupplier() {}
  }

  private static final class BatchServiceMethodDescriptorSupplier
      extends BatchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    BatchServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (BatchServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new BatchServiceFileDescriptorSupplier())
              .addMethod(getExecuteBatchMethod())
              .addMethod(getStreamBatchMethod())
              .build();
        }
      }
    }
    return result;
  }
}
