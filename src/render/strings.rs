//! The theme's words in templates (#18). Every template sees the edition's
//! strings as `t` (`{{ t.nav_home }}`); two functions cover what a lookup
//! cannot:
//!
//! - `tr(key=…, n=…, name=value…)`: a string with a count (the plural form
//!   for `n` is chosen, `{n}` filled) and `{name}` placeholders, as text
//!   (Tera escapes it like any value);
//! - `tr_html(key=…, …)`: the same for strings with markup placeholders:
//!   the string and text arguments are escaped, and an argument named
//!   `x_html` fills `{x}` with markup as it is. Its result is marked safe.

use std::sync::Arc;

use tera::{Kwargs, State, Tera, Value};

use crate::i18n::Strings;
use crate::text::escape_text;

/// Registers `tr` and `tr_html` with `strings`.
pub fn register(tera: &mut Tera, strings: &Strings) {
    let shared = Arc::new(strings.clone());
    let text = Arc::clone(&shared);
    tera.register_function(
        "tr",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            translate(&text, &kwargs, false)
        },
    );
    tera.register_function("tr_html", SafeTr(shared));
}

/// `tr_html`: marks its output safe, since it escapes what needs escaping.
struct SafeTr(Arc<Strings>);

impl tera::Function<tera::TeraResult<String>> for SafeTr {
    fn call(&self, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
        translate(&self.0, &kwargs, true)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The string `key` for the arguments; with `html`, as escaped HTML with
/// `*_html` arguments inserted raw.
fn translate(strings: &Strings, kwargs: &Kwargs, html: bool) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let n = kwargs.get::<Value>("n")?.and_then(|v| v.as_u64());
    let mut args: Vec<(String, String)> = Vec::new();
    for (k, v) in kwargs.iter() {
        let Some(name) = k.as_str() else { continue };
        if name == "key" || name == "n" {
            continue;
        }
        let value = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
        match name.strip_suffix("_html") {
            Some(base) if html => args.push((base.to_owned(), value)),
            _ if html => args.push((name.to_owned(), escape_text(&value))),
            _ => args.push((name.to_owned(), value)),
        }
    }
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    if !html {
        return Ok(strings.format(key, n, &pairs));
    }
    // Escape the string's own text, then put the arguments in: the string
    // is split at its placeholders so that an argument is never escaped
    // twice and the string's text always is.
    let template = strings.format(key, n, &[]);
    Ok(fill_escaped(&template, &pairs))
}

/// `template` escaped, with `{name}` replaced by its (already escaped or
/// markup) value from `args`.
fn fill_escaped(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&escape_text(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&escape_text(&rest[open..]));
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&escape_text(&rest[open..open + close + 2])),
        }
        rest = &after[close + 1..];
    }
    out.push_str(&escape_text(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_in_and_text_is_escaped_once() {
        let out = fill_escaped(
            "See <{link}> & {what}",
            &[("link", "<a href=x>here</a>"), ("what", "a &lt;b&gt;")],
        );
        assert_eq!(out, "See &lt;<a href=x>here</a>&gt; &amp; a &lt;b&gt;");
        assert_eq!(fill_escaped("{unknown} <", &[]), "{unknown} &lt;");
    }
}
