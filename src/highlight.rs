//! Build-time code highlighting (issue #19, part 4): no client script, no
//! inline colours. A fenced block's language picks a syntax; its tokens become
//! `<span class="x">` runs with one of 14 one-letter classes, coloured by the
//! theme's CSS (light, dark and print), so a strict CSP holds.
//!
//! Highlighter: syntect 5 with the Oniguruma regex engine and bat's syntax
//! set (via two-face): chosen by measurement in the highlighter lab (report of
//! issue #19). Dependencies:
//!
//! ```toml
//! syntect = { version = "5.3", default-features = false, features = ["parsing", "regex-onig"] }
//! two-face = { version = "0.5", default-features = false, features = ["syntect-onig"] }
//! ```
//!
//! `highlight(code, info)` returns the inner HTML of `<code>`, or `None` for an
//! empty or unknown language, a block over `MAX_BYTES` or a line over
//! `MAX_LINE`, or scopes nested past `MAX_DEPTH`: the caller then keeps its
//! plain, escaped `<code>`. All text is HTML-escaped; nothing from the block
//! reaches the output unescaped, and a panic inside the highlighter is caught
//! and gives `None`.
//!
//! The syntax set and the class table are loaded once, lazily, and shared by
//! every thread (a build highlights pages in parallel with rayon).

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;
use std::sync::LazyLock;

use syntect::highlighting::{
    Color, HighlightIterator, HighlightState, Highlighter, ScopeSelectors, StyleModifier, Theme,
    ThemeItem, ThemeSettings,
};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Larger blocks stay plain: nobody reads a block that size for its colours.
/// Highlighting runs at about 1 MB/s on ordinary code and down to ~0.15 MB/s
/// on hostile input (lab figures), so this bounds a block to about a second.
pub const MAX_BYTES: usize = 128 * 1024;
/// A longer line (minified JSON, a data URL) makes the block plain: syntect
/// searches every pattern from each token on the line.
pub const MAX_LINE: usize = 16 * 1024;
/// Scope nesting past this (unclosed brackets over thousands of lines) makes
/// the block plain: a guard against runaway state, deterministic (unlike a
/// time budget) so a build's output never depends on the machine's load.
pub const MAX_DEPTH: usize = 256;

/// Class names; index 0 is "no span". One letter each: they repeat per token.
/// `highlight.css` colours them; keep the two in step.
const CLASSES: [&str; 15] = [
    "", "k", "s", "c", "n", "l", "f", "t", "v", "g", "a", "p", "m", "i", "d",
];
const K: u8 = 1; // keyword, storage (fn, let, class, pub)
const S: u8 = 2; // string
const C: u8 = 3; // comment
const N: u8 = 4; // number (and its unit: 1px)
const L: u8 = 5; // constant, literal: true, null, escapes, entities, colours
const F: u8 = 6; // function, macro, shell command
const T: u8 = 7; // type, class, table
const V: u8 = 8; // parameter, self/this, shell $VAR and --option
const G: u8 = 9; // markup tag name
const A: u8 = 10; // attribute (HTML attribute, CSS class/id/pseudo selector)
const P: u8 = 11; // property, key (JSON/YAML/TOML keys, CSS properties)
const M: u8 = 12; // meta: tldr `{{placeholder}}` in shell blocks, headings
const I: u8 = 13; // diff: inserted line
const D: u8 = 14; // diff: deleted line

/// TextMate scope selectors → class. They become a theme whose foreground's
/// blue channel is the class, so syntect's own selector matching (the most
/// specific selector wins) does the mapping. Scopes are those of bat's
/// Sublime syntaxes; keyword operators and plain identifiers get no span.
const RULES: &[(&str, u8)] = &[
    (
        "keyword, storage.type, storage.modifier, keyword.control, keyword.other, variable.language.this",
        K,
    ),
    (
        "keyword.operator, keyword.operator.assignment, keyword.operator.arithmetic, keyword.operator.comparison",
        0,
    ),
    (
        "keyword.operator.word, keyword.operator.logical.python, keyword.operator.new, keyword.operator.expression, keyword.operator.sql",
        K,
    ),
    (
        "string, punctuation.definition.string, string.quoted, string.unquoted.heredoc, markup.raw",
        S,
    ),
    ("string.unquoted, string.unquoted.argument.shell", 0),
    ("comment, punctuation.definition.comment", C),
    (
        "constant.numeric, keyword.other.unit, constant.numeric keyword.other.unit",
        N,
    ),
    (
        "constant.language, constant.character, constant.character.escape, constant.other, support.constant, variable.other.constant, constant.other.color",
        L,
    ),
    (
        "constant.character.entity punctuation.definition.entity, constant.other.color punctuation.definition.constant, constant.other.color.rgb-value punctuation",
        L,
    ),
    (
        "entity.name.function, support.function, variable.function, meta.function-call.generic, support.function.builtin, entity.name.function.macro, support.macro",
        F,
    ),
    (
        "entity.name.type, entity.name.class, entity.name.struct, entity.name.enum, entity.name.trait, entity.name.impl, entity.other.inherited-class, support.type, support.class, storage.type.primitive, storage.type.numeric, storage.type.string, entity.name.namespace, storage.type.built-in, entity.name.table",
        T,
    ),
    (
        "variable.parameter, variable.language, variable.parameter.option, constant.other.option",
        V,
    ),
    (
        "source.shell variable.other, source.shell punctuation.definition.variable",
        V,
    ),
    (
        "source.shell support.function.builtin, source.shell entity.name.command",
        F,
    ),
    ("entity.name.tag", G),
    (
        "entity.other.attribute-name, entity.other.pseudo-class, entity.other.pseudo-element",
        A,
    ),
    (
        "support.type.property-name, meta.mapping.key string, meta.mapping.key, entity.name.tag.yaml, entity.name.tag.toml, meta.object-literal.key, variable.other.property, meta.property-name, entity.name.key",
        P,
    ),
    (
        "meta.mapping.key punctuation.definition.string, support.type.property-name punctuation.definition.string",
        P,
    ),
    ("markup.heading, entity.name.section", M),
    ("markup.inserted, meta.diff.header.to-file", I),
    ("markup.deleted, meta.diff.header.from-file", D),
    ("invalid, invalid.illegal, invalid.deprecated", 0),
];

/// Fence names → a syntax name of bat's set (first match wins). A name not
/// here is looked up as a file extension in the set (`kt`, `lua`, `nix`…).
const ALIASES: &[(&[&str], &str)] = &[
    (
        &[
            "bash",
            "sh",
            "shell",
            "zsh",
            "ksh",
            "shellscript",
            "console",
            "shell-session",
            "shellsession",
            "terminal",
        ],
        "Bourne Again Shell (bash)",
    ),
    (&["rust", "rs"], "Rust"),
    (&["python", "py", "python3", "py3"], "Python"),
    (&["javascript", "js", "mjs", "cjs", "node"], "JavaScript"),
    (&["typescript", "ts", "mts", "cts"], "TypeScript"),
    (&["tsx"], "TypeScriptReact"),
    (&["json", "jsonc", "json5"], "JSON"),
    (&["yaml", "yml"], "YAML"),
    (&["toml"], "TOML"),
    (&["html", "htm", "xhtml"], "HTML"),
    (&["xml", "svg"], "XML"),
    (&["css"], "CSS"),
    (&["sql"], "SQL"),
    (&["go", "golang"], "Go"),
    (&["c", "h"], "C"),
    (&["cpp", "c++", "cxx", "hpp", "cc"], "C++"),
    (&["java"], "Java"),
    (&["diff", "patch"], "Diff"),
    (&["markdown", "md"], "Markdown"),
    (&["dockerfile", "docker"], "Dockerfile"),
    (&["make", "makefile", "mk"], "Makefile"),
    (&["ini", "cfg", "conf"], "INI"),
    (&["ruby", "rb"], "Ruby"),
];

/// Languages whose blocks use tldr-pages `{{placeholder}}`s, and whose
/// `console` form has `$ ` prompts and output lines.
const SHELL: &str = "Bourne Again Shell (bash)";

struct State {
    set: SyntaxSet,
    highlighter: Highlighter<'static>,
    by_name: HashMap<String, usize>,
}

static THEME: LazyLock<Theme> = LazyLock::new(|| {
    let scopes = RULES
        .iter()
        .map(|(sel, class)| ThemeItem {
            scope: ScopeSelectors::from_str(sel).expect("valid scope selector"),
            style: StyleModifier {
                foreground: Some(Color {
                    r: 1,
                    g: 1,
                    b: *class,
                    a: 255,
                }),
                background: None,
                font_style: None,
            },
        })
        .collect();
    Theme {
        settings: ThemeSettings {
            foreground: Some(Color {
                r: 1,
                g: 1,
                b: 0,
                a: 255,
            }),
            ..Default::default()
        },
        scopes,
        ..Default::default()
    }
});

static STATE: LazyLock<State> = LazyLock::new(|| {
    let set = two_face::syntax::extra_newlines();
    let mut by_name = HashMap::new();
    for (names, syntax) in ALIASES {
        if let Some(i) = set.syntaxes().iter().position(|s| s.name == *syntax) {
            for n in *names {
                by_name.insert((*n).to_owned(), i);
            }
        }
    }
    // Any other syntax of the set by a file extension it claims (`kt`, `lua`,
    // `nix`…), first claim wins. Plain Text stays out: unknown is the same.
    for (i, s) in set.syntaxes().iter().enumerate() {
        if s.name != "Plain Text" && !s.hidden {
            for e in &s.file_extensions {
                by_name.entry(e.to_ascii_lowercase()).or_insert(i);
            }
        }
    }
    State {
        set,
        highlighter: Highlighter::new(&THEME),
        by_name,
    }
});

/// The language word of a fence's info string: `rust,ignore` → `rust`,
/// `js title="x"` → `js`, `{.python}` → `python`; lower-cased.
fn fence_lang(info: &str) -> Option<String> {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{' || c == '}' || c == '.')
        .find(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let st = &*STATE;
    st.set.syntaxes().get(*st.by_name.get(lang)?)
}

/// The inner HTML of `<code>` for `code` in the fence language `info`, or
/// `None`: unknown or empty language, block too large, or highlighter failure.
pub fn highlight(code: &str, info: &str) -> Option<String> {
    let lang = fence_lang(info)?;
    let syntax = syntax_for(&lang)?;
    if code.len() > MAX_BYTES || code.split('\n').any(|l| l.len() > MAX_LINE) {
        return None;
    }
    let owned;
    let code = if code.contains('\r') {
        owned = code.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        code
    };
    let console = matches!(
        lang.as_str(),
        "console" | "shell-session" | "shellsession" | "terminal"
    );
    let shell = syntax.name == SHELL;
    catch_unwind(AssertUnwindSafe(|| {
        let mut out = Html::new(code, shell);
        if console {
            // `$ cmd` / `# cmd` lines are commands, the others are output.
            for line in code.split_inclusive('\n') {
                if line.starts_with("$ ") || line.starts_with("# ") {
                    out.push(&line[..2], 0);
                    tokens(&line[2..], syntax, &mut out)?;
                } else {
                    out.push(line, 0);
                }
            }
        } else {
            tokens(code, syntax, &mut out)?;
        }
        Some(out.finish())
    }))
    .ok()
    .flatten()
}

fn tokens(code: &str, syntax: &SyntaxReference, out: &mut Html) -> Option<()> {
    let st = &*STATE;
    let mut parse = ParseState::new(syntax);
    let mut styles = HighlightState::new(&st.highlighter, ScopeStack::new());
    for line in LinesWithEndings::from(code) {
        let ops = parse.parse_line(line, &st.set).ok()?;
        for (style, text) in HighlightIterator::new(&mut styles, &ops, line, &st.highlighter) {
            out.push(text, style.foreground.b);
        }
        if styles.path.len() > MAX_DEPTH {
            return None;
        }
    }
    Some(())
}

/// `{{...}}` on one line (tldr-pages placeholders), as byte ranges. Linear:
/// a `{{` with no `}}` after it on its line skips the rest of the line.
fn placeholders(code: &str) -> Vec<(usize, usize)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'{' {
            let mut j = i + 2;
            while j < b.len() && b[j] != b'\n' && !(b[j] == b'}' && b.get(j + 1) == Some(&b'}')) {
                j += 1;
            }
            if j < b.len() && b[j] == b'}' {
                out.push((i, j + 2));
            }
            i = if j < b.len() && b[j] == b'}' {
                j + 2
            } else {
                j
            };
            continue;
        }
        i += 1;
    }
    out
}

/// Writes the tokens as class runs: neighbours of one class share a span,
/// blanks join the open span, placeholders override the class, and every
/// byte of text is escaped.
struct Html {
    out: String,
    open: u8,
    pos: usize,
    ph: Vec<(usize, usize)>,
    ph_i: usize,
}

impl Html {
    fn new(code: &str, shell: bool) -> Html {
        Html {
            out: String::with_capacity(code.len() * 2 + 16),
            open: 0,
            pos: 0,
            ph: if shell && code.contains("{{") {
                placeholders(code)
            } else {
                Vec::new()
            },
            ph_i: 0,
        }
    }

    /// The next `text` of the block: calls must cover it in order.
    fn push(&mut self, mut text: &str, class: u8) {
        while !text.is_empty() {
            while self.ph.get(self.ph_i).is_some_and(|&(_, e)| e <= self.pos) {
                self.ph_i += 1;
            }
            let (take, class) = match self.ph.get(self.ph_i) {
                Some(&(s, e)) if s <= self.pos => ((e - self.pos).min(text.len()), M),
                Some(&(s, _)) if s < self.pos + text.len() => (s - self.pos, class),
                _ => (text.len(), class),
            };
            // Placeholder bounds are ASCII braces, so `take` is on a char boundary.
            let (head, rest) = text.split_at(take);
            self.write(head, class);
            self.pos += take;
            text = rest;
        }
    }

    fn write(&mut self, text: &str, class: u8) {
        if text.is_empty() {
            return;
        }
        let class = if self.open != 0 && text.bytes().all(|b| b == b' ' || b == b'\t') {
            self.open
        } else if (class as usize) < CLASSES.len() {
            class
        } else {
            0
        };
        if class != self.open {
            if self.open != 0 {
                self.out.push_str("</span>");
            }
            if class != 0 {
                self.out.push_str("<span class=\"");
                self.out.push_str(CLASSES[class as usize]);
                self.out.push_str("\">");
            }
            self.open = class;
        }
        escape_into(&mut self.out, text);
    }

    fn finish(mut self) -> String {
        if self.open != 0 {
            self.out.push_str("</span>");
        }
        self.out
    }
}

/// Text content escaping: `&`, `<`, `>`; NUL becomes U+FFFD as a browser would.
fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\0' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// The text of the output with our spans removed and entities decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            let tag_end = i + rest[i..].find('>').unwrap() + 1;
            let tag = &rest[i..tag_end];
            assert!(
                tag == "</span>" || (tag.starts_with("<span class=\"") && tag.len() <= 17),
                "unexpected tag {tag:?} in {html}"
            );
            rest = &rest[tag_end..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    #[test]
    fn known_language_gives_spans() {
        let h = highlight("fn main() { let x = \"hi\"; } // done\n", "rust").unwrap();
        assert!(
            h.contains("<span class=\"k\">fn</span>") || h.contains("<span class=\"k\">fn "),
            "{h}"
        );
        assert!(h.contains("<span class=\"s\">"), "{h}");
        assert!(h.contains("<span class=\"c\">"), "{h}");
        assert_eq!(text_of(&h), "fn main() { let x = \"hi\"; } // done\n");
    }

    #[test]
    fn several_languages_and_aliases() {
        for (lang, code) in [
            ("py", "def f(x):\n    return 1\n"),
            ("js", "const a = 1;\n"),
            ("ts", "let a: number = 1;\n"),
            ("yml", "a: 1\n"),
            ("toml", "[a]\nb = \"c\"\n"),
            ("json", "{\"a\": true}\n"),
            ("sh", "ls -la \"$HOME\"\n"),
            ("shell", "echo hi\n"),
            ("rs", "let x = 1;\n"),
            ("go", "package main\n"),
            ("html", "<p class=\"x\">a</p>\n"),
            ("css", "a { color: red; }\n"),
            ("sql", "SELECT 1;\n"),
            ("diff", "-a\n+b\n"),
        ] {
            let h = highlight(code, lang).unwrap_or_else(|| panic!("{lang} not highlighted"));
            assert!(h.contains("<span class="), "{lang}: {h}");
            assert_eq!(text_of(&h), code, "{lang}");
        }
    }

    #[test]
    fn fence_info_takes_the_first_word() {
        assert!(highlight("let x = 1;\n", "rust,ignore").is_some());
        assert!(highlight("const a = 1;\n", "js title=\"x.js\"").is_some());
        assert!(highlight("let x = 1;\n", "  Rust  ").is_some());
        assert!(highlight("x = 1\n", "{.python}").is_some());
    }

    #[test]
    fn unknown_or_empty_language_is_none() {
        assert_eq!(highlight("x\n", "no-such-language"), None);
        assert_eq!(highlight("x\n", ""), None);
        assert_eq!(highlight("x\n", "   "), None);
        assert_eq!(highlight("x\n", "txt"), None);
        assert_eq!(highlight("x\n", ",,,"), None);
    }

    #[test]
    fn hostile_text_is_escaped() {
        for lang in ["html", "rust", "bash", "console", "json", "markdown", "xml"] {
            let code = "</code><script>alert(1)</script> & \"x\" '<!--' ]]> {{</code>}}\n";
            let h = highlight(code, lang).unwrap();
            assert!(
                !h.contains("<script") && !h.contains("</code"),
                "{lang}: {h}"
            );
            assert_eq!(text_of(&h), code, "{lang}");
        }
    }

    #[test]
    fn empty_and_odd_blocks() {
        assert_eq!(highlight("", "rust").as_deref(), Some(""));
        assert_eq!(highlight("\n", "bash").as_deref(), Some("\n"));
        let h = highlight("a\r\nb = \"x\"\r\n\rc", "python").unwrap();
        assert_eq!(text_of(&h), "a\nb = \"x\"\n\nc");
        let h = highlight("a\0b \u{202e} 👩‍👩‍👧 \"unterminated\n/* x\n", "c").unwrap();
        assert_eq!(text_of(&h), "a\u{FFFD}b \u{202e} 👩‍👩‍👧 \"unterminated\n/* x\n");
    }

    #[test]
    fn placeholders_and_console() {
        let h = highlight("tar xf {{path/to/file}} --dir={{dir}}\n", "bash").unwrap();
        assert!(
            h.contains("<span class=\"m\">{{path/to/file}}</span>"),
            "{h}"
        );
        assert!(h.contains("<span class=\"m\">{{dir}}</span>"), "{h}");
        let h = highlight("$ ls -la\ntotal 0\n", "console").unwrap();
        assert!(h.starts_with("$ <span"), "{h}");
        assert!(h.ends_with("\ntotal 0\n"), "{h}");
        // Not in other languages.
        let h = highlight("let s = \"{{x}}\";\n", "rust").unwrap();
        assert!(!h.contains("class=\"m\""), "{h}");
    }

    #[test]
    fn one_megabyte_block_is_quick() {
        let big: String = (0..40_000)
            .map(|i| format!("let x{i} = \"s\"; // {i}\n"))
            .collect();
        assert!(big.len() > 1_000_000);
        let t = Instant::now();
        assert_eq!(highlight(&big, "rust"), None, "over MAX_BYTES stays plain");
        let long_line = "a\"b'c(".repeat(200_000);
        assert_eq!(
            highlight(&long_line, "bash"),
            None,
            "over MAX_LINE stays plain"
        );
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "refusing took {:?}",
            t.elapsed()
        );
        // A large block under the caps is highlighted, and a hostile line
        // just under MAX_LINE takes no pathological time. (64 KB, not the
        // whole cap: an unoptimised test build is ~20x slower than release.)
        let t = Instant::now();
        let under: String = big[..64 * 1024].rsplit_once('\n').unwrap().0.to_owned();
        let h = highlight(&under, "rust").unwrap();
        assert_eq!(text_of(&h), under);
        for lang in ["bash", "html", "javascript", "yaml"] {
            let line = "{{\"'<(`$".repeat((MAX_LINE - 16) / 8);
            let h = highlight(&line, lang).unwrap();
            assert_eq!(text_of(&h), line, "{lang}");
        }
        assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    }

    #[test]
    fn deep_nesting_is_bounded() {
        // Unclosed brackets over thousands of lines: either highlighted with
        // every character kept, or plain; never slow or broken.
        // (Small enough for an unoptimised test build, ~20x slower than release.)
        for (lang, code) in [
            ("js", "((((((((((\n".repeat(1_000)),
            ("rust", "{[(".repeat(1_000) + "\n"),
        ] {
            let t = Instant::now();
            if let Some(h) = highlight(&code, lang) {
                assert_eq!(text_of(&h), code, "{lang}");
            }
            assert!(
                t.elapsed() < Duration::from_secs(15),
                "{lang}: {:?}",
                t.elapsed()
            );
        }
        assert!(highlight("f(g(h([1, {a: [2]}])));\n", "js").is_some());
    }

    #[test]
    fn threads_share_the_state() {
        let hs: Vec<_> = (0..4)
            .map(|i| {
                std::thread::spawn(move || highlight(&format!("let x = {i};\n"), "rust").unwrap())
            })
            .collect();
        for h in hs {
            assert!(h.join().unwrap().contains("<span class=\"n\">"));
        }
    }
}
