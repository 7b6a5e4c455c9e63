//! Tags: a page's front-matter `tags` and records' `tags`, gathered under
//! one slug each so that "Follow-up" and "follow up" are one tag.

use std::collections::BTreeMap;

use super::Page;
use crate::data::{Data, Kind};
use crate::text::slugify;

#[derive(Debug, Clone)]
pub struct TagInfo {
    /// The tag as first written.
    pub name: String,
    pub pages: Vec<usize>,
    /// (kind, record id) of data records with this tag.
    pub records: Vec<(Kind, String)>,
}

/// Every tag by slug: pages in page order, then records in data order.
pub fn collect_tags(pages: &[Page], data: &Data) -> BTreeMap<String, TagInfo> {
    let mut tags: BTreeMap<String, TagInfo> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        for t in &p.fm.tags {
            if let Some(tag) = entry(&mut tags, t)
                && !tag.pages.contains(&i)
            {
                tag.pages.push(i);
            }
        }
    }
    let records = record_tags(
        Kind::Cases,
        data.cases.iter().map(|r| (&r.rec.id, &r.rec.tags)),
    )
    .chain(record_tags(
        Kind::Faqs,
        data.faqs.iter().map(|r| (&r.rec.id, &r.rec.tags)),
    ))
    .chain(record_tags(
        Kind::Templates,
        data.templates.iter().map(|r| (&r.rec.id, &r.rec.tags)),
    ));
    for (kind, id, name) in records {
        if let Some(tag) = entry(&mut tags, name) {
            tag.records.push((kind, id.to_owned()));
        }
    }
    tags
}

/// The tag `name` belongs to, made on first use; none for a name with no
/// letters or digits.
fn entry<'t>(tags: &'t mut BTreeMap<String, TagInfo>, name: &str) -> Option<&'t mut TagInfo> {
    let slug = slugify(name);
    if slug.is_empty() {
        return None;
    }
    Some(tags.entry(slug).or_insert_with(|| TagInfo {
        name: name.to_owned(),
        pages: Vec::new(),
        records: Vec::new(),
    }))
}

/// (kind, id, tag) for each tag of each record.
fn record_tags<'a>(
    kind: Kind,
    records: impl Iterator<Item = (&'a String, &'a Vec<String>)>,
) -> impl Iterator<Item = (Kind, &'a str, &'a str)> {
    records.flat_map(move |(id, tags)| tags.iter().map(move |t| (kind, id.as_str(), t.as_str())))
}
