package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout/serve"
)

// defaultAddr is loopback: the page shows patients' names, so by default
// only this computer can reach it.
const defaultAddr = "127.0.0.1:8080"

func serveCommand(s *shell) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "a page for the front desk: pick, personalise, preview and print handouts",
		ArgsUsage: "[FOLDER] (default: data/)",
		Description: `Serves the handouts in FOLDER on a web page: search them, choose format, paper
and large print, add the patient's name, clinician, date, next appointment
and a note, preview, print or download; tick several to print them as one
packet. Scripts use POST /api/render (see README.md). Edited files show on the
next request, without a restart.

Names and notes are personal health information: PDFs are made in memory and
never saved, cached or logged. It listens on this computer only (127.0.0.1)
unless HANDOUTS_TOKEN is set (16 characters or more), which every request must
then carry. Ctrl+C or SIGTERM lets requests in flight finish, then stops.

Examples:
   handouts serve                                   data/ at http://127.0.0.1:8080/
   handouts serve --brand data/brand/brand.yaml     with the clinic's brand
   handouts serve --addr 127.0.0.1:9000 handouts/   another port and folder
   openssl rand -hex 16 > /etc/handouts-token        make a token, once
   HANDOUTS_TOKEN=$(cat /etc/handouts-token) handouts serve --addr 0.0.0.0:8080`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Usage: withVar("addr", "listen on `HOST:PORT`") + " (default: " + defaultAddr + ")"},
		}, brandFlags()...),
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 1 {
				return usageError("serve takes one folder, not %d arguments", c.Args().Len())
			}
			dir := "data"
			if c.Args().Len() == 1 {
				dir = c.Args().First()
			}
			addr := defaultAddr
			if v := s.get(c, "addr"); v.set {
				addr = v.text
			}
			raw, _ := s.env("HANDOUTS_TOKEN")
			token, err := serve.NormalizeToken(raw)
			if err != nil {
				return usageError("%v", err)
			}
			if err := serve.CheckAddr(addr, token != ""); err != nil {
				return usageError("%v", err)
			}
			if info, err := os.Stat(dir); err != nil || !info.IsDir() {
				return &exitError{1, fmt.Sprintf("%s: no such folder of handouts", dir)}
			}
			bs := s.brand(c)
			if bs.findings.HasErrors() {
				printFindings(s.stderr, bs.findings.Errors())
				return &exitError{1, "the brand has errors; fix them and start again"}
			}
			srv, err := serve.New(serve.Config{Dir: dir, Brand: bs.brand, Version: version, Token: token, Log: s.stderr})
			if err != nil {
				return &exitError{1, err.Error()}
			}
			err = serve.Run(c.Context, addr, srv, func(at string) {
				lock := ""
				if token != "" {
					lock = "; every request needs the access token (HANDOUTS_TOKEN)"
				}
				others := ""
				if serve.Wildcard(addr) {
					others = " on this computer; other computers use this computer's name or address with the same port"
				}
				fmt.Fprintf(s.stdout, "Serving the handouts in %s with %s%s.\nOpen http://%s/ in a browser%s. Ctrl+C stops.\n", dir, bs.from, lock, at, others)
			})
			if errors.Is(err, serve.ErrNotLoopback) {
				return usageError("%v", err)
			}
			if err != nil {
				return &exitError{1, err.Error()}
			}
			fmt.Fprintf(s.stdout, "Stopped at %s.\n", time.Now().Format("15:04:05"))
			return nil
		},
	}
}
