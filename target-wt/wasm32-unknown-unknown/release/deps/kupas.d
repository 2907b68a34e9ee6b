/work/main/target-wt/wasm32-unknown-unknown/release/deps/kupas.d: src/lib.rs src/analysis.rs src/boilerplate.rs src/error.rs src/hash.rs src/huffman.rs src/keywords.rs src/language.rs src/ner/mod.rs src/ner/english.rs src/ner/features.rs src/ner/gazetteer.rs src/ner/model.rs src/ner/train.rs src/ner/values.rs src/normalize.rs src/offsets.rs src/options.rs src/porter2.rs src/scan.rs src/sentence.rs src/sort.rs src/stem.rs src/stopwords.rs src/token.rs src/unicode.rs src/varint.rs src/wordlist.rs src/wasm.rs src/ner/../../data/gazetteer/cldr-places.txt src/ner/../../data/gazetteer/places.txt src/ner/../../data/gazetteer/organizations.txt src/ner/../../data/gazetteer/media.txt src/ner/../../data/ner/model.bin src/../data/stopwords/id.txt src/../data/stopwords/en.txt src/../data/stopwords/news.txt src/../data/stopwords/calendar.txt src/../data/stopwords/en-weak.txt src/../data/unicode/nfkc.bin

/work/main/target-wt/wasm32-unknown-unknown/release/deps/kupas.wasm: src/lib.rs src/analysis.rs src/boilerplate.rs src/error.rs src/hash.rs src/huffman.rs src/keywords.rs src/language.rs src/ner/mod.rs src/ner/english.rs src/ner/features.rs src/ner/gazetteer.rs src/ner/model.rs src/ner/train.rs src/ner/values.rs src/normalize.rs src/offsets.rs src/options.rs src/porter2.rs src/scan.rs src/sentence.rs src/sort.rs src/stem.rs src/stopwords.rs src/token.rs src/unicode.rs src/varint.rs src/wordlist.rs src/wasm.rs src/ner/../../data/gazetteer/cldr-places.txt src/ner/../../data/gazetteer/places.txt src/ner/../../data/gazetteer/organizations.txt src/ner/../../data/gazetteer/media.txt src/ner/../../data/ner/model.bin src/../data/stopwords/id.txt src/../data/stopwords/en.txt src/../data/stopwords/news.txt src/../data/stopwords/calendar.txt src/../data/stopwords/en-weak.txt src/../data/unicode/nfkc.bin

/work/main/target-wt/wasm32-unknown-unknown/release/deps/libkupas.rlib: src/lib.rs src/analysis.rs src/boilerplate.rs src/error.rs src/hash.rs src/huffman.rs src/keywords.rs src/language.rs src/ner/mod.rs src/ner/english.rs src/ner/features.rs src/ner/gazetteer.rs src/ner/model.rs src/ner/train.rs src/ner/values.rs src/normalize.rs src/offsets.rs src/options.rs src/porter2.rs src/scan.rs src/sentence.rs src/sort.rs src/stem.rs src/stopwords.rs src/token.rs src/unicode.rs src/varint.rs src/wordlist.rs src/wasm.rs src/ner/../../data/gazetteer/cldr-places.txt src/ner/../../data/gazetteer/places.txt src/ner/../../data/gazetteer/organizations.txt src/ner/../../data/gazetteer/media.txt src/ner/../../data/ner/model.bin src/../data/stopwords/id.txt src/../data/stopwords/en.txt src/../data/stopwords/news.txt src/../data/stopwords/calendar.txt src/../data/stopwords/en-weak.txt src/../data/unicode/nfkc.bin

src/lib.rs:
src/analysis.rs:
src/boilerplate.rs:
src/error.rs:
src/hash.rs:
src/huffman.rs:
src/keywords.rs:
src/language.rs:
src/ner/mod.rs:
src/ner/english.rs:
src/ner/features.rs:
src/ner/gazetteer.rs:
src/ner/model.rs:
src/ner/train.rs:
src/ner/values.rs:
src/normalize.rs:
src/offsets.rs:
src/options.rs:
src/porter2.rs:
src/scan.rs:
src/sentence.rs:
src/sort.rs:
src/stem.rs:
src/stopwords.rs:
src/token.rs:
src/unicode.rs:
src/varint.rs:
src/wordlist.rs:
src/wasm.rs:
src/ner/../../data/gazetteer/cldr-places.txt:
src/ner/../../data/gazetteer/places.txt:
src/ner/../../data/gazetteer/organizations.txt:
src/ner/../../data/gazetteer/media.txt:
src/ner/../../data/ner/model.bin:
src/../data/stopwords/id.txt:
src/../data/stopwords/en.txt:
src/../data/stopwords/news.txt:
src/../data/stopwords/calendar.txt:
src/../data/stopwords/en-weak.txt:
src/../data/unicode/nfkc.bin:

# env-dep:CARGO_PKG_VERSION=0.1.0
