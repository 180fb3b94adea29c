// Command xlang is the Go participant of the cross-language check (run by scripts/test-clients.mjs):
//
//	xlang write ADDRESS          writes the canonical record under the key xlang-go
//	xlang read ADDRESS LANG...   reads xlang-LANG for each LANG and compares it with the canonical record
//
// It prints one line per key read, `LANG ok` or `LANG FAIL <differences>`, and exits 1 on any difference.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	aerogatev1 "github.com/aerogate/aerogate/gen/go/aerogate/v1"
	"github.com/aerogate/aerogate/test/clients/go/canon"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: xlang write|read ADDRESS [LANG...]")
		os.Exit(2)
	}
	conn, err := grpc.NewClient(os.Args[2], grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fail(err)
	}
	defer conn.Close()
	records := aerogatev1.NewRecordServiceClient(conn)
	want, err := canon.Bins()
	if err != nil {
		fail(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	switch os.Args[1] {
	case "write":
		_, err := records.Put(ctx, &aerogatev1.PutRequest{Key: canon.Key("go"), Bins: want, Verb: aerogatev1.Verb_VERB_REPLACE})
		if err != nil {
			fail(err)
		}
		fmt.Println("go wrote xlang-go")
	case "read":
		failed := false
		for _, lang := range os.Args[3:] {
			resp, err := records.Get(ctx, &aerogatev1.GetRequest{Key: canon.Key(lang)})
			if err != nil {
				fmt.Printf("%s FAIL %v\n", lang, err)
				failed = true
				continue
			}
			if diff := canon.Diff(want, resp.GetRecord().GetBins()); len(diff) > 0 {
				fmt.Printf("%s FAIL %s\n", lang, strings.Join(diff, "; "))
				failed = true
				continue
			}
			fmt.Printf("%s ok\n", lang)
		}
		if failed {
			os.Exit(1)
		}
	default:
		fail(fmt.Errorf("unknown mode %q", os.Args[1]))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "xlang:", err)
	os.Exit(1)
}
