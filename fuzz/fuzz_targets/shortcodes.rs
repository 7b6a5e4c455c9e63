//! Shortcodes: `markdown::parse_shortcode` on the first line, and the whole
//! input rendered as a page body (shortcode lines become markers).
//!
//! Asserts: a parsed call has a valid name and argument names, and writing it
//! back in canonical form parses to the same call; each extracted shortcode's
//! position is the line where its `{{` is written; each marker appears in
//! the HTML as a raw comment (so the render stage can replace it), not
//! escaped or inside code; diagnostics render and point at the body.
#![no_main]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use casebook::markdown::{
    self, ArgValue, NoLinks, RenderOptions, parse_shortcode, shortcode_marker,
};
use common::check_diagnostic;
use libfuzzer_sys::fuzz_target;

const FRONT: &str = "---\ntitle: T\n---\n";

fn valid_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn canonical(name: &str, args: &BTreeMap<String, ArgValue>) -> String {
    let args: Vec<String> = args
        .iter()
        .map(|(k, v)| match v {
            ArgValue::Str(s) if s.contains('"') => format!("{k}='{s}'"),
            ArgValue::Str(s) => format!("{k}=\"{s}\""),
            ArgValue::Int(n) => format!("{k}={n}"),
            ArgValue::Bool(b) => format!("{k}={b}"),
        })
        .collect();
    format!("{name}({})", args.join(", "))
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let input = String::from_utf8_lossy(rest);
    let first = input.lines().next().unwrap_or("");

    if let Ok((name, args)) = parse_shortcode(first) {
        assert!(valid_name(&name), "name `{name}`");
        assert!(args.keys().all(|k| valid_name(k)), "{args:?}");
        for v in args.values() {
            if let ArgValue::Str(s) = v {
                assert!(
                    !(s.contains('"') && s.contains('\'')),
                    "one kind of quote: {s:?}"
                );
            }
        }
        let again = canonical(&name, &args);
        assert_eq!(
            parse_shortcode(&again),
            Ok((name.clone(), args.clone())),
            "`{first}` written back as `{again}`"
        );
    }

    let file = format!("{FRONT}{input}");
    let body = &file[FRONT.len()..];
    let opts = RenderOptions {
        escape_html: flags & 1 == 1,
        anchors: flags & 2 == 2,
        ..RenderOptions::default()
    };
    let path = Path::new("content/guides/p.md");
    let (r, problems) = markdown::render(body, 4, path, &file, opts, &NoLinks);
    let lines: Vec<&str> = file.lines().collect();
    for (n, sc) in r.shortcodes.iter().enumerate() {
        assert!(valid_name(&sc.name));
        let line = lines
            .get(sc.pos.line.wrapping_sub(1))
            .unwrap_or_else(|| panic!("shortcode {n} at line {} of {}", sc.pos.line, lines.len()));
        let at: String = line.chars().skip(sc.pos.col - 1).collect();
        assert!(
            at.starts_with("{{") && at.trim_end().ends_with("}}"),
            "shortcode {n} at {:?} names the line with its `{{{{`: {line:?}",
            sc.pos
        );
        // At least once: text may spell out a marker itself (which then
        // shows the same shortcode again; harmless).
        assert!(
            r.html.contains(&shortcode_marker(n)),
            "marker {n} appears raw in: {}",
            r.html
        );
    }
    for d in &problems {
        check_diagnostic(d, Some(&file));
        assert!(d.pos.expect("a position").line >= 4, "{d:?}");
    }
});
