//! temp
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let big = std::fs::read_to_string(path).unwrap();
    let s = kupas::analyze(&big, &Default::default()).stats.words;
    println!("{s}");
}
