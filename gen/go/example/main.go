// Command example writes a record through the aerogate gateway and reads it back:
//
//	go run github.com/aerogate/aerogate/gen/go/example 127.0.0.1:50051
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
)

func main() {
	address := "127.0.0.1:50051"
	if len(os.Args) > 1 {
		address = os.Args[1]
	}
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	records := aerogatev1.NewRecordServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	key := &aerogatev1.Key{Namespace: "test", Set: "examples", UserKey: &aerogatev1.Key_StringValue{StringValue: "go-example"}}
	bins := map[string]*aerogatev1.Value{
		"name":   {Kind: &aerogatev1.Value_StringValue{StringValue: "Ada"}},
		"visits": {Kind: &aerogatev1.Value_IntValue{IntValue: 9007199254740993}}, // 2^53 + 1, exact
		"score":  {Kind: &aerogatev1.Value_DoubleValue{DoubleValue: 3.0}},
	}
	put, err := records.Put(ctx, &aerogatev1.PutRequest{Key: key, Bins: bins, Verb: aerogatev1.Verb_VERB_REPLACE})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("put generation=%d\n", put.GetGeneration())

	got, err := records.Get(ctx, &aerogatev1.GetRequest{Key: key})
	if err != nil {
		log.Fatal(err)
	}
	b := got.GetRecord().GetBins()
	fmt.Printf("name=%s visits=%d score=%v\n", b["name"].GetStringValue(), b["visits"].GetIntValue(), b["score"].GetDoubleValue())

	// A failed call carries google.rpc.ErrorInfo in its status details.
	missing := &aerogatev1.Key{Namespace: "test", Set: "examples", UserKey: &aerogatev1.Key_StringValue{StringValue: "no-such-key"}}
	_, err = records.Get(ctx, &aerogatev1.GetRequest{Key: missing})
	if err == nil {
		log.Fatal(errors.New("expected NOT_FOUND"))
	}
	st := status.Convert(err)
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			fmt.Printf("missing: code=%s reason=%s result_code=%s\n", st.Code(), info.GetReason(), info.GetMetadata()["result_code"])
		}
	}
}
