//! The Tera environment: templates by name with precedence site > theme
//! folder > embedded theme (later files in the list override earlier ones),
//! and template errors mapped back to the file and line they came from.

use std::collections::HashMap;
use std::path::PathBuf;

use tera::Tera;

use crate::diagnostics::{Diagnostic, Pos};
use crate::load::TextFile;

/// The compiled templates and where each came from.
#[derive(Debug)]
pub struct Theme {
    pub tera: Tera,
    /// Template name → (file shown in messages, its text).
    pub origins: HashMap<String, (PathBuf, String)>,
}

/// Compiles the templates; `files` are in precedence order (last wins).
pub fn load_templates(files: &[TextFile]) -> Result<Theme, Vec<Diagnostic>> {
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
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    let result =
        tera.add_raw_templates(names.iter().map(|n| (n.as_str(), latest[*n].text.as_str())));
    let theme = Theme { tera, origins };
    match result {
        Ok(()) => Ok(theme),
        Err(e) => Err(vec![tera_diagnostic(&e, &theme)]),
    }
}

/// A Tera error as a diagnostic naming the template file, line and column.
pub fn tera_diagnostic(e: &tera::Error, theme: &Theme) -> Diagnostic {
    let (report, kind) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) => (Some(r), "template syntax error"),
        tera::ErrorKind::RenderingError(r) => (Some(r), "template error"),
        _ => (None, "template error"),
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
            Diagnostic::new(path, format!("{kind}: {}", r.message()))
                .at_in(pos, &text)
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
            Diagnostic::new(path, format!("{kind}: {message}")).hint(hint)
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
        let theme = load_templates(&[
            file("a.html", "(embedded)/a.html", "embedded"),
            file("a.html", "templates/a.html", "site {{ x }}"),
        ])
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("x", "<b>");
        assert_eq!(theme.tera.render("a.html", &ctx).unwrap(), "site &lt;b&gt;");
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let errs = load_templates(&[file(
            "page.html",
            "templates/page.html",
            "line one\n{% if x %}\nno end",
        )])
        .unwrap_err();
        assert_eq!(errs[0].path, PathBuf::from("templates/page.html"));
        assert!(
            errs[0].message.starts_with("template syntax error"),
            "{}",
            errs[0]
        );
        assert!(errs[0].pos.is_some());
    }
}
