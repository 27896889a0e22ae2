//! `mdbook-listings`: the book's preprocessor, run by mdBook through `cargo run` (see book.toml).

use mdbook_listings::Listings;
use mdbook_preprocessor::Preprocessor;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("supports") {
        return ExitCode::SUCCESS;
    }
    let result = mdbook_preprocessor::parse_input(std::io::stdin())
        .and_then(|(ctx, book)| Listings.run(&ctx, book))
        .and_then(|book| Ok(serde_json::to_writer(std::io::stdout(), &book)?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mdbook-listings: {e:#}");
            ExitCode::FAILURE
        }
    }
}
