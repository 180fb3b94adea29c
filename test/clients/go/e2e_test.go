package clients_test

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"github.com/aerogate/aerogate/test/clients/go/canon"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

const set = "clients_go"

func TestPutGetEveryValueType(t *testing.T) {
	records := aerogatev1.NewRecordServiceClient(dial(t))
	want, err := canon.Bins()
	if err != nil {
		t.Fatal(err)
	}
	key := freshKey(set)
	if _, err := records.Put(ctx(t), &aerogatev1.PutRequest{Key: key, Bins: want, Verb: aerogatev1.Verb_VERB_UPSERT}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	got, err := records.Get(ctx(t), &aerogatev1.GetRequest{Key: key})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	bins := got.GetRecord().GetBins()
	if diff := canon.Diff(want, bins); len(diff) > 0 {
		t.Fatalf("read back differs:\n%s", strings.Join(diff, "\n"))
	}
	// The same facts, through the generated accessors.
	if n := bins["int_big"].GetIntValue(); n != 9007199254740993 {
		t.Errorf("int_big = %d", n)
	}
	if _, ok := bins["dbl_whole"].GetKind().(*aerogatev1.Value_DoubleValue); !ok {
		t.Errorf("dbl_whole came back as %T, want a double", bins["dbl_whole"].GetKind())
	}
	inner := bins["map"].GetMapValue().GetEntries()[1]
	if inner.GetKey().GetIntValue() != 2 || inner.GetValue().GetMapValue().GetEntries()[0].GetKey().GetIntValue() != -7 {
		t.Errorf("nested int-keyed map came back as %v", bins["map"])
	}
	if !strings.Contains(bins["geo"].GetGeojsonValue(), "Point") {
		t.Errorf("geo = %v", bins["geo"])
	}
	if len(bins["hll"].GetHllValue()) == 0 {
		t.Errorf("hll = %v", bins["hll"])
	}
}

func TestHllBytesRoundTrip(t *testing.T) {
	records := aerogatev1.NewRecordServiceClient(dial(t))
	key := freshKey(set)
	add := &aerogatev1.Operation{Bin: "h", Op: &aerogatev1.Operation_HllAdd{HllAdd: &aerogatev1.HllAddOperation{
		Values: []*aerogatev1.Value{vStr("a"), vStr("b"), vInt(3)}, IndexBitCount: proto.Int32(8),
	}}}
	if _, err := records.Operate(ctx(t), &aerogatev1.OperateRequest{Key: key, Verb: aerogatev1.Verb_VERB_UPSERT, Operations: []*aerogatev1.Operation{add}}); err != nil {
		t.Fatalf("hll_add: %v", err)
	}
	got, err := records.Get(ctx(t), &aerogatev1.GetRequest{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	sketch := got.GetRecord().GetBins()["h"].GetHllValue()
	if len(sketch) == 0 {
		t.Fatalf("bin h is %v, want HLL bytes", got.GetRecord().GetBins()["h"])
	}
	copyKey := freshKey(set)
	if _, err := records.Put(ctx(t), &aerogatev1.PutRequest{Key: copyKey, Bins: map[string]*aerogatev1.Value{"h": vHll(sketch)}, Verb: aerogatev1.Verb_VERB_UPSERT}); err != nil {
		t.Fatalf("Put hll: %v", err)
	}
	back, err := records.Get(ctx(t), &aerogatev1.GetRequest{Key: copyKey})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.GetRecord().GetBins()["h"].GetHllValue(), sketch) {
		t.Fatalf("HLL bytes changed on the round trip")
	}
	res, err := records.Operate(ctx(t), &aerogatev1.OperateRequest{Key: copyKey, Verb: aerogatev1.Verb_VERB_READ, Operations: []*aerogatev1.Operation{
		{Bin: "h", Op: &aerogatev1.Operation_HllGetCount{HllGetCount: &aerogatev1.HllGetCountOperation{}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.GetOperationResults()[0].GetIntValue(); n != 3 {
		t.Fatalf("count of the copied sketch = %d, want 3", n)
	}
}

func TestHllAddCountUnion(t *testing.T) {
	records := aerogatev1.NewRecordServiceClient(dial(t))
	hllAdd := func(values ...*aerogatev1.Value) *aerogatev1.Operation {
		return &aerogatev1.Operation{Bin: "h", Op: &aerogatev1.Operation_HllAdd{HllAdd: &aerogatev1.HllAddOperation{Values: values, IndexBitCount: proto.Int32(10)}}}
	}
	count := &aerogatev1.Operation{Bin: "h", Op: &aerogatev1.Operation_HllGetCount{HllGetCount: &aerogatev1.HllGetCountOperation{}}}
	a, b := freshKey(set), freshKey(set)
	resA, err := records.Operate(ctx(t), &aerogatev1.OperateRequest{Key: a, Verb: aerogatev1.Verb_VERB_UPSERT, Operations: []*aerogatev1.Operation{hllAdd(vStr("x"), vStr("y"), vStr("z")), count}})
	if err != nil {
		t.Fatalf("Operate a: %v", err)
	}
	if got := resA.GetOperationResults(); got[0].GetIntValue() != 3 || got[1].GetIntValue() != 3 {
		t.Fatalf("hll_add/get_count results = %v, want 3 and 3", got)
	}
	if _, err := records.Operate(ctx(t), &aerogatev1.OperateRequest{Key: b, Verb: aerogatev1.Verb_VERB_UPSERT, Operations: []*aerogatev1.Operation{hllAdd(vStr("z"), vStr("w"))}}); err != nil {
		t.Fatalf("Operate b: %v", err)
	}
	gotB, err := records.Get(ctx(t), &aerogatev1.GetRequest{Key: b})
	if err != nil {
		t.Fatal(err)
	}
	sketchB := gotB.GetRecord().GetBins()["h"].GetHllValue()
	res, err := records.Operate(ctx(t), &aerogatev1.OperateRequest{Key: a, Verb: aerogatev1.Verb_VERB_UPDATE, Operations: []*aerogatev1.Operation{
		{Bin: "h", Op: &aerogatev1.Operation_HllGetUnionCount{HllGetUnionCount: &aerogatev1.HllSketchesOperation{Sketches: [][]byte{sketchB}}}},
		{Bin: "h", Op: &aerogatev1.Operation_HllSetUnion{HllSetUnion: &aerogatev1.HllSetUnionOperation{Sketches: [][]byte{sketchB}}}},
		count,
	}})
	if err != nil {
		t.Fatalf("union: %v", err)
	}
	r := res.GetOperationResults()
	if r[0].GetIntValue() != 4 || r[2].GetIntValue() != 4 {
		t.Fatalf("union count = %v, count after set_union = %v, want 4 and 4", r[0], r[2])
	}
}

// seed writes n records with bin n = i and bin age = 10*i into a set.
func seed(t *testing.T, records aerogatev1.RecordServiceClient, set string, n int) []*aerogatev1.Key {
	t.Helper()
	keys := make([]*aerogatev1.Key, n)
	for i := range keys {
		keys[i] = freshKey(set)
		_, err := records.Put(ctx(t), &aerogatev1.PutRequest{Key: keys[i], Verb: aerogatev1.Verb_VERB_UPSERT, Bins: map[string]*aerogatev1.Value{
			"n": vInt(int64(i)), "age": vInt(int64(10 * i)),
		}})
		if err != nil {
			t.Fatalf("seed Put: %v", err)
		}
	}
	return keys
}

func TestExecuteBatch(t *testing.T) {
	conn := dial(t)
	keys := seed(t, aerogatev1.NewRecordServiceClient(conn), set, 3)
	missing := freshKey(set)
	resp, err := aerogatev1.NewBatchServiceClient(conn).ExecuteBatch(ctx(t), &aerogatev1.ExecuteBatchRequest{Entries: []*aerogatev1.BatchEntry{
		{Key: keys[0], Verb: aerogatev1.Verb_VERB_READ},
		{Key: missing, Verb: aerogatev1.Verb_VERB_READ},
		{Key: keys[1], Verb: aerogatev1.Verb_VERB_UPDATE, Operations: []*aerogatev1.Operation{
			{Bin: "n", Op: &aerogatev1.Operation_Add{Add: vInt(100)}}, opGet("n"),
		}},
		{Key: keys[2], Verb: aerogatev1.Verb_VERB_READ, Bins: []string{"age"}},
	}})
	if err != nil {
		t.Fatalf("ExecuteBatch: %v", err)
	}
	r := resp.GetResults()
	if len(r) != 4 {
		t.Fatalf("%d results, want 4", len(r))
	}
	for i, res := range r {
		if res.GetIndex() != uint32(i) {
			t.Errorf("results[%d].index = %d", i, res.GetIndex())
		}
	}
	if r[0].GetResultCode() != 0 || r[0].GetRecord().GetBins()["n"].GetIntValue() != 0 {
		t.Errorf("entry 0: %v", r[0])
	}
	if r[1].GetResultCode() != 2 || r[1].GetResultName() != "KEY_NOT_FOUND_ERROR" {
		t.Errorf("entry 1 (missing): code %d name %q", r[1].GetResultCode(), r[1].GetResultName())
	}
	if r[2].GetResultCode() != 0 || r[2].GetOperationResults()[1].GetIntValue() != 101 {
		t.Errorf("entry 2 (add+get): %v", r[2])
	}
	if bins := r[3].GetRecord().GetBins(); len(bins) != 1 || bins["age"].GetIntValue() != 20 {
		t.Errorf("entry 3 (projected): %v", bins)
	}
}

func TestStreamBatchReorderedByIndex(t *testing.T) {
	conn := dial(t)
	keys := seed(t, aerogatev1.NewRecordServiceClient(conn), set, 25)
	entries := make([]*aerogatev1.BatchEntry, len(keys))
	for i, k := range keys {
		entries[i] = &aerogatev1.BatchEntry{Key: k, Verb: aerogatev1.Verb_VERB_READ}
	}
	stream, err := aerogatev1.NewBatchServiceClient(conn).StreamBatch(ctx(t), &aerogatev1.StreamBatchRequest{Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	var results []*aerogatev1.BatchResult
	for {
		msg, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Recv: %v", err)
		}
		results = append(results, msg.GetResult())
	}
	if len(results) != len(keys) {
		t.Fatalf("%d results, want %d", len(results), len(keys))
	}
	sort.Slice(results, func(i, j int) bool { return results[i].GetIndex() < results[j].GetIndex() })
	for i, res := range results {
		if res.GetIndex() != uint32(i) || res.GetResultCode() != 0 {
			t.Fatalf("result %d: index %d code %d", i, res.GetIndex(), res.GetResultCode())
		}
		if res.GetKey().GetStringValue() != keys[i].GetStringValue() || res.GetRecord().GetBins()["n"].GetIntValue() != int64(i) {
			t.Fatalf("result %d belongs to %v (n=%v)", i, res.GetKey(), res.GetRecord().GetBins()["n"])
		}
	}
}

func TestAelFilterWithPlaceholders(t *testing.T) {
	conn := dial(t)
	records := aerogatev1.NewRecordServiceClient(conn)
	keys := seed(t, records, set, 4) // ages 0, 10, 20, 30
	filter := &aerogatev1.Expression{Source: &aerogatev1.Expression_Ael{Ael: "$.age >= ?0 and $.age < ?1"}, Placeholders: []*aerogatev1.Value{vInt(10), vInt(30)}}
	entries := make([]*aerogatev1.BatchEntry, len(keys))
	for i, k := range keys {
		entries[i] = &aerogatev1.BatchEntry{Key: k, Verb: aerogatev1.Verb_VERB_READ}
	}
	resp, err := aerogatev1.NewBatchServiceClient(conn).ExecuteBatch(ctx(t), &aerogatev1.ExecuteBatchRequest{Entries: entries, Filter: filter})
	if err != nil {
		t.Fatal(err)
	}
	var codesGot []int32
	for _, r := range resp.GetResults() {
		codesGot = append(codesGot, r.GetResultCode())
	}
	if want := []int32{27, 0, 0, 27}; !equalInts(codesGot, want) {
		t.Fatalf("result codes %v, want %v (27 = FILTERED_OUT)", codesGot, want)
	}
	// A string placeholder stays data: quotes in it do not change the expression.
	_, err = records.Get(ctx(t), &aerogatev1.GetRequest{Key: keys[1], Filter: &aerogatev1.Expression{
		Source: &aerogatev1.Expression_Ael{Ael: "$.age == ?0"}, Placeholders: []*aerogatev1.Value{vStr("10' or true")},
	}})
	assertReason(t, err, codes.FailedPrecondition, "AEROSPIKE_FILTERED_OUT", "27")
}

func equalInts(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRunTaskWatchedToCompletion(t *testing.T) {
	conn := dial(t)
	taskSet := "clients_go_task_" + strings.ReplaceAll(freshKey("x").GetStringValue(), "-", "_")[3:12]
	keys := seed(t, aerogatev1.NewRecordServiceClient(conn), taskSet, 20)
	stream, err := aerogatev1.NewTaskServiceClient(conn).RunTask(ctx(t), &aerogatev1.RunTaskRequest{Start: &aerogatev1.StartTaskRequest{
		Namespace: "test", Set: taskSet,
		Filter: &aerogatev1.Expression{Source: &aerogatev1.Expression_Ael{Ael: "$.n >= ?0"}, Placeholders: []*aerogatev1.Value{vInt(5)}},
		Action: &aerogatev1.StartTaskRequest_Update{Update: &aerogatev1.UpdateAction{Operations: []*aerogatev1.Operation{opSet("bg", vStr("done"))}}},
		// Throttled so that the job is usually still running when the watch begins.
		RecordsPerSecond: 40,
	}})
	if err != nil {
		t.Fatal(err)
	}
	var events []*aerogatev1.TaskEvent
	for {
		msg, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Recv: %v", err)
		}
		events = append(events, msg.GetEvent())
	}
	if len(events) == 0 {
		t.Fatal("RunTask sent no events")
	}
	// A job that finished before the watch began is reported by its terminal event alone.
	if len(events) > 1 && events[0].GetType() != aerogatev1.TaskEventType_TASK_EVENT_TYPE_STARTED {
		t.Fatalf("events %v, want STARTED first", events)
	}
	for _, e := range events[1 : len(events)-1] {
		if e.GetType() != aerogatev1.TaskEventType_TASK_EVENT_TYPE_PROGRESS {
			t.Fatalf("event %v between the first and the last, want PROGRESS", e)
		}
	}
	last := events[len(events)-1]
	if last.GetType() != aerogatev1.TaskEventType_TASK_EVENT_TYPE_COMPLETED || last.GetTask().GetState() != aerogatev1.TaskState_TASK_STATE_COMPLETED {
		t.Fatalf("last event %v, want COMPLETED", last)
	}
	if last.GetTask().GetKind() != aerogatev1.TaskKind_TASK_KIND_UPDATE || last.GetTask().GetRecordsSucceeded() != 15 {
		t.Errorf("task %v, want an UPDATE that succeeded on 15 records", last.GetTask())
	}
	entries := make([]*aerogatev1.BatchEntry, len(keys))
	for i, k := range keys {
		entries[i] = &aerogatev1.BatchEntry{Key: k, Verb: aerogatev1.Verb_VERB_READ}
	}
	resp, err := aerogatev1.NewBatchServiceClient(conn).ExecuteBatch(ctx(t), &aerogatev1.ExecuteBatchRequest{Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range resp.GetResults() {
		_, marked := r.GetRecord().GetBins()["bg"]
		if marked != (i >= 5) {
			t.Errorf("record n=%d: marked=%v", i, marked)
		}
	}
}

// assertReason checks a failed call's code and the ErrorInfo in its status details.
func assertReason(t *testing.T, err error, code codes.Code, reason, resultCode string) {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != code {
		t.Fatalf("code %v (%q), want %v", st.Code(), st.Message(), code)
	}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			if info.GetDomain() != "aerogate" || info.GetReason() != reason || info.GetMetadata()["result_code"] != resultCode {
				t.Fatalf("ErrorInfo %v, want domain aerogate, reason %s, result_code %s", info, reason, resultCode)
			}
			if _, ok := info.GetMetadata()["in_doubt"]; !ok {
				t.Errorf("ErrorInfo metadata has no in_doubt: %v", info.GetMetadata())
			}
			return
		}
	}
	t.Fatalf("no ErrorInfo in the status details of %v", st)
}

func TestErrorInfoInStatusDetails(t *testing.T) {
	records := aerogatev1.NewRecordServiceClient(dial(t))
	_, err := records.Get(ctx(t), &aerogatev1.GetRequest{Key: freshKey(set)})
	assertReason(t, err, codes.NotFound, "AEROSPIKE_KEY_NOT_FOUND_ERROR", "2")

	key := freshKey(set)
	put := &aerogatev1.PutRequest{Key: key, Verb: aerogatev1.Verb_VERB_INSERT, Bins: map[string]*aerogatev1.Value{"a": vInt(1)}}
	if _, err := records.Put(ctx(t), put); err != nil {
		t.Fatal(err)
	}
	_, err = records.Put(ctx(t), put)
	assertReason(t, err, codes.AlreadyExists, "AEROSPIKE_KEY_EXISTS_ERROR", "5")
}

func TestDeadlineExpires(t *testing.T) {
	entries := make([]*aerogatev1.BatchEntry, 300)
	for i := range entries {
		entries[i] = &aerogatev1.BatchEntry{Key: freshKey(set), Verb: aerogatev1.Verb_VERB_READ}
	}
	c, cancel := contextWithTimeout(time.Millisecond)
	defer cancel()
	_, err := aerogatev1.NewBatchServiceClient(dial(t)).ExecuteBatch(c, &aerogatev1.ExecuteBatchRequest{Entries: entries})
	if status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("code %v, want DEADLINE_EXCEEDED", status.Code(err))
	}
}

func TestExampleProgram(t *testing.T) {
	cmd := exec.Command("go", "run", "./example", gatewayAddress)
	cmd.Dir = filepath.Join("..", "..", "..", "gen", "go")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./example: %v\n%s", err, out)
	}
	for _, want := range []string{"name=Ada visits=9007199254740993 score=3", "reason=AEROSPIKE_KEY_NOT_FOUND_ERROR result_code=2"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("example output lacks %q:\n%s", want, out)
		}
	}
}
