//! Corrections a newsroom makes to the entities the build found: merge two, split an alias
//! off, rename, change the kind, hide. The file format is documented in
//! `docs/corrections.md`; this module applies a parsed list to the extractor's entities,
//! before they get their ids, so the published index carries the curation.
//!
//! Entities are named by the id the build gave them (`person:donald-trump`, as
//! `dossier entities --json` and the page show), resolved against the entities as found,
//! so corrections do not depend on their order. A correction naming an entity that no
//! longer exists is reported and skipped, never fatal: the corpus may have changed since.

use super::{Entity, Kind};
use serde::{Deserialize, Serialize};

/// The `format` field of a corrections file.
pub const FORMAT: &str = "dossier-corrections";
/// The version this build reads and writes.
pub const VERSION: u32 = 1;

/// A corrections file: `{"format": "dossier-corrections", "version": 1, "corrections": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionsFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for this build.
    pub version: u32,
    /// The corrections, applied in order.
    pub corrections: Vec<Correction>,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum Correction {
    /// `from`'s mentions and aliases join `into`; `from` is gone.
    Merge {
        /// The entity that stays.
        into: String,
        /// The entity that joins it.
        from: String,
    },
    /// The mentions of `entity` written exactly `alias` leave it as an entity of their own,
    /// named `name` (default: the alias), of the same kind.
    Split {
        /// The entity they leave.
        entity: String,
        /// The surface form, as written.
        alias: String,
        /// The new entity's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// A new canonical name.
    Rename {
        /// The entity.
        entity: String,
        /// Its name from now on.
        name: String,
    },
    /// A new kind (`person`, `organization`, `place`, `event`, `other`).
    Kind {
        /// The entity.
        entity: String,
        /// The kind's name.
        kind: String,
    },
    /// Not an entity: gone from facets, pages, graph, highlights and exports.
    Hide {
        /// The entity.
        entity: String,
    },
}

/// A correction that could not be applied, and why (reported, not fatal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its position in the list, from 1.
    pub number: usize,
    /// Why it was skipped.
    pub reason: String,
}

/// Applies `corrections` to `entities`, whose ids (as the index would give them) are `ids`;
/// returns the corrected entities (their ids to be given anew) and what was skipped.
pub fn apply(
    entities: Vec<Entity>,
    ids: &[String],
    corrections: &[Correction],
) -> (Vec<Entity>, Vec<Skipped>) {
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    // Where each original entity now lives (a merge moves it).
    let mut home: Vec<usize> = (0..slots.len()).collect();
    let mut skipped = Vec::new();
    let find = |home: &[usize], slots: &[Option<Entity>], id: &str| -> Result<usize, String> {
        let original = ids.iter().position(|i| i == id).ok_or_else(|| format!("no entity {id}"))?;
        let at = home.get(original).copied().unwrap_or(original);
        match slots.get(at) {
            Some(Some(_)) => Ok(at),
            _ => Err(format!("{id} is hidden")),
        }
    };
    for (n, correction) in corrections.iter().enumerate() {
        let outcome = match correction {
            Correction::Merge { into, from } => (|| {
                let (a, b) = (find(&home, &slots, into)?, find(&home, &slots, from)?);
                if a == b {
                    return Err(format!("{from} is already part of {into}"));
                }
                let gone = slots.get_mut(b).and_then(Option::take).ok_or("gone")?;
                let stays = slots.get_mut(a).and_then(Option::as_mut).ok_or("gone")?;
                absorb(stays, gone);
                for h in home.iter_mut().filter(|h| **h == b) {
                    *h = a;
                }
                Ok(())
            })(),
            Correction::Split { entity, alias, name } => (|| {
                let at = find(&home, &slots, entity)?;
                let whole = slots.get_mut(at).and_then(Option::as_mut).ok_or("gone")?;
                let part = split(whole, alias, name.as_deref().unwrap_or(alias))
                    .ok_or_else(|| format!("{entity} has no mention written {alias:?}"))?;
                slots.push(Some(part));
                Ok(())
            })(),
            Correction::Rename { entity, name } => (|| {
                let at = find(&home, &slots, entity)?;
                if name.trim().is_empty() {
                    return Err("an empty name".to_string());
                }
                let e = slots.get_mut(at).and_then(Option::as_mut).ok_or("gone")?;
                e.name = name.trim().to_string();
                Ok(())
            })(),
            Correction::Kind { entity, kind } => (|| {
                let at = find(&home, &slots, entity)?;
                let kind = Kind::parse(kind).filter(|k| *k != Kind::Date).ok_or_else(|| {
                    format!("unknown kind {kind:?} (person, organization, place, event, other)")
                })?;
                let e = slots.get_mut(at).and_then(Option::as_mut).ok_or("gone")?;
                if e.kind == Kind::Date {
                    return Err(format!("{entity} is a date"));
                }
                e.kind = kind;
                Ok(())
            })(),
            Correction::Hide { entity } => (|| {
                let at = find(&home, &slots, entity)?;
                slots.get_mut(at).and_then(Option::take).ok_or("gone")?;
                Ok(())
            })(),
        };
        if let Err(reason) = outcome {
            skipped.push(Skipped { number: n + 1, reason: reason.to_string() });
        }
    }
    let mut entities: Vec<Entity> = slots.into_iter().flatten().collect();
    entities
        .sort_by(|a, b| (a.kind, &a.name, a.mentions.first()).cmp(&(b.kind, &b.name, b.mentions.first())));
    (entities, skipped)
}

/// Moves `gone`'s mentions and aliases into `stays`.
fn absorb(stays: &mut Entity, gone: Entity) {
    let mut written: Vec<(super::Mention, String)> = take_written(stays);
    written.extend(gone.mentions.iter().zip(&gone.forms).map(|(m, &f)| (*m, alias(&gone, f))));
    for a in gone.aliases {
        if !stays.aliases.contains(&a) {
            stays.aliases.push(a);
        }
    }
    put_written(stays, written);
}

/// Takes the mentions of `whole` written `alias` into a new entity named `name`.
fn split(whole: &mut Entity, alias: &str, name: &str) -> Option<Entity> {
    let (part, rest): (Vec<_>, Vec<_>) = take_written(whole).into_iter().partition(|(_, s)| s == alias);
    if part.is_empty() {
        put_written(whole, rest);
        return None;
    }
    whole.aliases.retain(|a| a != alias);
    put_written(whole, rest);
    let mut new = Entity {
        name: name.trim().to_string(),
        kind: whole.kind,
        aliases: vec![alias.to_string()],
        mentions: Vec::new(),
        forms: Vec::new(),
    };
    put_written(&mut new, part);
    Some(new)
}

fn alias(e: &Entity, form: u32) -> String {
    e.aliases.get(form as usize).cloned().unwrap_or_default()
}

/// The entity's mentions with their surfaces (leaving it without mentions).
fn take_written(e: &mut Entity) -> Vec<(super::Mention, String)> {
    let forms = std::mem::take(&mut e.forms);
    let mentions = std::mem::take(&mut e.mentions);
    mentions.into_iter().zip(forms).map(|(m, f)| (m, alias(e, f))).collect()
}

/// Gives the entity these mentions (sorted, deduplicated) with their forms.
fn put_written(e: &mut Entity, mut written: Vec<(super::Mention, String)>) {
    written.sort_by_key(|w| w.0);
    written.dedup_by_key(|w| w.0);
    for (_, s) in &written {
        if !e.aliases.contains(s) {
            e.aliases.push(s.clone());
        }
    }
    let (mentions, forms) = written
        .into_iter()
        .map(|(m, s)| (m, e.aliases.iter().position(|a| *a == s).map_or(0, |i| i as u32)))
        .unzip();
    e.mentions = mentions;
    e.forms = forms;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Field, Mention};

    fn mention(doc: u32, start: u32) -> Mention {
        Mention { doc, field: Field::Text, start, end: start + 5 }
    }

    /// Trump (`Donald Trump` in doc 0, `Trump` in docs 0 and 1), a bare `Trump` apart
    /// (doc 2), and Orly as an organization.
    fn found() -> (Vec<Entity>, Vec<String>) {
        let donald = Entity {
            name: "Donald Trump".into(),
            kind: Kind::Person,
            aliases: vec!["Trump".into(), "Donald Trump".into()],
            mentions: vec![mention(0, 0), mention(0, 40), mention(1, 10)],
            forms: vec![1, 0, 0],
        };
        let trump = Entity {
            name: "Trump".into(),
            kind: Kind::Person,
            aliases: vec!["Trump".into()],
            mentions: vec![mention(2, 3)],
            forms: vec![0],
        };
        let orly = Entity {
            name: "Orly".into(),
            kind: Kind::Organization,
            aliases: vec!["Orly".into()],
            mentions: vec![mention(3, 0)],
            forms: vec![0],
        };
        let ids = vec!["person:donald-trump".into(), "person:trump".into(), "organization:orly".into()];
        (vec![donald, trump, orly], ids)
    }

    fn parse(json: &str) -> Vec<Correction> {
        serde_json::from_str::<CorrectionsFile>(json).expect("valid corrections").corrections
    }

    #[test]
    fn merge_rename_kind_and_hide() {
        let (entities, ids) = found();
        let corrections = parse(
            r#"{"format": "dossier-corrections", "version": 1, "corrections": [
                {"op": "merge", "into": "person:donald-trump", "from": "person:trump"},
                {"op": "rename", "entity": "person:trump", "name": "Donald J. Trump"},
                {"op": "kind", "entity": "organization:orly", "kind": "place"}
            ]}"#,
        );
        let (out, skipped) = apply(entities, &ids, &corrections);
        assert_eq!(skipped, []);
        assert_eq!(out.len(), 2);
        // The rename names the merged entity through the id it had before.
        let trump = out.iter().find(|e| e.kind == Kind::Person).expect("person");
        assert_eq!(trump.name, "Donald J. Trump");
        assert_eq!(trump.mentions.iter().map(|m| m.doc).collect::<Vec<_>>(), [0, 0, 1, 2]);
        let forms: Vec<&str> = trump.forms.iter().map(|&f| trump.aliases[f as usize].as_str()).collect();
        assert_eq!(forms, ["Donald Trump", "Trump", "Trump", "Trump"]);
        assert_eq!(out.iter().find(|e| e.name == "Orly").map(|e| e.kind), Some(Kind::Place));
        let (out, _) = apply(
            found().0,
            &ids,
            &parse(
                r#"{"format": "dossier-corrections", "version": 1,
                "corrections": [{"op": "hide", "entity": "organization:orly"}]}"#,
            ),
        );
        assert!(out.iter().all(|e| e.name != "Orly"));
    }

    #[test]
    fn split_takes_the_mentions_written_as_the_alias() {
        let (entities, ids) = found();
        let corrections = parse(
            r#"{"format": "dossier-corrections", "version": 1, "corrections": [
                {"op": "split", "entity": "person:donald-trump", "alias": "Trump", "name": "Trump (someone)"}
            ]}"#,
        );
        let (out, skipped) = apply(entities, &ids, &corrections);
        assert_eq!(skipped, []);
        let donald = out.iter().find(|e| e.name == "Donald Trump").expect("stays");
        assert_eq!(donald.mentions, [mention(0, 0)]);
        assert_eq!(donald.aliases, ["Donald Trump"]);
        let part = out.iter().find(|e| e.name == "Trump (someone)").expect("split off");
        assert_eq!(part.mentions, [mention(0, 40), mention(1, 10)]);
        assert_eq!(part.kind, Kind::Person);
    }

    #[test]
    fn a_correction_that_cannot_apply_is_reported_and_the_rest_applied() {
        let (entities, ids) = found();
        let corrections = parse(
            r#"{"format": "dossier-corrections", "version": 1, "corrections": [
                {"op": "hide", "entity": "person:nobody"},
                {"op": "kind", "entity": "organization:orly", "kind": "planet"},
                {"op": "split", "entity": "person:trump", "alias": "Ivanka"},
                {"op": "hide", "entity": "person:trump"},
                {"op": "merge", "into": "person:donald-trump", "from": "person:trump"}
            ]}"#,
        );
        let (out, skipped) = apply(entities, &ids, &corrections);
        let numbers: Vec<usize> = skipped.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 3, 5], "{skipped:?}");
        assert!(skipped[0].reason.contains("person:nobody"));
        assert_eq!(out.len(), 2, "the hide applied");
    }

    #[test]
    fn unknown_operations_and_fields_are_refused() {
        for bad in [
            r#"{"format": "dossier-corrections", "version": 1, "corrections": [{"op": "delete", "entity": "x"}]}"#,
            r#"{"format": "dossier-corrections", "version": 1, "corrections": [{"op": "hide", "id": "x"}]}"#,
        ] {
            assert!(serde_json::from_str::<CorrectionsFile>(bad).is_err(), "{bad}");
        }
    }
}
