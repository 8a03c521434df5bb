// Package clean turns a Doc's raw input into clean article text and
// metadata: it decodes the charset, repairs mojibake, normalises Unicode,
// removes site chrome and boilerplate, and reads title, outlet, byline and
// publication date.
//
// Stage Cleaner requires the raw layer and assigns text and meta.
package clean
