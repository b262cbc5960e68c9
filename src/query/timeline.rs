//! The timeline: how a set of documents (and the dates they mention) spread over time.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::format::docstore::parse_date;
use crate::format::{Index, Kind};
use crate::Result;

/// Spans up to this many days are shown by day.
pub const DAYS_BY_DAY: u32 = 62;
/// Dates mentioned this many days or more outside the span of the documents' own dates are
/// left out (history recalled in a story, "annexed in 2014", would squash the news itself).
/// Without dated documents, every mentioned date counts.
pub const MENTION_MARGIN_DAYS: u32 = 62;

/// Spans up to this many years are shown by month; longer ones by year.
pub const YEARS_BY_MONTH: u32 = 3;

/// Documents and dated mentions per period.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// `"day"`, `"month"` or `"year"`: chosen from the span of the documents' dates.
    pub granularity: &'static str,
    /// Periods in order, from the earliest to the latest date (of a document or mentioned in
    /// one), empty ones included.
    pub buckets: Vec<Bucket>,
    /// Documents without a date (counted, not dropped).
    pub undated: u32,
}

/// One period.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bucket {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: also a valid `from`/`to` search filter.
    pub period: String,
    /// Documents dated in the period.
    pub documents: u32,
    /// Mentions, in these documents, of dates that fall in the period.
    pub mentions: u32,
}

/// The timeline of `docs` (document ordinals).
pub fn timeline(index: &Index<'_>, docs: &[u32]) -> Result<Timeline> {
    let mut dated: Vec<u32> = Vec::new();
    let mut undated = 0;
    for &d in docs {
        match index.docs().date(d) {
            Some(day) => dated.push(day),
            None => undated += 1,
        }
    }
    let mut mentioned = date_mentions(index, docs)?;
    index.need()?;
    if let (Some(&lo), Some(&hi)) = (dated.iter().min(), dated.iter().max()) {
        mentioned.retain(|m| {
            days(m.day) + MENTION_MARGIN_DAYS >= days(lo) && days(m.day) <= days(hi) + MENTION_MARGIN_DAYS
        });
    }
    // Only days stretch the span: a month or a year mentioned says too little to place it.
    let all_days = dated.iter().copied().chain(mentioned.iter().filter(|m| m.precision == 0).map(|m| m.day));
    let (Some(first), Some(last)) = (all_days.clone().min(), all_days.max()) else {
        return Ok(Timeline { granularity: "month", buckets: Vec::new(), undated });
    };
    let span_days = days(last).saturating_sub(days(first));
    let (granularity, key): (&'static str, fn(u32) -> u32) = if span_days <= DAYS_BY_DAY {
        ("day", |d| d)
    } else if last / 10000 - first / 10000 < YEARS_BY_MONTH {
        ("month", |d| d / 100)
    } else {
        ("year", |d| d / 10000)
    };
    let mut counts: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mut period = key(first);
    while period <= key(last) {
        counts.insert(period, (0, 0));
        period = next(period, granularity);
    }
    for d in dated {
        if let Some(c) = counts.get_mut(&key(d)) {
            c.0 += 1;
        }
    }
    for m in mentioned {
        // A month or a year counts only where the timeline is that coarse.
        let fits = m.precision <= precision(granularity);
        if let Some(c) = counts.get_mut(&key(m.day)).filter(|_| fits) {
            c.1 += m.count;
        }
    }
    let buckets = counts
        .into_iter()
        .map(|(p, (documents, mentions))| Bucket { period: label(p, granularity), documents, mentions })
        .collect();
    Ok(Timeline { granularity, buckets, undated })
}

/// Mentions of one date entity: its (first) day, how precise it is, and how often it is
/// mentioned in the documents.
struct DateMention {
    day: u32,
    /// 0 day, 1 month, 2 year.
    precision: u8,
    count: u32,
}

fn precision(granularity: &str) -> u8 {
    match granularity {
        "day" => 0,
        "month" => 1,
        _ => 2,
    }
}

/// The date entities mentioned in `docs`. A range counts at its start.
fn date_mentions(index: &Index<'_>, docs: &[u32]) -> Result<Vec<DateMention>> {
    let entities = index.entities();
    let mut seen: BTreeMap<u32, u32> = BTreeMap::new();
    for &doc in docs {
        for (e, n) in entities.in_doc(doc)? {
            *seen.entry(e).or_default() += n;
        }
    }
    let mut out = Vec::new();
    for (e, count) in seen {
        let r = entities.get(e)?;
        if r.kind != Kind::Date {
            continue;
        }
        let start = r.name.split('/').next().unwrap_or("");
        let (day, precision) = match start.len() {
            10 => (parse_date(start), 0),
            7 => (parse_date(&format!("{start}-01")), 1),
            4 => (parse_date(&format!("{start}-01-01")), 2),
            _ => (None, 0),
        };
        if let Some(day) = day {
            out.push(DateMention { day, precision, count });
        }
    }
    Ok(out)
}

/// Days since 0000-03-01 of a YYYYMMDD date (only differences matter).
fn days(d: u32) -> u32 {
    let (y, m, day) = (d / 10000, d / 100 % 100, d % 100);
    let (y, m) = if m <= 2 { (y.saturating_sub(1), m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m.saturating_sub(3)) + 2) / 5 + day
}

/// The period after `p` at this granularity.
fn next(p: u32, granularity: &str) -> u32 {
    match granularity {
        "year" => p + 1,
        "month" if p % 100 == 12 => (p / 100 + 1) * 100 + 1,
        "month" => p + 1,
        _ => {
            let (y, m, d) = (p / 10000, p / 100 % 100, p % 100);
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            if d < len[(m.clamp(1, 12) - 1) as usize] {
                p + 1
            } else if m < 12 {
                y * 10000 + (m + 1) * 100 + 1
            } else {
                (y + 1) * 10000 + 101
            }
        }
    }
}

fn label(p: u32, granularity: &str) -> String {
    match granularity {
        "year" => format!("{p:04}"),
        "month" => format!("{:04}-{:02}", p / 100, p % 100),
        _ => format!("{:04}-{:02}-{:02}", p / 10000, p / 100 % 100, p % 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_step_across_month_and_year_ends() {
        assert_eq!(next(20250228, "day"), 20250301);
        assert_eq!(next(20240228, "day"), 20240229);
        assert_eq!(next(20251231, "day"), 20260101);
        assert_eq!(next(202512, "month"), 202601);
        assert_eq!(days(20250301) - days(20250228), 1);
        assert_eq!(days(20260101) - days(20251231), 1);
    }
}
