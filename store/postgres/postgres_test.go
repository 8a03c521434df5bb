package postgres

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/pgtest"
	"github.com/whosaid/whosaid/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func open(t *testing.T, now func() time.Time) whosaid.Store {
	s, err := Open(context.Background(), pgtest.DB(t), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, storetest.Config{Open: open, Ranking: true}) }

func TestFollow(t *testing.T) { storetest.RunFollow(t, storetest.Config{Open: open}) }
