package clients_test

import (
	"context"
	"strings"
	"testing"
	"time"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// dial opens a plaintext connection to the gateway and closes it when the test ends.
func dial(t *testing.T) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient(gatewayAddress, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatalf("dial %s: %v", gatewayAddress, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

func TestHealthCheckServing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := healthpb.NewHealthClient(dial(t)).Check(ctx, &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatalf("Health/Check: %v", err)
	}
	if resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("Health/Check status = %v, want SERVING", resp.GetStatus())
	}
}

// unimplementedMethod is a method path the gateway does not serve. Every RPC of the contract gets
// implemented over time, so the probe uses a method outside the contract, sent with generated messages.
const unimplementedMethod = "/aerogate.v1.TaskService/NoSuchMethod"

func TestUnimplementedRpc(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := dial(t).Invoke(ctx, unimplementedMethod, &aerogatev1.ListTasksRequest{}, &aerogatev1.ListTasksResponse{})
	st, _ := status.FromError(err)
	if st.Code() != codes.Unimplemented {
		t.Fatalf("%s code = %v (%q), want UNIMPLEMENTED", unimplementedMethod, st.Code(), st.Message())
	}
	if !strings.Contains(st.Message(), "NoSuchMethod") {
		t.Errorf("UNIMPLEMENTED message %q does not name the method", st.Message())
	}
}
