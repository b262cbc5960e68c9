//! `ENTS`: entities found at build time (people, organizations, places, events, dates), with
//! their aliases and mentions. Written by the indexer from [`crate::entities`]' output; read
//! by the query side for entity pages, facets and alias-aware search.

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person (`Volodymyr Zelenskyy`).
    Person,
    /// An organization (`Atlantic Council`, `UN`).
    Organization,
    /// A place: country, region, city (`Kyiv`, `Donbas`).
    Place,
    /// An event (`UN General Assembly`, `Washington summit`).
    Event,
    /// A date or period (`2025-08-29`, `2025-09`).
    Date,
    /// A named thing of no other kind (`PURL initiative`).
    Other,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 6] =
        [Kind::Person, Kind::Organization, Kind::Place, Kind::Event, Kind::Date, Kind::Other];

    /// The one-byte code stored in the index.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The kind of a stored code.
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.get(code as usize).copied()
    }

    /// The lowercase name used in JSON and URLs (`person`, `organization`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Event => "event",
            Kind::Date => "date",
            Kind::Other => "other",
        }
    }
}
