package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/server"
)

func (a *app) serveCommand() *cobra.Command {
	var addr, token string
	var workers int
	cmd := &cobra.Command{
		Use:   "serve [--db LOCATION] [--addr 127.0.0.1:8080] [--token T]",
		Short: "serve the JSON API (/api/v1/) and the web UI",
		Long: `serve answers the JSON API under /api/v1/ (described at /api/v1/openapi.json) and the
web UI analysts search and read in, from the store --db names. It listens on loopback
(127.0.0.1:8080) unless --addr says otherwise; put it behind a reverse proxy for TLS.

Without a token the server is read-only, and opens the store read-only (it must
exist). With --token (or WHOSAID_TOKEN, which keeps the
token out of the process list), POST /api/v1/ingest and the speaker merge and split
routes take "Authorization: Bearer TOKEN". The NLP models load on the first ingest.

SIGINT or SIGTERM stops it: no new requests, those in flight finish.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("WHOSAID_TOKEN")
			}
			log := slog.New(slog.NewJSONHandler(a.stderr, nil))
			if host, _, err := net.SplitHostPort(addr); err == nil && !isLoopback(host) {
				log.Warn("listening beyond this machine: anyone who reaches the address can read the store; put TLS in front (a reverse proxy)", "addr", addr)
			}
			// Listen first: a bad or taken address is told before the store
			// is touched.
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("--addr %s: %w", addr, err)
			}
			defer ln.Close()
			mode := readOnly
			if token != "" {
				mode = readWrite
			}
			st, err := a.openStore(ctx, mode)
			if err != nil {
				return err
			}
			defer st.Close()
			srv, err := server.New(server.Config{Store: st, Token: token, Log: log, Ingest: job.Options{Workers: workers}})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "whosaid: serving http://%s/ (%s)\n", ln.Addr(), map[bool]string{true: "read-only", false: "writes with the token"}[srv.ReadOnly()])
			return srv.Serve(ctx, ln)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().StringVar(&token, "token", "", "token that allows writes (default: $WHOSAID_TOKEN; none: read-only)")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles an ingest request annotates at once (default: number of CPUs)")
	return cmd
}

// isLoopback tells whether host is a loopback name or address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
