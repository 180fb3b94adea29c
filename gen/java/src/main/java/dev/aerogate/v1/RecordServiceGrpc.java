package dev.aerogate.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * RecordService reads and writes single records.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class RecordServiceGrpc {

  private RecordServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "aerogate.v1.RecordService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.GetRequest,
      dev.aerogate.v1.GetResponse> getGetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Get",
      requestType = dev.aerogate.v1.GetRequest.class,
      responseType = dev.aerogate.v1.GetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.GetRequest,
      dev.aerogate.v1.GetResponse> getGetMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.GetRequest, dev.aerogate.v1.GetResponse> getGetMethod;
    if ((getGetMethod = RecordServiceGrpc.getGetMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getGetMethod = RecordServiceGrpc.getGetMethod) == null) {
          RecordServiceGrpc.getGetMethod = getGetMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.GetRequest, dev.aerogate.v1.GetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Get"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Get"))
              .build();
        }
      }
    }
    return getGetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.ExistsRequest,
      dev.aerogate.v1.ExistsResponse> getExistsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Exists",
      requestType = dev.aerogate.v1.ExistsRequest.class,
      responseType = dev.aerogate.v1.ExistsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.ExistsRequest,
      dev.aerogate.v1.ExistsResponse> getExistsMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.ExistsRequest, dev.aerogate.v1.ExistsResponse> getExistsMethod;
    if ((getExistsMethod = RecordServiceGrpc.getExistsMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getExistsMethod = RecordServiceGrpc.getExistsMethod) == null) {
          RecordServiceGrpc.getExistsMethod = getExistsMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.ExistsRequest, dev.aerogate.v1.ExistsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Exists"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ExistsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ExistsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Exists"))
              .build();
        }
      }
    }
    return getExistsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.PutRequest,
      dev.aerogate.v1.PutResponse> getPutMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Put",
      requestType = dev.aerogate.v1.PutRequest.class,
      responseType = dev.aerogate.v1.PutResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.PutRequest,
      dev.aerogate.v1.PutResponse> getPutMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.PutRequest, dev.aerogate.v1.PutResponse> getPutMethod;
    if ((getPutMethod = RecordServiceGrpc.getPutMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getPutMethod = RecordServiceGrpc.getPutMethod) == null) {
          RecordServiceGrpc.getPutMethod = getPutMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.PutRequest, dev.aerogate.v1.PutResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Put"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.PutRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.PutResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Put"))
              .build();
        }
      }
    }
    return getPutMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.OperateRequest,
      dev.aerogate.v1.OperateResponse> getOperateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Operate",
      requestType = dev.aerogate.v1.OperateRequest.class,
      responseType = dev.aerogate.v1.OperateResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.OperateRequest,
      dev.aerogate.v1.OperateResponse> getOperateMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.OperateRequest, dev.aerogate.v1.OperateResponse> getOperateMethod;
    if ((getOperateMethod = RecordServiceGrpc.getOperateMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getOperateMethod = RecordServiceGrpc.getOperateMethod) == null) {
          RecordServiceGrpc.getOperateMethod = getOperateMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.OperateRequest, dev.aerogate.v1.OperateResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Operate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.OperateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.OperateResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Operate"))
              .build();
        }
      }
    }
    return getOperateMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.DeleteRequest,
      dev.aerogate.v1.DeleteResponse> getDeleteMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Delete",
      requestType = dev.aerogate.v1.DeleteRequest.class,
      responseType = dev.aerogate.v1.DeleteResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.DeleteRequest,
      dev.aerogate.v1.DeleteResponse> getDeleteMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.DeleteRequest, dev.aerogate.v1.DeleteResponse> getDeleteMethod;
    if ((getDeleteMethod = RecordServiceGrpc.getDeleteMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getDeleteMethod = RecordServiceGrpc.getDeleteMethod) == null) {
          RecordServiceGrpc.getDeleteMethod = getDeleteMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.DeleteRequest, dev.aerogate.v1.DeleteResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Delete"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.DeleteRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.DeleteResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Delete"))
              .build();
        }
      }
    }
    return getDeleteMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.TouchRequest,
      dev.aerogate.v1.TouchResponse> getTouchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Touch",
      requestType = dev.aerogate.v1.TouchRequest.class,
      responseType = dev.aerogate.v1.TouchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.TouchRequest,
      dev.aerogate.v1.TouchResponse> getTouchMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.TouchRequest, dev.aerogate.v1.TouchResponse> getTouchMethod;
    if ((getTouchMethod = RecordServiceGrpc.getTouchMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getTouchMethod = RecordServiceGrpc.getTouchMethod) == null) {
          RecordServiceGrpc.getTouchMethod = getTouchMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.TouchRequest, dev.aerogate.v1.TouchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Touch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.TouchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.TouchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("Touch"))
              .build();
        }
      }
    }
    return getTouchMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RecordServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceStub>() {
        @java.lang.Override
        public RecordServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceStub(channel, callOptions);
        }
      };
    return RecordServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static RecordServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingV2Stub>() {
        @java.lang.Override
        public RecordServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return RecordServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RecordServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingStub>() {
        @java.lang.Override
        public RecordServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceBlockingStub(channel, callOptions);
        }
      };
    return RecordServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RecordServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceFutureStub>() {
        @java.lang.Override
        public RecordServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceFutureStub(channel, callOptions);
        }
      };
    return RecordServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Get reads all bins, named bins or only the headers of one record.
     * </pre>
     */
    default void get(dev.aerogate.v1.GetRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Exists reports whether a record exists; it never answers NOT_FOUND.
     * </pre>
     */
    default void exists(dev.aerogate.v1.ExistsRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ExistsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExistsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Put writes bins to one record with a verb and a write policy.
     * </pre>
     */
    default void put(dev.aerogate.v1.PutRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.PutResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPutMethod(), responseObserver);
    }

    /**
     * <pre>
     * Operate applies an ordered list of operations to one record atomically.
     * </pre>
     */
    default void operate(dev.aerogate.v1.OperateRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.OperateResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getOperateMethod(), responseObserver);
    }

    /**
     * <pre>
     * Delete removes one record.
     * </pre>
     */
    default void delete(dev.aerogate.v1.DeleteRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.DeleteResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteMethod(), responseObserver);
    }

    /**
     * <pre>
     * Touch resets one record's expiry.
     * </pre>
     */
    default void touch(dev.aerogate.v1.TouchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.TouchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTouchMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RecordService.
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public static abstract class RecordServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RecordServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RecordService.
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public static final class RecordServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RecordServiceStub> {
    private RecordServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Get reads all bins, named bins or only the headers of one record.
     * </pre>
     */
    public void get(dev.aerogate.v1.GetRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Exists reports whether a record exists; it never answers NOT_FOUND.
     * </pre>
     */
    public void exists(dev.aerogate.v1.ExistsRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ExistsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExistsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Put writes bins to one record with a verb and a write policy.
     * </pre>
     */
    public void put(dev.aerogate.v1.PutRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.PutResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPutMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Operate applies an ordered list of operations to one record atomically.
     * </pre>
     */
    public void operate(dev.aerogate.v1.OperateRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.OperateResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getOperateMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Delete removes one record.
     * </pre>
     */
    public void delete(dev.aerogate.v1.DeleteRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.DeleteResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Touch resets one record's expiry.
     * </pre>
     */
    public void touch(dev.aerogate.v1.TouchRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.TouchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTouchMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RecordService.
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public static final class RecordServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<RecordServiceBlockingV2Stub> {
    private RecordServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Get reads all bins, named bins or only the headers of one record.
     * </pre>
     */
    public dev.aerogate.v1.GetResponse get(dev.aerogate.v1.GetRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exists reports whether a record exists; it never answers NOT_FOUND.
     * </pre>
     */
    public dev.aerogate.v1.ExistsResponse exists(dev.aerogate.v1.ExistsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getExistsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Put writes bins to one record with a verb and a write policy.
     * </pre>
     */
    public dev.aerogate.v1.PutResponse put(dev.aerogate.v1.PutRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPutMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Operate applies an ordered list of operations to one record atomically.
     * </pre>
     */
    public dev.aerogate.v1.OperateResponse operate(dev.aerogate.v1.OperateRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getOperateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Delete removes one record.
     * </pre>
     */
    public dev.aerogate.v1.DeleteResponse delete(dev.aerogate.v1.DeleteRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Touch resets one record's expiry.
     * </pre>
     */
    public dev.aerogate.v1.TouchResponse touch(dev.aerogate.v1.TouchRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getTouchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service RecordService.
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public static final class RecordServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RecordServiceBlockingStub> {
    private RecordServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Get reads all bins, named bins or only the headers of one record.
     * </pre>
     */
    public dev.aerogate.v1.GetResponse get(dev.aerogate.v1.GetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exists reports whether a record exists; it never answers NOT_FOUND.
     * </pre>
     */
    public dev.aerogate.v1.ExistsResponse exists(dev.aerogate.v1.ExistsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExistsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Put writes bins to one record with a verb and a write policy.
     * </pre>
     */
    public dev.aerogate.v1.PutResponse put(dev.aerogate.v1.PutRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPutMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Operate applies an ordered list of operations to one record atomically.
     * </pre>
     */
    public dev.aerogate.v1.OperateResponse operate(dev.aerogate.v1.OperateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getOperateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Delete removes one record.
     * </pre>
     */
    public dev.aerogate.v1.DeleteResponse delete(dev.aerogate.v1.DeleteRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Touch resets one record's expiry.
     * </pre>
     */
    public dev.aerogate.v1.TouchResponse touch(dev.aerogate.v1.TouchRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTouchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RecordService.
   * <pre>
   * RecordService reads and writes single records.
   * </pre>
   */
  public static final class RecordServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RecordServiceFutureStub> {
    private RecordServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Get reads all bins, named bins or only the headers of one record.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.GetResponse> get(
        dev.aerogate.v1.GetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Exists reports whether a record exists; it never answers NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.ExistsResponse> exists(
        dev.aerogate.v1.ExistsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExistsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Put writes bins to one record with a verb and a write policy.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.PutResponse> put(
        dev.aerogate.v1.PutRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPutMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Operate applies an ordered list of operations to one record atomically.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.OperateResponse> operate(
        dev.aerogate.v1.OperateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getOperateMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Delete removes one record.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.DeleteResponse> delete(
        dev.aerogate.v1.DeleteRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Touch resets one record's expiry.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.TouchResponse> touch(
        dev.aerogate.v1.TouchRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTouchMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET = 0;
  private static final int METHODID_EXISTS = 1;
  private static final int METHODID_PUT = 2;
  private static final int METHODID_OPERATE = 3;
  private static final int METHODID_DELETE = 4;
  private static final int METHODID_TOUCH = 5;

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
        case METHODID_GET:
          serviceImpl.get((dev.aerogate.v1.GetRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.GetResponse>) responseObserver);
          break;
        case METHODID_EXISTS:
          serviceImpl.exists((dev.aerogate.v1.ExistsRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.ExistsResponse>) responseObserver);
          break;
        case METHODID_PUT:
          serviceImpl.put((dev.aerogate.v1.PutRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.PutResponse>) responseObserver);
          break;
        case METHODID_OPERATE:
          serviceImpl.operate((dev.aerogate.v1.OperateRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.OperateResponse>) responseObserver);
          break;
        case METHODID_DELETE:
          serviceImpl.delete((dev.aerogate.v1.DeleteRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.DeleteResponse>) responseObserver);
          break;
        case METHODID_TOUCH:
          serviceImpl.touch((dev.aerogate.v1.TouchRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.TouchResponse>) responseObserver);
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
          getGetMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.GetRequest,
              dev.aerogate.v1.GetResponse>(
                service, METHODID_GET)))
        .addMethod(
          getExistsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.ExistsRequest,
              dev.aerogate.v1.ExistsResponse>(
                service, METHODID_EXISTS)))
        .addMethod(
          getPutMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.PutRequest,
              dev.aerogate.v1.PutResponse>(
                service, METHODID_PUT)))
        .addMethod(
          getOperateMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.OperateRequest,
              dev.aerogate.v1.OperateResponse>(
                service, METHODID_OPERATE)))
        .addMethod(
          getDeleteMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.DeleteRequest,
              dev.aerogate.v1.DeleteResponse>(
                service, METHODID_DELETE)))
        .addMethod(
          getTouchMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.TouchRequest,
              dev.aerogate.v1.TouchResponse>(
                service, METHODID_TOUCH)))
        .build();
  }

  private static abstract class RecordServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RecordServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.aerogate.v1.RecordProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RecordService");
    }
  }

  private static final class RecordServiceFileDescriptorSupplier
      extends RecordServiceBaseDescriptorSupplier {
    RecordServiceFileDescriptorSupplier() {}
  }

  private static final class RecordServiceMethodDescriptorSupplier
      extends RecordServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RecordServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RecordServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RecordServiceFileDescriptorSupplier())
              .addMethod(getGetMethod())
              .addMethod(getExistsMethod())
              .addMethod(getPutMethod())
              .addMethod(getOperateMethod())
              .addMethod(getDeleteMethod())
              .addMethod(getTouchMethod())
              .build();
        }
      }
    }
    return result;
  }
}
