package model

import "math"

// weights maps a feature hash to its weight per label. Averaging keeps,
// per weight, the running sum of its past values (Collins' averaged
// perceptron, computed lazily with timestamps).
type weights struct {
	index map[uint64]int32   // training (and a trained model until saved)
	w     [][nLabels]float32 // training
	flat  *frozen            // a loaded model: its file, read in place
	// averaging state, used while training only
	total [][nLabels]float32
	stamp [][nLabels]int32
	trans [nLabels + 1][nLabels]float32 // [prev][cur]; prev == nLabels is the sentence start
	ttot  [nLabels + 1][nLabels]float32
	tstmp [nLabels + 1][nLabels]int32
}

func newWeights() *weights { return &weights{index: map[uint64]int32{}} }

// row returns the index of a feature's weights, adding it when add is set;
// -1 for an unknown feature.
func (m *weights) row(f uint64, add bool) int32 {
	if m.flat != nil {
		if i, ok := m.flat.table.Get(f); ok {
			return int32(i)
		}
		return -1
	}
	if i, ok := m.index[f]; ok {
		return i
	}
	if !add {
		return -1
	}
	i := int32(len(m.w))
	m.index[f] = i
	m.w = append(m.w, [nLabels]float32{})
	m.total = append(m.total, [nLabels]float32{})
	m.stamp = append(m.stamp, [nLabels]int32{})
	return i
}

// len is the number of features with weights.
func (m *weights) len() int {
	if m.flat != nil {
		return m.flat.table.Len()
	}
	return len(m.w)
}

// emission scores every label of a token from its feature rows.
func (m *weights) emission(rows []int32, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	if m.flat != nil {
		for _, r := range rows {
			if r >= 0 {
				m.flat.add(r, out)
			}
		}
		return
	}
	for _, r := range rows {
		if r < 0 {
			continue
		}
		w := &m.w[r]
		for l := 0; l < nLabels; l++ {
			out[l] += w[l]
		}
	}
}

// update adds delta to feature row r for label l at time t.
func (m *weights) update(r int32, l int, delta float32, t int32) {
	m.total[r][l] += float32(t-m.stamp[r][l]) * m.w[r][l]
	m.stamp[r][l] = t
	m.w[r][l] += delta
}

func (m *weights) updateTrans(p, c int, delta float32, t int32) {
	m.ttot[p][c] += float32(t-m.tstmp[p][c]) * m.trans[p][c]
	m.tstmp[p][c] = t
	m.trans[p][c] += delta
}

// average replaces the weights by their averages over t updates.
func (m *weights) average(t int32) {
	for r := range m.w {
		for l := 0; l < nLabels; l++ {
			tot := m.total[r][l] + float32(t-m.stamp[r][l])*m.w[r][l]
			m.w[r][l] = tot / float32(t)
		}
	}
	for p := range m.trans {
		for c := 0; c < nLabels; c++ {
			tot := m.ttot[p][c] + float32(t-m.tstmp[p][c])*m.trans[p][c]
			m.trans[p][c] = tot / float32(t)
		}
	}
	m.total, m.stamp = nil, nil
}

// viterbi returns the best label sequence of a sentence under the BIO
// constraints for emission scores em.
func (m *weights) viterbi(em [][nLabels]float32) []int {
	n := len(em)
	if n == 0 {
		return nil
	}
	neg := float32(math.Inf(-1))
	score := make([][nLabels]float32, n)
	back := make([][nLabels]int8, n)
	for l := 0; l < nLabels; l++ {
		// A sentence may continue the previous sentence's content only with
		// a new B- run (the evaluation reads runs per sentence).
		if !startAllowed(l) {
			score[0][l] = neg
			continue
		}
		score[0][l] = em[0][l] + m.trans[nLabels][l]
	}
	for i := 1; i < n; i++ {
		for c := 0; c < nLabels; c++ {
			best, arg := neg, 0
			for p := 0; p < nLabels; p++ {
				if score[i-1][p] == neg || !allowed(p, c) {
					continue
				}
				if s := score[i-1][p] + m.trans[p][c]; s > best {
					best, arg = s, p
				}
			}
			score[i][c] = best + em[i][c]
			back[i][c] = int8(arg)
		}
	}
	out := make([]int, n)
	best := 0
	for l := 1; l < nLabels; l++ {
		if score[n-1][l] > score[n-1][best] {
			best = l
		}
	}
	out[n-1] = best
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
	return out
}
