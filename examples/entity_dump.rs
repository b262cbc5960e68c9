//! Prints the entities found in a corpus (folder or files), one per line, for inspection.
//!
//! `cargo run --release --example entity_dump -- corpus/ [--mentions]`

use std::path::PathBuf;

use dossier::entities::Extractor;
use dossier::ingest::ingest;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_mentions = args.iter().any(|a| a == "--mentions");
    let paths: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    let mut extractor = Extractor::new();
    let mut ordinal = 0u32;
    let mut documents = Vec::new();
    ingest(&paths, &mut |doc| {
        extractor.add(ordinal, &doc.title, &doc.text, doc.date.as_deref());
        documents.push(doc);
        ordinal += 1;
    });
    for entity in extractor.finish() {
        let docs: std::collections::BTreeSet<u32> = entity.mentions.iter().map(|m| m.doc).collect();
        println!(
            "{:<12} {:<40} {:>3} mentions, {:>3} docs  aliases: {}",
            entity.kind.name(),
            entity.name,
            entity.mentions.len(),
            docs.len(),
            entity.aliases.join(" | ")
        );
        if show_mentions {
            for m in &entity.mentions {
                let Some(doc) = documents.get(m.doc as usize) else { continue };
                let text = match m.field {
                    dossier::entities::Field::Title => &doc.title,
                    dossier::entities::Field::Text => &doc.text,
                };
                let surface = text.get(m.start as usize..m.end as usize).unwrap_or("?");
                println!("      {} {:?} {}..{} {surface}", doc.id, m.field, m.start, m.end);
            }
        }
    }
}
