package clients_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Value builders for the tests.
func vInt(n int64) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_IntValue{IntValue: n}}
}
func vDouble(f float64) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_DoubleValue{DoubleValue: f}}
}
func vStr(s string) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_StringValue{StringValue: s}}
}
func vBytes(b ...byte) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_BytesValue{BytesValue: b}}
}
func vBool(b bool) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_BoolValue{BoolValue: b}}
}
func vGeo(s string) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_GeojsonValue{GeojsonValue: s}}
}
func vHll(b []byte) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_HllValue{HllValue: b}}
}
func vList(vs ...*aerogatev1.Value) *aerogatev1.Value {
	return &aerogatev1.Value{Kind: &aerogatev1.Value_ListValue{ListValue: &aerogatev1.ListValue{Values: vs}}}
}

// vMap builds a map value from alternating keys and values.
func vMap(kv ...*aerogatev1.Value) *aerogatev1.Value {
	m := &aerogatev1.MapValue{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Entries = append(m.Entries, &aerogatev1.MapEntry{Key: kv[i], Value: kv[i+1]})
	}
	return &aerogatev1.Value{Kind: &aerogatev1.Value_MapValue{MapValue: m}}
}

var keySeq int

// freshKey returns a key no other test (or earlier run) uses, in namespace test.
func freshKey(set string) *aerogatev1.Key {
	keySeq++
	id := fmt.Sprintf("go-%d-%d-%d", os.Getpid(), time.Now().UnixNano(), keySeq)
	return &aerogatev1.Key{Namespace: "test", Set: set, UserKey: &aerogatev1.Key_StringValue{StringValue: id}}
}

// ctx returns a context with a 30 s deadline, cancelled when the test ends.
func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// op builders.
func opGet(bin string) *aerogatev1.Operation {
	return &aerogatev1.Operation{Bin: bin, Op: &aerogatev1.Operation_Get{Get: &emptypb.Empty{}}}
}

func opSet(bin string, v *aerogatev1.Value) *aerogatev1.Operation {
	return &aerogatev1.Operation{Bin: bin, Op: &aerogatev1.Operation_SetTo{SetTo: v}}
}

// contextWithTimeout is context.WithTimeout on the background context.
func contextWithTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}
