//! One test per listing: the program is built (once, for all listings) and judged against the behaviour its
//! Cargo.toml declares. Run one entry's listings with `cargo test -p book-tests --test listings j05`.

#[path = "common.rs"]
mod common;

fn check(rel: &str) {
    let listings = common::listings();
    let Some(listing) = listings.iter().find(|l| l.rel == rel) else {
        panic!(
            "listings/{rel}: its declaration is invalid; run `cargo test -p book-tests --test book` for details"
        );
    };
    match listing_harness::check_listing(common::root(), listings, listing) {
        Ok(evidence) => println!("{}: {evidence}", listing.package),
        Err(e) => panic!("{e}"),
    }
}

include!(concat!(env!("OUT_DIR"), "/listing-tests.rs"));
