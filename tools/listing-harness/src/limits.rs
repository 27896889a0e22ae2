//! The limits every check uses, in one place. The book's tests use [`LIMITS`] (the numbers the labels quote); the
//! self-tests pass shorter ones, so the timeout, drain and window paths are tested quickly.

pub use mdbook_listings::spec::{LIMITS, Limits};
