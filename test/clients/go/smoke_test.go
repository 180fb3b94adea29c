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

func TestUnimplementedRpc(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := aerogatev1.NewTaskServiceClient(dial(t)).ListTasks(ctx, &aerogatev1.ListTasksRequest{})
	st, _ := status.FromError(err)
	if st.Code() != codes.Unimplemented {
		t.Fatalf("TaskService/ListTasks code = %v (%q), want UNIMPLEMENTED", st.Code(), st.Message())
	}
	if !strings.Contains(st.Message(), "ListTasks") {
		t.Errorf("UNIMPLEMENTED message %q does not name the RPC", st.Message())
	}
}
