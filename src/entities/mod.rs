//! Native only: named-entity extraction at build time (placeholder interface; being written).

pub use crate::format::entities::Kind;

/// Which field of a document a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title.
    Title,
    /// The body text.
    Text,
}

/// One occurrence of an entity in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// Document ordinal (as given to [`Extractor::add`]).
    pub doc: u32,
    /// The field the mention is in.
    pub field: Field,
    /// Byte offset of the mention's start in that field.
    pub start: u32,
    /// Byte offset one past its end.
    pub end: u32,
}

/// An entity: one canonical name, its kind, the surface forms seen, and every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name (the most complete form), or for dates the normalized value.
    pub name: String,
    /// The entity's kind.
    pub kind: Kind,
    /// Every distinct surface form seen (titles stripped), including `name` if it was seen.
    pub aliases: Vec<String>,
    /// Every mention, sorted.
    pub mentions: Vec<Mention>,
}

/// Collects candidate mentions document by document, then merges them into entities.
#[derive(Default)]
pub struct Extractor {}

impl Extractor {
    /// An empty extractor.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Adds one document's candidate mentions.
    pub fn add(&mut self, _doc: u32, _title: &str, _text: &str, _date: Option<&str>) {}

    /// Merges variants and returns the entities, sorted by kind, then name.
    pub fn finish(self) -> Vec<Entity> {
        Vec::new()
    }
}
