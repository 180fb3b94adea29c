// Package canon holds the canonical record every client suite writes and reads back: one bin per Value
// type, loaded from test/clients/shared/canonical-record.json (proto3 JSON of an aerogate.v1.Record).
package canon

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Languages are the clients that take part in the cross-language check, in the order they write.
var Languages = []string{"go", "python", "java", "ts"}

// Set is the set that holds the cross-language records.
const Set = "xlang"

// path is the canonical JSON file, found relative to this source file.
func path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "shared", "canonical-record.json")
}

// Bins loads the canonical bins.
func Bins() (map[string]*aerogatev1.Value, error) {
	data, err := os.ReadFile(path())
	if err != nil {
		return nil, err
	}
	var rec aerogatev1.Record
	if err := protojson.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("canonical-record.json: %w", err)
	}
	return rec.GetBins(), nil
}

// Key is the key of the record written by one language's client.
func Key(language string) *aerogatev1.Key {
	return &aerogatev1.Key{Namespace: "test", Set: Set, UserKey: &aerogatev1.Key_StringValue{StringValue: "xlang-" + language}}
}

// Diff lists the bins of got that differ from want (missing, extra or unequal), sorted by name.
func Diff(want, got map[string]*aerogatev1.Value) []string {
	var out []string
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			out = append(out, fmt.Sprintf("%s: missing", name))
		} else if !proto.Equal(w, g) {
			out = append(out, fmt.Sprintf("%s: got %s, want %s", name, protojson.Format(g), protojson.Format(w)))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			out = append(out, fmt.Sprintf("%s: unexpected bin", name))
		}
	}
	sort.Strings(out)
	return out
}
