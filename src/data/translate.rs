//! A language's records: its translations, and the default language's
//! record for every id it has not translated yet (#18).

use std::collections::HashSet;
use std::path::Path;

use super::{Data, Kind, Located, Record};
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::locate::Lines;

/// `translated` merged over `original`, in the original's order: each id's
/// translation where there is one, else the original record marked as a
/// fallback. A translated record whose id the original lacks is reported
/// (it would have no original to stand for) and left out.
pub fn with_fallbacks(
    translated: Data,
    original: &Data,
    text_of: &dyn Fn(&Path) -> String,
) -> (Data, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let data = Data {
        sources: merge(
            Kind::Sources,
            translated.sources,
            &original.sources,
            text_of,
            &mut problems,
        ),
        cases: merge(
            Kind::Cases,
            translated.cases,
            &original.cases,
            text_of,
            &mut problems,
        ),
        quotes: merge(
            Kind::Quotes,
            translated.quotes,
            &original.quotes,
            text_of,
            &mut problems,
        ),
        faqs: merge(
            Kind::Faqs,
            translated.faqs,
            &original.faqs,
            text_of,
            &mut problems,
        ),
        templates: merge(
            Kind::Templates,
            translated.templates,
            &original.templates,
            text_of,
            &mut problems,
        ),
        checks: merge(
            Kind::Checks,
            translated.checks,
            &original.checks,
            text_of,
            &mut problems,
        ),
    };
    (data, problems)
}

fn merge<T: Record + Clone>(
    kind: Kind,
    translated: Vec<Located<T>>,
    original: &[Located<T>],
    text_of: &dyn Fn(&Path) -> String,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Located<T>> {
    let ids: HashSet<&str> = original.iter().map(|r| r.rec.id()).collect();
    let mut by_id: std::collections::HashMap<String, Located<T>> = std::collections::HashMap::new();
    for r in translated {
        if ids.contains(r.rec.id()) {
            by_id.insert(r.rec.id().to_owned(), r);
            continue;
        }
        let text = text_of(&r.file);
        let pos = Lines::between(&text, r.line, r.end_line).field("id");
        problems.push(
            Diagnostic::new(
                &r.file,
                format!(
                    "no {} has the id `{}` in the default language",
                    kind.singular(),
                    r.rec.id()
                ),
            )
            .at_in(pos, &text)
            .hint(did_you_mean(r.rec.id(), ids.iter().copied()).map_or_else(
                || "a translated record has the id of the record it translates".to_owned(),
                |near| {
                    format!("{near} (a translated record has the id of the record it translates)")
                },
            )),
        );
    }
    original
        .iter()
        .map(|o| {
            by_id.remove(o.rec.id()).unwrap_or_else(|| Located {
                fallback: true,
                ..o.clone()
            })
        })
        .collect()
}
