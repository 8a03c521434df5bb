package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/whosaid/whosaid/internal/pgtest"
)

// TestConcurrentOpen opens one new database from several processes'
// worth of stores at once: one of them migrates it, the others wait and
// find it migrated.
func TestConcurrentOpen(t *testing.T) {
	db := pgtest.DB(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), db, Options{})
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
