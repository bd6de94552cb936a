//! The `congbo` command: parses arguments and hands over to the library.
fn main() {
    std::process::exit(congbo::cli::main());
}
