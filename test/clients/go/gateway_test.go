// Package clients_test calls a running aerogate gateway through the generated Go stubs.
package clients_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// gatewayAddress is the host:port of the gateway the tests call, set by TestMain.
var gatewayAddress string

// TestMain starts the gateway on a free loopback port (or uses AEROGATE_ADDRESS when it is set),
// runs the tests and stops the gateway.
func TestMain(m *testing.M) {
	if addr := os.Getenv("AEROGATE_ADDRESS"); addr != "" {
		gatewayAddress = addr
		os.Exit(m.Run())
	}
	cmd, addr, err := startGateway()
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot start the gateway: %v\n", err)
		os.Exit(1)
	}
	gatewayAddress = addr
	code := m.Run()
	stopGateway(cmd)
	os.Exit(code)
}

// listeningLine is the part of the gateway's JSON log line that announces its address.
type listeningLine struct {
	Msg     string `json:"msg"`
	Address string `json:"address"`
}

// startGateway runs `node bin/aerogate.js serve --listen 127.0.0.1:0` from the repository root and
// waits for the log line that names the bound address.
func startGateway() (*exec.Cmd, string, error) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command("node", "bin/aerogate.js", "serve", "--listen", "127.0.0.1:0")
	cmd.Dir = root
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	found := make(chan string, 1)
	go func() {
		scanner := bufio.NewScanner(stdout)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		for scanner.Scan() {
			var line listeningLine
			if json.Unmarshal(scanner.Bytes(), &line) == nil && line.Msg == "listening" && line.Address != "" {
				found <- line.Address
				break
			}
		}
		// Keep draining so the gateway never blocks on a full pipe.
		_, _ = io.Copy(io.Discard, stdout)
		close(found)
	}()
	select {
	case addr, ok := <-found:
		if !ok {
			_ = cmd.Wait()
			return nil, "", fmt.Errorf("the gateway exited before logging \"listening\"")
		}
		return cmd, addr, nil
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, "", fmt.Errorf("no \"listening\" log line within 60s")
	}
}

// stopGateway sends SIGTERM and waits for the process, killing it if it outlives the grace period.
func stopGateway(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}
