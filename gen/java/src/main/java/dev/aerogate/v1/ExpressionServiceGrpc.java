package dev.aerogate.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * ExpressionService checks expressions without running them.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class ExpressionServiceGrpc {

  private ExpressionServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "aerogate.v1.ExpressionService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.CheckExpressionRequest,
      dev.aerogate.v1.CheckExpressionResponse> getCheckExpressionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CheckExpression",
      requestType = dev.aerogate.v1.CheckExpressionRequest.class,
      responseType = dev.aerogate.v1.CheckExpressionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.CheckExpressionRequest,
      dev.aerogate.v1.CheckExpressionResponse> getCheckExpressionMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.CheckExpressionRequest, dev.aerogate.v1.CheckExpressionResponse> getCheckExpressionMethod;
    if ((getCheckExpressionMethod = ExpressionServiceGrpc.getCheckExpressionMethod) == null) {
      synchronized (ExpressionServiceGrpc.class) {
        if ((getCheckExpressionMethod = ExpressionServiceGrpc.getCheckExpressionMethod) == null) {
          ExpressionServiceGrpc.getCheckExpressionMethod = getCheckExpressionMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.CheckExpressionRequest, dev.aerogate.v1.CheckExpressionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CheckExpression"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.CheckExpressionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.CheckExpressionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ExpressionServiceMethodDescriptorSupplier("CheckExpression"))
              .build();
        }
      }
    }
    return getCheckExpressionMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ExpressionServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceStub>() {
        @java.lang.Override
        public ExpressionServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ExpressionServiceStub(channel, callOptions);
        }
      };
    return ExpressionServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static ExpressionServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceBlockingV2Stub>() {
        @java.lang.Override
        public ExpressionServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ExpressionServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return ExpressionServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ExpressionServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceBlockingStub>() {
        @java.lang.Override
        public ExpressionServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ExpressionServiceBlockingStub(channel, callOptions);
        }
      };
    return ExpressionServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ExpressionServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ExpressionServiceFutureStub>() {
        @java.lang.Override
        public ExpressionServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ExpressionServiceFutureStub(channel, callOptions);
        }
      };
    return ExpressionServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CheckExpression compiles an expression and returns its problems, so user-written filters can be checked up front.
     * </pre>
     */
    default void checkExpression(dev.aerogate.v1.CheckExpressionRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.CheckExpressionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCheckExpressionMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ExpressionService.
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public static abstract class ExpressionServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ExpressionServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ExpressionService.
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public static final class ExpressionServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ExpressionServiceStub> {
    private ExpressionServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ExpressionServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ExpressionServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CheckExpression compiles an expression and returns its problems, so user-written filters can be checked up front.
     * </pre>
     */
    public void checkExpression(dev.aerogate.v1.CheckExpressionRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.CheckExpressionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCheckExpressionMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ExpressionService.
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public static final class ExpressionServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<ExpressionServiceBlockingV2Stub> {
    private ExpressionServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ExpressionServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ExpressionServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * CheckExpression compiles an expression and returns its problems, so user-written filters can be checked up front.
     * </pre>
     */
    public dev.aerogate.v1.CheckExpressionResponse checkExpression(dev.aerogate.v1.CheckExpressionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCheckExpressionMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service ExpressionService.
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public static final class ExpressionServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ExpressionServiceBlockingStub> {
    private ExpressionServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ExpressionServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ExpressionServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CheckExpression compiles an expression and returns its problems, so user-written filters can be checked up front.
     * </pre>
     */
    public dev.aerogate.v1.CheckExpressionResponse checkExpression(dev.aerogate.v1.CheckExpressionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCheckExpressionMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ExpressionService.
   * <pre>
   * ExpressionService checks expressions without running them.
   * </pre>
   */
  public static final class ExpressionServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ExpressionServiceFutureStub> {
    private ExpressionServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ExpressionServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ExpressionServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CheckExpression compiles an expression and returns its problems, so user-written filters can be checked up front.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.CheckExpressionResponse> checkExpression(
        dev.aerogate.v1.CheckExpressionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCheckExpressionMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CHECK_EXPRESSION = 0;

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
        case METHODID_CHECK_EXPRESSION:
          serviceImpl.checkExpression((dev.aerogate.v1.CheckExpressionRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.CheckExpressionResponse>) responseObserver);
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
          getCheckExpressionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.CheckExpressionRequest,
              dev.aerogate.v1.CheckExpressionResponse>(
                service, METHODID_CHECK_EXPRESSION)))
        .build();
  }

  private static abstract class ExpressionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ExpressionServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.aerogate.v1.ExpressionProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ExpressionService");
    }
  }

  private static final class ExpressionServiceFileDescriptorSupplier
      extends ExpressionServiceBaseDescriptorSupplier {
    ExpressionServiceFileDescriptorSupplier() {}
  }

  private static final class ExpressionServiceMethodDescriptorSupplier
      extends ExpressionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ExpressionServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ExpressionServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ExpressionServiceFileDescriptorSupplier())
              .addMethod(getCheckExpressionMethod())
              .build();
        }
      }
    }
    return result;
  }
}
