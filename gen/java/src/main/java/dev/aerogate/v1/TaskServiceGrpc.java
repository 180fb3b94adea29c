package dev.aerogate.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * TaskService runs dataset-wide background jobs and pushes their progress.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class TaskServiceGrpc {

  private TaskServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "aerogate.v1.TaskService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.StartTaskRequest,
      dev.aerogate.v1.StartTaskResponse> getStartTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartTask",
      requestType = dev.aerogate.v1.StartTaskRequest.class,
      responseType = dev.aerogate.v1.StartTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.StartTaskRequest,
      dev.aerogate.v1.StartTaskResponse> getStartTaskMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.StartTaskRequest, dev.aerogate.v1.StartTaskResponse> getStartTaskMethod;
    if ((getStartTaskMethod = TaskServiceGrpc.getStartTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getStartTaskMethod = TaskServiceGrpc.getStartTaskMethod) == null) {
          TaskServiceGrpc.getStartTaskMethod = getStartTaskMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.StartTaskRequest, dev.aerogate.v1.StartTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.StartTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.StartTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("StartTask"))
              .build();
        }
      }
    }
    return getStartTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.GetTaskRequest,
      dev.aerogate.v1.GetTaskResponse> getGetTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTask",
      requestType = dev.aerogate.v1.GetTaskRequest.class,
      responseType = dev.aerogate.v1.GetTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.GetTaskRequest,
      dev.aerogate.v1.GetTaskResponse> getGetTaskMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.GetTaskRequest, dev.aerogate.v1.GetTaskResponse> getGetTaskMethod;
    if ((getGetTaskMethod = TaskServiceGrpc.getGetTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getGetTaskMethod = TaskServiceGrpc.getGetTaskMethod) == null) {
          TaskServiceGrpc.getGetTaskMethod = getGetTaskMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.GetTaskRequest, dev.aerogate.v1.GetTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.GetTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("GetTask"))
              .build();
        }
      }
    }
    return getGetTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.WatchTaskRequest,
      dev.aerogate.v1.WatchTaskResponse> getWatchTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchTask",
      requestType = dev.aerogate.v1.WatchTaskRequest.class,
      responseType = dev.aerogate.v1.WatchTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.WatchTaskRequest,
      dev.aerogate.v1.WatchTaskResponse> getWatchTaskMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.WatchTaskRequest, dev.aerogate.v1.WatchTaskResponse> getWatchTaskMethod;
    if ((getWatchTaskMethod = TaskServiceGrpc.getWatchTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getWatchTaskMethod = TaskServiceGrpc.getWatchTaskMethod) == null) {
          TaskServiceGrpc.getWatchTaskMethod = getWatchTaskMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.WatchTaskRequest, dev.aerogate.v1.WatchTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.WatchTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.WatchTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("WatchTask"))
              .build();
        }
      }
    }
    return getWatchTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.RunTaskRequest,
      dev.aerogate.v1.RunTaskResponse> getRunTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RunTask",
      requestType = dev.aerogate.v1.RunTaskRequest.class,
      responseType = dev.aerogate.v1.RunTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.RunTaskRequest,
      dev.aerogate.v1.RunTaskResponse> getRunTaskMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.RunTaskRequest, dev.aerogate.v1.RunTaskResponse> getRunTaskMethod;
    if ((getRunTaskMethod = TaskServiceGrpc.getRunTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getRunTaskMethod = TaskServiceGrpc.getRunTaskMethod) == null) {
          TaskServiceGrpc.getRunTaskMethod = getRunTaskMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.RunTaskRequest, dev.aerogate.v1.RunTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RunTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RunTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.RunTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("RunTask"))
              .build();
        }
      }
    }
    return getRunTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.CancelTaskRequest,
      dev.aerogate.v1.CancelTaskResponse> getCancelTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CancelTask",
      requestType = dev.aerogate.v1.CancelTaskRequest.class,
      responseType = dev.aerogate.v1.CancelTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.CancelTaskRequest,
      dev.aerogate.v1.CancelTaskResponse> getCancelTaskMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.CancelTaskRequest, dev.aerogate.v1.CancelTaskResponse> getCancelTaskMethod;
    if ((getCancelTaskMethod = TaskServiceGrpc.getCancelTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getCancelTaskMethod = TaskServiceGrpc.getCancelTaskMethod) == null) {
          TaskServiceGrpc.getCancelTaskMethod = getCancelTaskMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.CancelTaskRequest, dev.aerogate.v1.CancelTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CancelTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.CancelTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.CancelTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("CancelTask"))
              .build();
        }
      }
    }
    return getCancelTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.aerogate.v1.ListTasksRequest,
      dev.aerogate.v1.ListTasksResponse> getListTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTasks",
      requestType = dev.aerogate.v1.ListTasksRequest.class,
      responseType = dev.aerogate.v1.ListTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.aerogate.v1.ListTasksRequest,
      dev.aerogate.v1.ListTasksResponse> getListTasksMethod() {
    io.grpc.MethodDescriptor<dev.aerogate.v1.ListTasksRequest, dev.aerogate.v1.ListTasksResponse> getListTasksMethod;
    if ((getListTasksMethod = TaskServiceGrpc.getListTasksMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getListTasksMethod = TaskServiceGrpc.getListTasksMethod) == null) {
          TaskServiceGrpc.getListTasksMethod = getListTasksMethod =
              io.grpc.MethodDescriptor.<dev.aerogate.v1.ListTasksRequest, dev.aerogate.v1.ListTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTasks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ListTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.aerogate.v1.ListTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("ListTasks"))
              .build();
        }
      }
    }
    return getListTasksMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TaskServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceStub>() {
        @java.lang.Override
        public TaskServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceStub(channel, callOptions);
        }
      };
    return TaskServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static TaskServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingV2Stub>() {
        @java.lang.Override
        public TaskServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return TaskServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TaskServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingStub>() {
        @java.lang.Override
        public TaskServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceBlockingStub(channel, callOptions);
        }
      };
    return TaskServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TaskServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceFutureStub>() {
        @java.lang.Override
        public TaskServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceFutureStub(channel, callOptions);
        }
      };
    return TaskServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * StartTask starts a background job and returns it.
     * </pre>
     */
    default void startTask(dev.aerogate.v1.StartTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.StartTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetTask returns a job's current state; a job the server forgot after it ran is COMPLETED.
     * </pre>
     */
    default void getTask(dev.aerogate.v1.GetTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchTask streams an event on every change of a job's state or progress, ending after the terminal event.
     * </pre>
     */
    default void watchTask(dev.aerogate.v1.WatchTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.WatchTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * RunTask starts a job and watches it in one call.
     * </pre>
     */
    default void runTask(dev.aerogate.v1.RunTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RunTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRunTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * CancelTask aborts a running job.
     * </pre>
     */
    default void cancelTask(dev.aerogate.v1.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.CancelTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCancelTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListTasks returns the jobs the cluster currently reports.
     * </pre>
     */
    default void listTasks(dev.aerogate.v1.ListTasksRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ListTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTasksMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service TaskService.
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public static abstract class TaskServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return TaskServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service TaskService.
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public static final class TaskServiceStub
      extends io.grpc.stub.AbstractAsyncStub<TaskServiceStub> {
    private TaskServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * StartTask starts a background job and returns it.
     * </pre>
     */
    public void startTask(dev.aerogate.v1.StartTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.StartTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetTask returns a job's current state; a job the server forgot after it ran is COMPLETED.
     * </pre>
     */
    public void getTask(dev.aerogate.v1.GetTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.GetTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchTask streams an event on every change of a job's state or progress, ending after the terminal event.
     * </pre>
     */
    public void watchTask(dev.aerogate.v1.WatchTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.WatchTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * RunTask starts a job and watches it in one call.
     * </pre>
     */
    public void runTask(dev.aerogate.v1.RunTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.RunTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getRunTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * CancelTask aborts a running job.
     * </pre>
     */
    public void cancelTask(dev.aerogate.v1.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.CancelTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListTasks returns the jobs the cluster currently reports.
     * </pre>
     */
    public void listTasks(dev.aerogate.v1.ListTasksRequest request,
        io.grpc.stub.StreamObserver<dev.aerogate.v1.ListTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service TaskService.
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public static final class TaskServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<TaskServiceBlockingV2Stub> {
    private TaskServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * StartTask starts a background job and returns it.
     * </pre>
     */
    public dev.aerogate.v1.StartTaskResponse startTask(dev.aerogate.v1.StartTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getStartTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetTask returns a job's current state; a job the server forgot after it ran is COMPLETED.
     * </pre>
     */
    public dev.aerogate.v1.GetTaskResponse getTask(dev.aerogate.v1.GetTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchTask streams an event on every change of a job's state or progress, ending after the terminal event.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, dev.aerogate.v1.WatchTaskResponse>
        watchTask(dev.aerogate.v1.WatchTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * RunTask starts a job and watches it in one call.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, dev.aerogate.v1.RunTaskResponse>
        runTask(dev.aerogate.v1.RunTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getRunTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * CancelTask aborts a running job.
     * </pre>
     */
    public dev.aerogate.v1.CancelTaskResponse cancelTask(dev.aerogate.v1.CancelTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListTasks returns the jobs the cluster currently reports.
     * </pre>
     */
    public dev.aerogate.v1.ListTasksResponse listTasks(dev.aerogate.v1.ListTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service TaskService.
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public static final class TaskServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<TaskServiceBlockingStub> {
    private TaskServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * StartTask starts a background job and returns it.
     * </pre>
     */
    public dev.aerogate.v1.StartTaskResponse startTask(dev.aerogate.v1.StartTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetTask returns a job's current state; a job the server forgot after it ran is COMPLETED.
     * </pre>
     */
    public dev.aerogate.v1.GetTaskResponse getTask(dev.aerogate.v1.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchTask streams an event on every change of a job's state or progress, ending after the terminal event.
     * </pre>
     */
    public java.util.Iterator<dev.aerogate.v1.WatchTaskResponse> watchTask(
        dev.aerogate.v1.WatchTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * RunTask starts a job and watches it in one call.
     * </pre>
     */
    public java.util.Iterator<dev.aerogate.v1.RunTaskResponse> runTask(
        dev.aerogate.v1.RunTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getRunTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * CancelTask aborts a running job.
     * </pre>
     */
    public dev.aerogate.v1.CancelTaskResponse cancelTask(dev.aerogate.v1.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListTasks returns the jobs the cluster currently reports.
     * </pre>
     */
    public dev.aerogate.v1.ListTasksResponse listTasks(dev.aerogate.v1.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service TaskService.
   * <pre>
   * TaskService runs dataset-wide background jobs and pushes their progress.
   * </pre>
   */
  public static final class TaskServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<TaskServiceFutureStub> {
    private TaskServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * StartTask starts a background job and returns it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.StartTaskResponse> startTask(
        dev.aerogate.v1.StartTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetTask returns a job's current state; a job the server forgot after it ran is COMPLETED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.GetTaskResponse> getTask(
        dev.aerogate.v1.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * CancelTask aborts a running job.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.CancelTaskResponse> cancelTask(
        dev.aerogate.v1.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListTasks returns the jobs the cluster currently reports.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.aerogate.v1.ListTasksResponse> listTasks(
        dev.aerogate.v1.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_START_TASK = 0;
  private static final int METHODID_GET_TASK = 1;
  private static final int METHODID_WATCH_TASK = 2;
  private static final int METHODID_RUN_TASK = 3;
  private static final int METHODID_CANCEL_TASK = 4;
  private static final int METHODID_LIST_TASKS = 5;

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
        case METHODID_START_TASK:
          serviceImpl.startTask((dev.aerogate.v1.StartTaskRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.StartTaskResponse>) responseObserver);
          break;
        case METHODID_GET_TASK:
          serviceImpl.getTask((dev.aerogate.v1.GetTaskRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.GetTaskResponse>) responseObserver);
          break;
        case METHODID_WATCH_TASK:
          serviceImpl.watchTask((dev.aerogate.v1.WatchTaskRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.WatchTaskResponse>) responseObserver);
          break;
        case METHODID_RUN_TASK:
          serviceImpl.runTask((dev.aerogate.v1.RunTaskRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.RunTaskResponse>) responseObserver);
          break;
        case METHODID_CANCEL_TASK:
          serviceImpl.cancelTask((dev.aerogate.v1.CancelTaskRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.CancelTaskResponse>) responseObserver);
          break;
        case METHODID_LIST_TASKS:
          serviceImpl.listTasks((dev.aerogate.v1.ListTasksRequest) request,
              (io.grpc.stub.StreamObserver<dev.aerogate.v1.ListTasksResponse>) responseObserver);
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
          getStartTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.StartTaskRequest,
              dev.aerogate.v1.StartTaskResponse>(
                service, METHODID_START_TASK)))
        .addMethod(
          getGetTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.GetTaskRequest,
              dev.aerogate.v1.GetTaskResponse>(
                service, METHODID_GET_TASK)))
        .addMethod(
          getWatchTaskMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              dev.aerogate.v1.WatchTaskRequest,
              dev.aerogate.v1.WatchTaskResponse>(
                service, METHODID_WATCH_TASK)))
        .addMethod(
          getRunTaskMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              dev.aerogate.v1.RunTaskRequest,
              dev.aerogate.v1.RunTaskResponse>(
                service, METHODID_RUN_TASK)))
        .addMethod(
          getCancelTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.CancelTaskRequest,
              dev.aerogate.v1.CancelTaskResponse>(
                service, METHODID_CANCEL_TASK)))
        .addMethod(
          getListTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.aerogate.v1.ListTasksRequest,
              dev.aerogate.v1.ListTasksResponse>(
                service, METHODID_LIST_TASKS)))
        .build();
  }

  private static abstract class TaskServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TaskServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.aerogate.v1.TaskProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TaskService");
    }
  }

  private static final class TaskServiceFileDescriptorSupplier
      extends TaskServiceBaseDescriptorSupplier {
    TaskServiceFileDescriptorSupplier() {}
  }

  private static final class TaskServiceMethodDescriptorSupplier
      extends TaskServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    TaskServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (TaskServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TaskServiceFileDescriptorSupplier())
              .addMethod(getStartTaskMethod())
              .addMethod(getGetTaskMethod())
              .addMethod(getWatchTaskMethod())
              .addMethod(getRunTaskMethod())
              .addMethod(getCancelTaskMethod())
              .addMethod(getListTasksMethod())
              .build();
        }
      }
    }
    return result;
  }
}
