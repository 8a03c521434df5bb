// Package flat is the layout of the model files: little-endian scalars and
// arrays, each array 8-byte aligned, read in place from the file's bytes
// (the embedded models are used where the binary holds them: nothing is
// inflated, decoded or rebuilt at start), and an open-addressing table
// from 64-bit keys to 32-bit values, built when a model is saved.
package flat
