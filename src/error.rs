//! The crate's error type: what can go wrong for a caller of the library or the wasm API.

use std::fmt;

/// Everything the library reports as a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The index bytes are malformed or of another version.
    Format(crate::format::Error),
    /// No document has this id.
    NoSuchDocument(String),
    /// No entity has this id.
    NoSuchEntity(String),
    /// This build carries no index (the wasm was compiled without one).
    NoIndex,
}

/// `Result` with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Format(e) => e.fmt(f),
            Error::NoSuchDocument(id) => write!(f, "no document with id {id:?}"),
            Error::NoSuchEntity(id) => write!(f, "no entity with id {id:?}"),
            Error::NoIndex => write!(f, "this build has no embedded index; build it with ./build.sh"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Display already prints the format error: as a source too, `{:#}` would print
            // it twice ("checksum mismatch: checksum mismatch").
            Error::Format(e) => std::error::Error::source(e),
            _ => None,
        }
    }
}

impl From<crate::format::Error> for Error {
    fn from(e: crate::format::Error) -> Error {
        Error::Format(e)
    }
}
