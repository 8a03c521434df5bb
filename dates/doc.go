// Package dates finds and resolves the dates news text gives: absolute
// dates in the many forms datelines and bylines use ("January 20 2022",
// "Wednesday 2 June 2021 - 09:08", "2021-06-02"), relative ones ("30 days
// ago", "yesterday") and the day words reporters use for when something was
// said ("on Friday", "Tuesday evening", "on January 5th").
//
// A relative expression is only ever resolved against a reference the
// caller knows (a publication date, a crawl date, --as-of); the package
// never guesses a reference and never picks one reading of an ambiguous
// numeric date such as 03/04/2021.
//
// Stage SaidOn requires statements and meta and assigns the dates layer
// (Statement.SaidOn).
package dates
