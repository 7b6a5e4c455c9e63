//! The Tera environment: templates by name with precedence site > theme
//! folder > embedded theme (later files in the list override earlier ones),
//! and template errors mapped back to the file and line they came from.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use tera::Tera;

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::TextFile;

/// The compiled templates and where each came from.
#[derive(Debug)]
pub struct Theme {
    pub tera: Tera,
    /// Template name → (file shown in messages, its text).
    pub origins: HashMap<String, (PathBuf, String)>,
}

/// Compiles the templates; `files` are in precedence order (last wins).
/// `minify`: the pages will be minified, so whitespace minify-html drops
/// may be left out of the default theme's templates (see [`FOLDED`]).
pub fn load_templates(files: &[TextFile], minify: bool) -> Result<Theme, Vec<Diagnostic>> {
    let mut latest: HashMap<String, &TextFile> = HashMap::new();
    for f in files {
        latest.insert(f.rel.clone(), f);
    }
    let mut names: Vec<&String> = latest.keys().collect();
    names.sort();
    let origins: HashMap<String, (PathBuf, String)> = latest
        .iter()
        .map(|(name, f)| (name.clone(), (f.path.clone(), f.text.clone())))
        .collect();
    let texts: Vec<(&str, Cow<str>)> = names
        .iter()
        .map(|n| {
            let text = latest[*n].text.as_str();
            (
                n.as_str(),
                minify
                    .then(|| folded(n, text))
                    .flatten()
                    .map_or(Cow::Borrowed(text), Cow::Owned),
            )
        })
        .collect();
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    // Tera checks function names as it compiles: `tr` and `tr_html` are
    // known now, and each edition registers them again with its language's
    // strings (`edition_tera`).
    super::strings::register(&mut tera, &crate::i18n::Strings::default());
    let result = tera.add_raw_templates(texts.iter().map(|(n, t)| (*n, t.as_ref())));
    let theme = Theme { tera, origins };
    match result {
        Ok(()) => Ok(theme),
        Err(e) => Err(vec![tera_diagnostic(&e, &theme)]),
    }
}

/// The default theme's templates in which every newline and indent between
/// two tags (or Tera tags) sits directly inside an element where
/// minify-html drops whitespace-only text: its "layout" elements, such as
/// `html`, `head`, `body`, `header`, `nav`, `ul`, `ol`, `main`, `article`,
/// `section`, `footer`, `div` and `form`. Checked run by run; the test
/// `folding_the_theme_and_minifying_its_shared_regions_once_change_no_page`
/// builds a site both ways.
const FOLDED: &[&str] = &["base.html", "page.html"];

/// What Tera compiles for the default theme's own copy of a [`FOLDED`]
/// template: the whitespace between its tags folded into Tera comments.
/// minify-html would drop it anyway, but each run is a text node it parses
/// and drops, about a twelfth of its time on a guide page. Another site's
/// or theme's template, or an edited copy, is compiled as it is.
///
/// The regions the theme marks `{# shared #}` … `{# /shared #}` (the same
/// on every page: header and footer) become the output's shared-region
/// markers, so that each is minified once (`output::shared`). No Tera
/// code follows a marker on its line, so no template error's column moves.
fn folded(name: &str, text: &str) -> Option<String> {
    if !FOLDED.contains(&name) {
        return None;
    }
    let own = crate::load::EMBEDDED_THEME
        .get_file(format!("templates/{name}"))?
        .contents_utf8()?;
    (own == text).then(|| {
        fold_whitespace(text)
            .replace("{# shared #}", crate::artifact::SHARED_START)
            .replace("{# /shared #}", crate::artifact::SHARED_END)
    })
}

/// `>`, `%}` or `#}`, then a line break and indent, then `<`, `{%` or `{#`: the break
/// and indent go into a Tera comment. The comment keeps the line count,
/// and takes two characters of the indent for its `#}` where it can, so a
/// template error's line and column still point into the file as written.
fn fold_whitespace(text: &str) -> String {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(>|[%#]\})([ \t]*\n[ \t\r\n]*)(<|\{[%#])").expect("a valid pattern")
    });
    RUN.replace_all(text, |c: &Captures| {
        let run = &c[2];
        let indent = run.len() - run.rfind('\n').map_or(0, |i| i + 1);
        let kept = &run[..run.len() - indent.min(2)];
        format!("{}{{#{kept}#}}{}", &c[1], &c[3])
    })
    .into_owned()
}

/// A Tera error as a diagnostic naming the template file, line and column.
pub fn tera_diagnostic(e: &tera::Error, theme: &Theme) -> Diagnostic {
    let (report, kind, code) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) => (Some(r), "template syntax error", Code::TemplateSyntax),
        tera::ErrorKind::RenderingError(r) => (Some(r), "template error", Code::TemplateRender),
        tera::ErrorKind::TemplateNotFound(_) | tera::ErrorKind::MissingParent { .. } => {
            (None, "template error", Code::TemplateMissing)
        }
        _ => (None, "template error", Code::TemplateRender),
    };
    match report {
        Some(r) => {
            let (path, text) = theme
                .origins
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| (PathBuf::from(r.filename()), String::new()));
            let span = r.span();
            let pos = Pos::new(span.start_line.max(1), span.start_col + 1);
            // Tera's end column is 0-based and exclusive: the last character's 1-based column.
            let end = Pos::new(span.end_line, span.end_col);
            let d = Diagnostic::new(code, path, format!("{kind}: {}", r.message()));
            let d = if end > pos { d.until(end) } else { d };
            d.at_in(pos, &text)
                .hint("see the Tera documentation for template syntax; fix the template or remove your override")
        }
        None => {
            let message = e.kind().to_string();
            let name = match e.kind() {
                tera::ErrorKind::TemplateNotFound(n) => n.clone(),
                tera::ErrorKind::MissingParent { current, .. } => current.clone(),
                _ => String::new(),
            };
            let path = theme
                .origins
                .get(&name)
                .map(|(p, _)| p.clone())
                .unwrap_or_else(|| PathBuf::from("templates"));
            let hint = match e.kind() {
                tera::ErrorKind::TemplateNotFound(n) => {
                    format!("create templates/{n}, or remove the reference to it")
                }
                _ => "check the templates' `extends` and `include` names".to_owned(),
            };
            Diagnostic::new(code, path, format!("{kind}: {message}")).hint(hint)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, origin: &str, text: &str) -> TextFile {
        TextFile {
            path: PathBuf::from(origin),
            rel: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn later_templates_override_earlier_ones() {
        let theme = load_templates(
            &[
                file("a.html", "(embedded)/a.html", "embedded"),
                file("a.html", "templates/a.html", "site {{ x }}"),
            ],
            true,
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("x", "<b>");
        assert_eq!(theme.tera.render("a.html", &ctx).unwrap(), "site &lt;b&gt;");
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let errs = load_templates(
            &[file(
                "page.html",
                "templates/page.html",
                "line one\n{% if x %}\nno end",
            )],
            true,
        )
        .unwrap_err();
        assert_eq!(errs[0].path, PathBuf::from("templates/page.html"));
        assert!(
            errs[0].message.starts_with("template syntax error"),
            "{}",
            errs[0]
        );
        assert!(errs[0].pos.is_some());
    }

    #[test]
    fn whitespace_between_tags_folds_into_comments_keeping_lines_and_columns() {
        let text = "<ul>\n  <li>a</li>\n  {% if x %}<li>b</li>{% endif %}\n</ul>\n<p>a\n<b>x</b> \n\t<i>y</i></p>";
        let folded = fold_whitespace(text);
        assert_eq!(
            folded,
            "<ul>{#\n#}<li>a</li>{#\n#}{% if x %}<li>b</li>{% endif %}{#\n#}</ul>{#\n#}<p>a\n<b>x</b>{# \n#}<i>y</i></p>"
        );
        assert_eq!(folded.lines().count(), text.lines().count());
        // An indent of two or more keeps its column: `<li>` is still at 3.
        assert_eq!(folded.lines().nth(1), Some("#}<li>a</li>{#"));
        let mut ctx = tera::Context::new();
        ctx.insert("x", &true);
        let rendered = Tera::one_off(&folded, &ctx, false).unwrap();
        assert_eq!(
            rendered,
            "<ul><li>a</li><li>b</li></ul><p>a\n<b>x</b><i>y</i></p>"
        );
    }

    #[test]
    fn only_the_default_themes_own_copies_are_folded() {
        let own = |name: &str| {
            crate::load::EMBEDDED_THEME
                .get_file(format!("templates/{name}"))
                .and_then(|f| f.contents_utf8())
                .unwrap()
        };
        for name in FOLDED {
            let folded = folded(name, own(name)).expect("the theme's own copy folds");
            assert!(folded.contains("{#\n"), "{name} was not folded");
            assert_eq!(folded.lines().count(), own(name).lines().count());
        }
        let edited = own("base.html").replace("<body>", "<body class=\"x\">");
        assert_eq!(folded("base.html", &edited), None, "an edited copy");
        assert_eq!(folded("section.html", own("section.html")), None);
    }
}
