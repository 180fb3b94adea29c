package dev.aerogate.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * UdfService manages Lua modules and runs record UDFs.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class UdfServiceGrpc {

  private UdfServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "aerogate.v1.UdfService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.RegisterModuleRequest,
      dev.aerogate.v1.RegisterModuleResponse> getRegisterModuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RegisterModule",
      requestType = dev.aerogate.v1.RegisterModuleRequest.class,
      responseType = dev.aerogate.v1.RegisterModuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.RegisterModuleRequest,
      dev.aerogate.v1.RegisterModuleResponse> getRegisterModuleMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.RegisterModuleRequest, dev.aerogate.v1.RegisterModuleResponse> getRegisterModuleMethod;
    if ((getRegisterModuleMethod = UdfServiceGrpc.getRegisterModuleMethod) == null) {
      synchronized (UdfServiceGrpc.class) {
        if ((getRegisterModuleMethod = UdfServiceGrpc.getRegisterModuleMethod) == null) {
          UdfServiceGrpc.getRegisterModuleMethod = getRegisterModuleMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.RegisterModuleRequest, dev.aerogate.v1.RegisterModuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RegisterModule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RegisterModuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RegisterModuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UdfServiceMethodDescriptorSupplier("RegisterModule"))
              .build();
        }
      }
    }
    return getRegisterModuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.ListModulesRequest,
      dev.aerogate.v1.ListModulesResponse> getListModulesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModules",
      requestType = dev.aerogate.v1.ListModulesRequest.class,
      responseType = dev.aerogate.v1.ListModulesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.ListModulesRequest,
      dev.aerogate.v1.ListModulesResponse> getListModulesMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.ListModulesRequest, dev.aerogate.v1.ListModulesResponse> getListModulesMethod;
    if ((getListModulesMethod = UdfServiceGrpc.getListModulesMethod) == null) {
      synchronized (UdfServiceGrpc.class) {
        if ((getListModulesMethod = UdfServiceGrpc.getListModulesMethod) == null) {
          UdfServiceGrpc.getListModulesMethod = getListModulesMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.ListModulesRequest, dev.aerogate.v1.ListModulesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModules"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ListModulesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ListModulesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UdfServiceMethodDescriptorSupplier("ListModules"))
              .build();
        }
      }
    }
    return getListModulesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.GetModuleRequest,
      dev.aerogate.v1.GetModuleResponse> getGetModuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModule",
      requestType = dev.aerogate.v1.GetModuleRequest.class,
      responseType = dev.aerogate.v1.GetModuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.GetModuleRequest,
      dev.aerogate.v1.GetModuleResponse> getGetModuleMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.GetModuleRequest, dev.aerogate.v1.GetModuleResponse> getGetModuleMethod;
    if ((getGetModuleMethod = UdfServiceGrpc.getGetModuleMethod) == null) {
      synchronized (UdfServiceGrpc.class) {
        if ((getGetModuleMethod = UdfServiceGrpc.getGetModuleMethod) == null) {
          UdfServiceGrpc.getGetModuleMethod = getGetModuleMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.GetModuleRequest, dev.aerogate.v1.GetModuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetModuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetModuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UdfServiceMethodDescriptorSupplier("GetModule"))
              .build();
        }
      }
    }
    return getGetModuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.RemoveModuleRequest,
      dev.aerogate.v1.RemoveModuleResponse> getRemoveModuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveModule",
      requestType = dev.aerogate.v1.RemoveModuleRequest.class,
      responseType = dev.aerogate.v1.RemoveModuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.RemoveModuleRequest,
      dev.aerogate.v1.RemoveModuleResponse> getRemoveModuleMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.RemoveModuleRequest, dev.aerogate.v1.RemoveModuleResponse> getRemoveModuleMethod;
    if ((getRemoveModuleMethod = UdfServiceGrpc.getRemoveModuleMethod) == null) {
      synchronized (UdfServiceGrpc.class) {
        if ((getRemoveModuleMethod = UdfServiceGrpc.getRemoveModuleMethod) == null) {
          UdfServiceGrpc.getRemoveModuleMethod = getRemoveModuleMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.RemoveModuleRequest, dev.aerogate.v1.RemoveModuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveModule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RemoveModuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RemoveModuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UdfServiceMethodDescriptorSupplier("RemoveModule"))
              .build();
        }
      }
    }
    return getRemoveModuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.ApplyRequest,
      dev.aerogate.v1.ApplyResponse> getApplyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Apply",
      requestType = dev.aerogate.v1.ApplyRequest.class,
      responseType = dev.aerogate.v1.ApplyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.ApplyRequest,
      dev.aerogate.v1.ApplyResponse> getApplyMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.ApplyRequest, dev.aerogate.v1.ApplyResponse> getApplyMethod;
    if ((getApplyMethod = UdfServiceGrpc.getApplyMethod) == null) {
      synchronized (UdfServiceGrpc.class) {
        if ((getApplyMethod = UdfServiceGrpc.getApplyMethod) == null) {
          UdfServiceGrpc.getApplyMethod = getApplyMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.ApplyRequest, dev.aerogate.v1.ApplyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Apply"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ApplyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ApplyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UdfServiceMethodDescriptorSupplier("Apply"))
              .build();
        }
      }
    }
    return getApplyMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static UdfServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UdfServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UdfServiceStub>() {
        @java.lang.Override
        public UdfServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UdfServiceStub(channel, callOptions);
        }
      };
    return UdfServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static UdfServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UdfServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UdfServiceBlockingV2Stub>() {
        @java.lang.Override
        public UdfServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UdfServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return UdfServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static UdfServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UdfServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UdfServiceBlockingStub>() {
        @java.lang.Override
        public UdfServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UdfServiceBlockingStub(channel, callOptions);
        }
      };
    return UdfServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static UdfServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UdfServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UdfServiceFutureStub>() {
        @java.lang.Override
        public UdfServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UdfServiceFutureStub(channel, callOptions);
        }
      };
    return UdfServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * RegisterModule uploads a Lua module and returns once every node has it.
     * </pre>
     */
    default void registerModule(dev.aerogate.v1.RegisterModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RegisterModuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterModuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListModules lists the registered modules.
     * </pre>
     */
    default void listModules(dev.aerogate.v1.ListModulesRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ListModulesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModulesMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetModule returns a module's content.
     * </pre>
     */
    default void getModule(dev.aerogate.v1.GetModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetModuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * RemoveModule removes a module.
     * </pre>
     */
    default void removeModule(dev.aerogate.v1.RemoveModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RemoveModuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveModuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Apply runs a record UDF on one key and returns its result.
     * </pre>
     */
    default void apply(dev.aerogate.v1.ApplyRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ApplyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getApplyMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service UdfService.
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public static abstract class UdfServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return UdfServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service UdfService.
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public static final class UdfServiceStub
      extends io.grpc.stub.AbstractAsyncStub<UdfServiceStub> {
    private UdfServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UdfServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UdfServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * RegisterModule uploads a Lua module and returns once every node has it.
     * </pre>
     */
    public void registerModule(dev.aerogate.v1.RegisterModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RegisterModuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterModuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListModules lists the registered modules.
     * </pre>
     */
    public void listModules(dev.aerogate.v1.ListModulesRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ListModulesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModulesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetModule returns a module's content.
     * </pre>
     */
    public void getModule(dev.aerogate.v1.GetModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetModuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * RemoveModule removes a module.
     * </pre>
     */
    public void removeModule(dev.aerogate.v1.RemoveModuleRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RemoveModuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveModuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Apply runs a record UDF on one key and returns its result.
     * </pre>
     */
    public void apply(dev.aerogate.v1.ApplyRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ApplyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getApplyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service UdfService.
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public static final class UdfServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<UdfServiceBlockingV2Stub> {
    private UdfServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UdfServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UdfServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * RegisterModule uploads a Lua module and returns once every node has it.
     * </pre>
     */
    public dev.aerogate.v1.RegisterModuleResponse registerModule(dev.aerogate.v1.RegisterModuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRegisterModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListModules lists the registered modules.
     * </pre>
     */
    public dev.aerogate.v1.ListModulesResponse listModules(dev.aerogate.v1.ListModulesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListModulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetModule returns a module's content.
     * </pre>
     */
    public dev.aerogate.v1.GetModuleResponse getModule(dev.aerogate.v1.GetModuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * RemoveModule removes a module.
     * </pre>
     */
    public dev.aerogate.v1.RemoveModuleResponse removeModule(dev.aerogate.v1.RemoveModuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRemoveModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Apply runs a record UDF on one key and returns its result.
     * </pre>
     */
    public dev.aerogate.v1.ApplyResponse apply(dev.aerogate.v1.ApplyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getApplyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service UdfService.
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public static final class UdfServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<UdfServiceBlockingStub> {
    private UdfServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UdfServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UdfServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * RegisterModule uploads a Lua module and returns once every node has it.
     * </pre>
     */
    public dev.aerogate.v1.RegisterModuleResponse registerModule(dev.aerogate.v1.RegisterModuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListModules lists the registered modules.
     * </pre>
     */
    public dev.aerogate.v1.ListModulesResponse listModules(dev.aerogate.v1.ListModulesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetModule returns a module's content.
     * </pre>
     */
    public dev.aerogate.v1.GetModuleResponse getModule(dev.aerogate.v1.GetModuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * RemoveModule removes a module.
     * </pre>
     */
    public dev.aerogate.v1.RemoveModuleResponse removeModule(dev.aerogate.v1.RemoveModuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveModuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Apply runs a record UDF on one key and returns its result.
     * </pre>
     */
    public dev.aerogate.v1.ApplyResponse apply(dev.aerogate.v1.ApplyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getApplyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service UdfService.
   * <pre>
   * UdfService manages Lua modules and runs record UDFs.
   * </pre>
   */
  public static final class UdfServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<UdfServiceFutureStub> {
    private UdfServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UdfServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UdfServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * RegisterModule uploads a Lua module and returns once every node has it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.RegisterModuleResponse> registerModule(
        dev.aerogate.v1.RegisterModuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterModuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListModules lists the registered modules.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.ListModulesResponse> listModules(
        dev.aerogate.v1.ListModulesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModulesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetModule returns a module's content.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.GetModuleResponse> getModule(
        dev.aerogate.v1.GetModuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * RemoveModule removes a module.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.RemoveModuleResponse> removeModule(
        dev.aerogate.v1.RemoveModuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveModuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Apply runs a record UDF on one key and returns its result.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.ApplyResponse> apply(
        dev.aerogate.v1.ApplyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getApplyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REGISTER_MODULE = 0;
  private static final int METHODID_LIST_MODULES = 1;
  private static final int METHODID_GET_MODULE = 2;
  private static final int METHODID_REMOVE_MODULE = 3;
  private static final int METHODID_APPLY = 4;

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
        case METHODID_REGISTER_MODULE:
          serviceImpl.registerModule((dev.aerogate.v1.RegisterModuleRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.RegisterModuleResponse>) responseObserver);
          break;
        case METHODID_LIST_MODULES:
          serviceImpl.listModules((dev.aerogate.v1.ListModulesRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.ListModulesResponse>) responseObserver);
          break;
        case METHODID_GET_MODULE:
          serviceImpl.getModule((dev.aerogate.v1.GetModuleRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.GetModuleResponse>) responseObserver);
          break;
        case METHODID_REMOVE_MODULE:
          serviceImpl.removeModule((dev.aerogate.v1.RemoveModuleRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.RemoveModuleResponse>) responseObserver);
          break;
        case METHODID_APPLY:
          serviceImpl.apply((dev.aerogate.v1.ApplyRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.ApplyResponse>) responseObserver);
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
          getRegisterModuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.RegisterModuleRequest,
              dev.aerogate.v1.RegisterModuleResponse>(
                service, METHODID_REGISTER_MODULE)))
        .addMethod(
          getListModulesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.ListModulesRequest,
              dev.aerogate.v1.ListModulesResponse>(
                service, METHODID_LIST_MODULES)))
        .addMethod(
          getGetModuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.GetModuleRequest,
              dev.aerogate.v1.GetModuleResponse>(
                service, METHODID_GET_MODULE)))
        .addMethod(
          getRemoveModuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.RemoveModuleRequest,
              dev.aerogate.v1.RemoveModuleResponse>(
                service, METHODID_REMOVE_MODULE)))
        .addMethod(
          getApplyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.ApplyRequest,
              dev.aerogate.v1.ApplyResponse>(
                service, METHODID_APPLY)))
        .build();
  }

  private static abstract class UdfServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    UdfServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.aerogate.v1.UdfProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("UdfService");
    }
  }

  private static final class UdfServiceFileDescriptorSupplier
      extends UdfServiceBaseDescriptorSupplier {
    UdfServiceFileDescriptorSupplier() {}
  }

  private static final class UdfServiceMethodDescriptorSupplier
      extends UdfServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    UdfServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (UdfServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new UdfServiceFileDescriptorSupplier())
              .addMethod(getRegisterModuleMethod())
              .addMethod(getListModulesMethod())
              .addMethod(getGetModuleMethod())
              .addMethod(getRemoveModuleMethod())
              .addMethod(getApplyMethod())
              .build();
        }
      }
    }
    return result;
  }
}
