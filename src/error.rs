//! Errors: a small hand-written enum with stable codes.
//!
//! Text functions are total and never return an error; only decoding what a caller passes
//! *around* the text (options, a value that is not text) can fail, and, in the WebAssembly
//! binding alone, text too long for wasm32's memory ([`MAX_TEXT_UNITS`]). Each kind has a stable
//! string code that JavaScript callers can branch on (`err.code === "invalid_options"`),
//! while the message is for people and may change.

use std::fmt;

/// The longest text, in UTF-16 code units (JavaScript's `text.length`), that the
/// WebAssembly binding analyzes in one call: 16 MiB, room for a 10 MB file. For
/// `analyzeCorpus` it bounds the texts together.
///
/// wasm32 has 4 GiB of memory, and `analyze` needs a multiple of its input while it runs:
/// 10 to 15 bytes per UTF-16 unit of news text, and about 70 for the worst input measured, a
/// token for every character (`中,中,中,…`). At this limit that worst case peaks at 1.1 GB
/// (measured). A larger input risks a failed allocation, which aborts the call with a trap
/// instead of an error. Longer texts get [`ErrorKind::TextTooLarge`] before anything is
/// copied into wasm memory. The Rust functions have no limit.
///
/// ```
/// assert_eq!(kupas::error::MAX_TEXT_UNITS, 16_777_216);
/// ```
pub const MAX_TEXT_UNITS: usize = 16 * 1024 * 1024;

/// What went wrong, as a stable machine-readable kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The options object has an unknown field, a field of the wrong type or value,
    /// or is not an object at all.
    InvalidOptions,
    /// The text argument is not a string.
    InvalidText,
    /// The text is longer than the WebAssembly binding accepts ([`MAX_TEXT_UNITS`] UTF-16
    /// code units). The Rust functions have no limit and never return it.
    TextTooLarge,
}

impl ErrorKind {
    /// The stable code of this kind, as JavaScript sees it in `err.code`.
    ///
    /// ```
    /// assert_eq!(kupas::ErrorKind::InvalidOptions.as_str(), "invalid_options");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidOptions => "invalid_options",
            ErrorKind::InvalidText => "invalid_text",
            ErrorKind::TextTooLarge => "text_too_large",
        }
    }
}

/// An error with a stable [`ErrorKind`] and a message that names what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// Creates an error of `kind` with a human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code, e.g. `"invalid_options"`.
    pub fn code(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The crate's `Result`, with [`Error`] as its error.
pub type Result<T> = std::result::Result<T, Error>;
