package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

func TestQueue(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil).(*Store)
	if n, err := s.Enqueue(ctx, []string{"/a", "/b", "/a"}); err != nil || n != 2 {
		t.Fatalf("enqueue: %d, %v; want 2 (an input once)", n, err)
	}
	j, err := s.Claim(ctx, "w1", time.Minute)
	if err != nil || j == nil || j.Input != "/a" || j.Attempts != 1 {
		t.Fatalf("claim: %+v, %v; want /a first", j, err)
	}
	if n, _ := s.Enqueue(ctx, []string{"/a"}); n != 0 {
		t.Errorf("a running input enqueued again")
	}
	if err := s.Complete(ctx, j.ID, "w2", "x"); whosaid.ErrorCode(err) != whosaid.EConflict {
		t.Errorf("another worker completed w1's job: %v", err)
	}
	if err := s.Complete(ctx, j.ID, "w1", "1 stored"); err != nil {
		t.Fatal(err)
	}
	// A lease that runs out gives the job back, up to MaxAttempts claims.
	for i := 1; i <= whosaid.MaxAttempts; i++ {
		b, err := s.Claim(ctx, fmt.Sprintf("dying%d", i), time.Millisecond)
		if err != nil || b == nil || b.Input != "/b" || b.Attempts != i {
			t.Fatalf("claim %d of /b: %+v, %v", i, b, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if b, err := s.Claim(ctx, "w1", time.Minute); err != nil || b != nil {
		t.Errorf("a job whose lease ran out %d times was claimed again: %+v %v", whosaid.MaxAttempts, b, err)
	}
	st, err := s.QueueStats(ctx)
	if err != nil || st.Done != 1 || st.Failed != 1 || st.Pending != 0 || st.Running != 0 || len(st.Failures) != 1 || st.Failures[0].Input != "/b" {
		t.Errorf("stats %+v, %v", st, err)
	}
	// Workers claiming at once take different jobs.
	var inputs []string
	for i := 0; i < 40; i++ {
		inputs = append(inputs, fmt.Sprintf("/many/%02d", i))
	}
	s.Enqueue(ctx, inputs)
	var mu sync.Mutex
	got := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			name := fmt.Sprintf("w%d", w)
			for {
				j, err := s.Claim(ctx, name, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				got[j.Input]++
				mu.Unlock()
				if err := s.Complete(ctx, j.ID, name, ""); err != nil {
					t.Error(err)
				}
			}
		}(w)
	}
	wg.Wait()
	for _, in := range inputs {
		if got[in] != 1 {
			t.Errorf("%s claimed %d times", in, got[in])
		}
	}
}
