// Command load is the load test of `handouts serve`: it starts the server
// in this process on a loopback port, as the command line does (same
// collector settings), sends personalised one-page summaries from
// concurrent clients through POST /api/render, and reports renders per
// second, latency percentiles and the process's peak memory. It exits 1 if
// any request fails, peak RSS passes the limit, or a goroutine outlives
// the shutdown.
//
//	go run ./bench/load                       # 16 clients, 200 summaries, data/, the example brand
//	go run ./bench/load -clients 4 -requests 50 -brand ""   # no brand
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/serve"
)

func main() {
	clients := flag.Int("clients", 16, "concurrent clients")
	requests := flag.Int("requests", 200, "personalised summaries to render")
	dir := flag.String("dir", "data", "folder of handouts")
	name := flag.String("handout", "group-therapy", "handout to render")
	brandFile := flag.String("brand", "data/brand/brand.yaml", "brand file (\"\" for no brand)")
	maxRSS := flag.Int("max-rss", 150, "fail above this peak resident memory, in MB")
	flag.Parse()
	if err := run(*clients, *requests, *dir, *name, *brandFile, *maxRSS); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(clients, requests int, dir, name, brandFile string, maxRSS int) error {
	handout.TuneGC(os.LookupEnv)
	b, findings := handout.ResolveBrand(brand.Settings{}, brand.Settings{}, brandFile)
	if findings.HasErrors() {
		return fmt.Errorf("brand: %v", findings.Errors())
	}
	before := runtime.NumGoroutine()
	srv, err := serve.New(serve.Config{Dir: dir, Brand: b, Version: "load"})
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, "127.0.0.1:0", srv, func(a string) { addrc <- a }) }()
	var url string
	select {
	case a := <-addrc:
		url = "http://" + a + "/api/render"
	case err := <-done:
		stop()
		return err
	}

	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: transport}
	// One request first, so the font and content caches are warm.
	if _, err := render(client, url, name, -1); err != nil {
		stop()
		return fmt.Errorf("warm-up: %w", err)
	}

	latencies := make([]time.Duration, requests)
	errs := make([]error, requests)
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	cpu0 := cpuTime()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				latencies[i], errs[i] = render(client, url, name, i)
			}
		}()
	}
	for i := 0; i < requests; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	wall := time.Since(start)
	cpu := cpuTime() - cpu0

	stop() // as SIGINT would
	if err := <-done; err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	transport.CloseIdleConnections()
	left := settle(before)

	failed := 0
	for i, err := range errs {
		if err != nil {
			failed++
			if failed <= 5 {
				fmt.Fprintf(os.Stderr, "request %d: %v\n", i, err)
			}
		}
	}
	sorted := append([]time.Duration(nil), latencies...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	pct := func(p float64) time.Duration {
		return sorted[int(float64(len(sorted)-1)*p)].Round(100 * time.Microsecond)
	}
	rss := peakRSS()
	fmt.Printf("%d personalised summaries of %s, %d clients, %d CPUs: %d ok, %d failed\n", requests, name, clients, runtime.NumCPU(), requests-failed, failed)
	fmt.Printf("%.1f renders/s; latency p50 %v, p95 %v, max %v; wall %v\n", float64(requests)/wall.Seconds(), pct(0.50), pct(0.95), sorted[len(sorted)-1].Round(100*time.Microsecond), wall.Round(time.Millisecond))
	// CPU time per render does not depend on what else the machine runs,
	// as latency does: it is the figure to compare between builds on a
	// busy machine.
	fmt.Printf("CPU %v per render (server and clients, user+system)\n", (cpu / time.Duration(requests)).Round(10*time.Microsecond))
	fmt.Printf("peak RSS %d MB (server and clients in one process); goroutines after shutdown: %d more than before\n", rss, left)
	switch {
	case failed > 0:
		return fmt.Errorf("%d requests failed", failed)
	case rss > maxRSS:
		return fmt.Errorf("peak RSS %d MB is over %d MB", rss, maxRSS)
	case left > 0:
		buf := make([]byte, 1<<16)
		return fmt.Errorf("%d goroutines left after shutdown:\n%s", left, buf[:runtime.Stack(buf, true)])
	}
	return nil
}

// render posts one personalised summary and checks the answer is a
// one-page PDF.
func render(client *http.Client, url, name string, i int) (time.Duration, error) {
	body, _ := json.Marshal(map[string]any{
		"handouts": []string{name}, "format": "summary",
		"patient": "Patient " + strconv.Itoa(i), "clinician": "Dr. Amara Okafor", "date": "2026-11-29",
		"next_visit": "2026-12-06T10:30", "note": "Bring your questions to group. Call us if anything changes.",
	})
	start := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	switch {
	case err != nil:
		return took, err
	case resp.StatusCode != 200:
		return took, fmt.Errorf("status %d: %s", resp.StatusCode, data)
	case !bytes.HasPrefix(data, []byte("%PDF-")) || resp.Header.Get("X-Page-Count") != "1":
		return took, fmt.Errorf("not a one-page PDF (%s pages)", resp.Header.Get("X-Page-Count"))
	}
	return took, nil
}

// settle waits for goroutines of closed connections to end and returns
// how many more there are than before the server started.
func settle(before int) int {
	for i := 0; i < 100 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	return runtime.NumGoroutine() - before
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident memory in MB, from Linux's
// /proc/self/status (VmHWM); 0 where that is not available.
func peakRSS() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}
