//! A small argument parser: positional values and `--flag [value]` options.

use anyhow::{bail, Result};

/// Parsed arguments of one subcommand.
#[derive(Debug, Default)]
pub struct Args {
    /// Values not attached to an option, in order.
    pub positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

impl Args {
    /// Parses `argv`. `with_value` lists the options that take a value (`-o FILE`);
    /// `switches` the ones that do not. Anything else starting with `-` is an error, except
    /// after `--`, which makes the rest positional.
    pub fn parse(argv: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args> {
        Args::parse_with(argv, with_value, switches, false)
    }

    /// [`Args::parse`] for a command whose positional values are a query: a value starting
    /// with `-` that is no known option (`-putin`, `-"white house"`) is part of the query.
    pub fn parse_query(argv: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args> {
        Args::parse_with(argv, with_value, switches, true)
    }

    fn parse_with(argv: &[String], with_value: &[&str], switches: &[&str], query: bool) -> Result<Args> {
        let mut args = Args::default();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            if a == "--" {
                args.positional.extend(it.by_ref().cloned());
            } else if with_value.contains(&a.as_str()) {
                let Some(v) = it.next() else { bail!("{a} needs a value") };
                args.options.push((a.clone(), Some(v.clone())));
            } else if switches.contains(&a.as_str()) {
                args.options.push((a.clone(), None));
            } else if a.starts_with('-') && a.len() > 1 && (!query || a.starts_with("--")) {
                bail!("unknown option {a}");
            } else {
                args.positional.push(a.clone());
            }
        }
        Ok(args)
    }

    /// The value of an option (the last one if repeated).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    /// The value of an option as a whole number, if given: an error naming the option
    /// otherwise (`--offset needs a whole number, got "abc"`).
    pub fn number(&self, name: &str) -> Result<Option<usize>> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => match v.parse() {
                Ok(n) => Ok(Some(n)),
                Err(_) => bail!("{name} needs a whole number, got {v:?}"),
            },
        }
    }

    /// Every value of a repeatable option, in order.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.options.iter().filter(|(n, _)| n == name).filter_map(|(_, v)| v.clone()).collect()
    }

    /// Whether a switch was given.
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }
}
