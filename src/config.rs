//! `site.toml` → [`SiteConfig`]. Unknown keys are errors that suggest the
//! nearest known key, with the file's line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::external::{ExternalConfig, MAX_TIMEOUT_SECS};
use crate::locate::Lines;

/// The hint for TOML syntax errors, which serde's message does not explain.
pub const TOML_HINT: &str = "check the TOML syntax: `key = value` on one line, text in \"double quotes\", lists in [brackets]";

/// A casebook site's settings (`site.toml`). Every key is documented in
/// casebook's README.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page's header and title.
    pub title: String,
    /// Used for the home page and as the fallback description of pages.
    #[serde(default)]
    pub description: String,
    /// The address the site is served from, with any sub-path (`https://example.org/kb/`).
    pub base_url: String,
    /// The default language (`lang`), e.g. `en`: its content is `content/`
    /// and its pages are at the root.
    #[serde(default = "default_language")]
    pub language: String,
    /// Other languages, each with its content under `content/<code>/` and
    /// its pages under `/<prefix>/` (docs/multilingual.md).
    #[serde(default)]
    pub languages: Vec<LanguageConfig>,
    /// A theme folder under `themes/`; the embedded default theme fills any gap.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Where `casebook build` writes the site, relative to the site's folder.
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    /// Minify the HTML of every page.
    #[serde(default = "yes")]
    pub minify: bool,
    /// Write an Atom feed of dated pages at `atom.xml`.
    #[serde(default = "yes")]
    pub feed: bool,
    /// Escape raw HTML in Markdown pages instead of passing it through.
    #[serde(default)]
    pub escape: bool,
    /// Build the full-text search index and show the search box and page.
    #[serde(default = "yes")]
    pub search: bool,
    /// A URL with `{path}` for the source file, e.g. `https://github.com/o/r/edit/main/{path}`.
    pub edit_link: Option<String>,
    /// How many pages a section's or a tag's list shows before it paginates.
    #[serde(default = "default_page_size")]
    #[schemars(range(min = 1))]
    pub paginate_by: usize,
    /// Who writes the site; used in the feed and JSON-LD.
    pub author: Option<String>,
    /// The links in every page's header, in order.
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    /// The names shown for the slugs that group records (a template's
    /// `context`, a case's or a quote's `topic`) on their pages and in
    /// search results, e.g. `after-applying = "Right after applying"`. A
    /// slug not listed is shown with spaces for hyphens and a capital first
    /// letter ("After applying").
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Files for the static hosts that read them (Netlify, Cloudflare Pages).
    #[serde(default)]
    pub deploy: DeployConfig,
    /// How `casebook check --external` checks the links to other websites
    /// (docs/external-links.md).
    #[serde(default)]
    pub external_links: ExternalConfig,
    /// Free values for your own templates, available as `site.extra`.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One more language of the site (`[[languages]]`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// A BCP 47 code such as `es`, `pt-BR` or `zh-Hans`; its content is
    /// `content/<code>/`.
    pub code: String,
    /// The language's name in itself, for the language switcher (default:
    /// the built-in name, e.g. "Español").
    pub name: Option<String>,
    /// `ltr` or `rtl` (default: `rtl` for Arabic, Hebrew, Persian, Urdu and a
    /// few others, else `ltr`).
    pub direction: Option<Direction>,
    /// The URL folder of this language's pages (default: the code in lower case).
    pub prefix: Option<String>,
    /// The site's name in this language (default: the top-level `title`).
    pub title: Option<String>,
    /// The site's description in this language (default: the top-level one).
    pub description: Option<String>,
    /// The header menu in this language (default: the top-level menu, each
    /// link taken to its translation where there is one).
    pub menu: Option<Vec<MenuItem>>,
    /// The names of the slugs that group records, in this language (default:
    /// none, so each slug is shown as it is spelt, hyphens as spaces).
    pub labels: Option<BTreeMap<String, String>>,
}

/// Writing direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The direction of language `code` when the site does not say:
    /// right-to-left for the scripts that are written so.
    pub fn of(code: &str) -> Direction {
        let base = code
            .split(['-', '_'])
            .next()
            .unwrap_or(code)
            .to_ascii_lowercase();
        match base.as_str() {
            "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug" => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// `[deploy]`: files some static hosts read from the output folder. GitHub
/// Pages and S3 ignore them, so they are off unless asked for.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeployConfig {
    /// Write `_headers`: the Content-Security-Policy as a real HTTP header
    /// (which can forbid framing, as a `<meta>` tag cannot) and long caching
    /// for fingerprinted files.
    #[serde(default)]
    pub headers: bool,
    /// Write `_redirects`: every page's `aliases` as a real 301 redirect,
    /// instead of a small HTML page that redirects.
    #[serde(default)]
    pub redirects: bool,
}

/// One link of the header menu.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// The link's text.
    pub name: String,
    /// A site path (`/guides/`), an `@/` content path, or an absolute URL.
    pub url: String,
}

fn default_language() -> String {
    "en".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output_dir() -> PathBuf {
    "public".into()
}
fn default_page_size() -> usize {
    30
}
fn yes() -> bool {
    true
}

impl SiteConfig {
    /// Parses `site.toml`'s text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<SiteConfig, Diagnostic> {
        let mut config: SiteConfig = toml::from_str(text).map_err(|e| {
            let pos = e
                .span()
                .map(|s| Pos::of_offset(text, s.start))
                .unwrap_or(Pos::new(1, 1));
            let problem = crate::yaml::explain(e.message());
            let hint = problem.hint.clone().or_else(|| Some(TOML_HINT.to_owned()));
            let end = e
                .span()
                .map(|s| Pos::of_offset(text, s.end.saturating_sub(1).max(s.start)));
            let d = problem.in_file(path).at_in(pos, text).maybe_hint(hint);
            match end {
                Some(end) => d.until(end),
                None => d,
            }
        })?;
        let locate = |key: &str| Lines::all(text).key(key).unwrap_or(Pos::new(1, 1));
        if !(config.base_url.starts_with("http://")
            || config.base_url.starts_with("https://")
            || config.base_url.starts_with('/'))
        {
            return Err(Diagnostic::new(
                Code::ConfigInvalidValue,
                path,
                format!("`base_url` `{}` is not an absolute URL", config.base_url),
            )
            .at_in(locate("base_url"), text)
            .hint("write it like `https://example.org/` or `https://example.org/kb/`"));
        }
        let url = std::mem::take(&mut config.base_url);
        config.set_base_url(url);
        if config.theme.is_empty() || config.theme.contains(['/', '\\', '.']) {
            return Err(Diagnostic::new(Code::ConfigInvalidValue,
                path,
                format!("`theme` `{}` is not a folder name", config.theme),
            )
            .at_in(locate("theme"), text)
            .hint("name a folder of themes/, like `theme = \"mine\"`, or remove `theme` for the built-in one"));
        }
        if config.paginate_by == 0 {
            return Err(Diagnostic::new(
                Code::ConfigInvalidValue,
                path,
                "`paginate_by` must be at least 1",
            )
            .at_in(locate("paginate_by"), text));
        }
        check_languages(&config, text, path)?;
        check_external_links(&config.external_links, text, path)?;
        if let Some(link) = &config.edit_link
            && !link.contains("{path}")
        {
            return Err(Diagnostic::new(
                Code::ConfigInvalidValue,
                path,
                "`edit_link` has no `{path}` placeholder",
            )
            .at_in(locate("edit_link"), text)
            .hint("for example `https://github.com/you/site/edit/main/{path}`"));
        }
        Ok(config)
    }

    /// The URL folder of language `code` (`es`), none for the default one.
    pub fn prefix_of<'a>(&'a self, code: &str) -> Option<&'a str> {
        self.languages
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.prefix.as_deref().unwrap_or(&l.code))
    }

    /// Sets `base_url` (from site.toml or `--base-url`), with the trailing
    /// slash every link built from it expects.
    pub fn set_base_url(&mut self, url: String) {
        self.base_url = url;
        if !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
    }

    /// The path part of `base_url`: `/kb/` for `https://example.org/kb/`.
    pub fn base_path(&self) -> &str {
        let url = &self.base_url;
        match url.find("://") {
            Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
            None => url,
        }
    }

    /// The absolute URL of a site path such as `/guides/x/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// A link usable from any page: base path + site path (`/kb/guides/x/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_path(), path.trim_start_matches('/'))
    }
}

/// Whether `s` can be a BCP 47 language code: letters, digits and hyphens.
/// Wherever a code becomes a `lang` attribute (`site.toml`, a source's
/// `title_lang`), this is the test.
pub fn is_language_code(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Codes are BCP 47 tags (letters, digits, hyphens) and name each
/// language once; prefixes are plain URL folders, one per language, that
/// none of casebook's own pages use.
fn check_languages(config: &SiteConfig, text: &str, path: &Path) -> Result<(), Diagnostic> {
    let at = |needle: &str| Lines::all(text).find(needle).unwrap_or(Pos::new(1, 1));
    let valid = is_language_code;
    let mut codes = vec![config.language.to_ascii_lowercase()];
    let mut prefixes: Vec<String> = Vec::new();
    for l in &config.languages {
        let code_at = at(&format!("\"{}\"", l.code));
        if !valid(&l.code) {
            return Err(Diagnostic::new(
                Code::ConfigInvalidLanguage,
                path,
                format!("`{}` is not a language code", l.code),
            )
            .at_in(code_at, text)
            .hint("write a BCP 47 code such as `es`, `pt-BR` or `zh-Hans`"));
        }
        if codes.contains(&l.code.to_ascii_lowercase()) {
            return Err(Diagnostic::new(
                Code::ConfigInvalidLanguage,
                path,
                format!("the language `{}` is declared twice", l.code),
            )
            .at_in(code_at, text)
            .hint(
                "the default language is `language`; `[[languages]]` lists the others, once each",
            ));
        }
        codes.push(l.code.to_ascii_lowercase());
        let prefix = l
            .prefix
            .clone()
            .unwrap_or_else(|| l.code.to_ascii_lowercase());
        if !valid(&prefix) || prefixes.contains(&prefix) {
            let why = if prefixes.contains(&prefix) {
                "another language has it"
            } else {
                "it is not a plain URL folder"
            };
            return Err(Diagnostic::new(Code::ConfigInvalidLanguage, path, format!("the prefix `{prefix}` of `{}` cannot be used: {why}", l.code))
                .at_in(at(&format!("\"{prefix}\"")), text)
                .hint("give the language a `prefix` of letters, digits and hyphens, e.g. `prefix = \"es\"`"));
        }
        prefixes.push(prefix);
    }
    Ok(())
}

/// What serde cannot say about `[external_links]`: a timeout within reason,
/// `skip` patterns that can match a link, a `User-Agent` a request can carry.
fn check_external_links(
    external: &ExternalConfig,
    text: &str,
    path: &Path,
) -> Result<(), Diagnostic> {
    let table = Lines::all(text)
        .key("[external_links]")
        .map_or(1, |p| p.line);
    let lines = Lines::from(text, table);
    let key_at = |key: &str| lines.key(key).unwrap_or(Pos::new(table, 1));
    if external.timeout_secs.get() > MAX_TIMEOUT_SECS {
        return Err(Diagnostic::new(
            Code::ConfigInvalidValue,
            path,
            format!("`timeout_secs` is {}, over the {MAX_TIMEOUT_SECS} seconds allowed", external.timeout_secs),
        )
        .at_in(key_at("timeout_secs"), text)
        .hint("a link that answers in no less than minutes is broken for readers; 10 to 30 seconds is usual"));
    }
    for pattern in &external.skip {
        let lower = pattern.to_ascii_lowercase();
        if ["http://", "https://", "*"]
            .iter()
            .any(|s| lower.starts_with(s))
        {
            continue;
        }
        let at = lines
            .find(&format!("\"{pattern}\""))
            .unwrap_or_else(|| key_at("skip"));
        return Err(Diagnostic::new(
            Code::ConfigInvalidValue,
            path,
            format!("the `skip` pattern `{pattern}` can never match a link"),
        )
        .at_in(at, text)
        .hint("a pattern is the start of the links to skip, like `https://twitter.com/`, or has `*` for any text, like `https://*.example.com/*`"));
    }
    let agent = &external.user_agent;
    if agent.trim().is_empty() || agent.chars().any(char::is_control) {
        return Err(
            Diagnostic::new(Code::ConfigInvalidValue, path, "`user_agent` must be one line of text")
                .at_in(key_at("user_agent"), text)
                .hint("name your site and a way to reach you, e.g. `mysite-linkcheck (+https://example.org/)`, or remove the key for casebook's own"),
        );
    }
    Ok(())
}

impl SiteConfig {
    /// What a grouping slug (a template's `context`, a case's `topic`) is
    /// shown as: its label if the edition gives one, else the slug made
    /// readable.
    pub fn label(&self, slug: &str) -> String {
        self.labels
            .get(slug)
            .cloned()
            .unwrap_or_else(|| crate::text::humanize(slug))
    }

    /// No language's URL prefix is one of `reserved`, the folders casebook
    /// writes its own pages in (`/search/`, …), which the site model knows.
    pub fn check_prefixes(
        &self,
        reserved: impl Iterator<Item = String>,
        text: &str,
        path: &Path,
    ) -> Result<(), Diagnostic> {
        let reserved: Vec<String> = reserved.map(|r| r.trim_matches('/').to_owned()).collect();
        let Some(l) = self.languages.iter().find(|l| {
            let prefix = l
                .prefix
                .clone()
                .unwrap_or_else(|| l.code.to_ascii_lowercase());
            reserved.contains(&prefix)
        }) else {
            return Ok(());
        };
        let prefix = l
            .prefix
            .clone()
            .unwrap_or_else(|| l.code.to_ascii_lowercase());
        let pos = Lines::all(text)
            .find(&format!("\"{prefix}\""))
            .unwrap_or(Pos::new(1, 1));
        Err(Diagnostic::new(
            Code::ConfigInvalidLanguage,
            path,
            format!(
                "the prefix `{prefix}` of `{}` cannot be used: casebook writes its own pages there",
                l.code
            ),
        )
        .at_in(pos, text)
        .hint(
            "give the language a `prefix` of letters, digits and hyphens, e.g. `prefix = \"es\"`",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<SiteConfig, Diagnostic> {
        SiteConfig::parse(t, Path::new("site.toml"))
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = parse("title = \"KB\"\nbase_url = \"https://example.org/kb\"\n").unwrap();
        assert_eq!(c.base_url, "https://example.org/kb/");
        assert_eq!(c.base_path(), "/kb/");
        assert_eq!(c.link("/guides/a/"), "/kb/guides/a/");
        assert_eq!(c.absolute("/guides/a/"), "https://example.org/kb/guides/a/");
        assert_eq!(c.output_dir, PathBuf::from("public"));
        assert!(c.minify && c.feed && !c.escape);
    }

    #[test]
    fn unknown_key_is_suggested_with_position() {
        let e =
            parse("title = \"KB\"\nbase_url = \"https://e.org/\"\nbaseurl = \"x\"\n").unwrap_err();
        assert_eq!(e.pos, Some(Pos::new(3, 1)), "{e}");
        assert!(e.message.contains("unknown field `baseurl`"), "{e}");
        assert_eq!(e.hint.as_deref(), Some("did you mean `base_url`?"));
    }

    #[test]
    fn invalid_toml_points_at_line() {
        let e = parse("title = \"KB\nbase_url = 1\n").unwrap_err();
        assert_eq!(e.pos.unwrap().line, 1, "{e}");
    }

    #[test]
    fn relative_base_url_and_bad_edit_link_refused() {
        assert!(parse("title = \"a\"\nbase_url = \"example.org\"\n").is_err());
        let e = parse("title = \"a\"\nbase_url = \"/\"\nedit_link = \"https://x/\"\n").unwrap_err();
        assert_eq!(e.pos, Some(Pos::new(3, 1)));
    }

    #[test]
    fn a_theme_must_be_a_folder_name() {
        for bad in ["../x", "a/b", "", "."] {
            let e = parse(&format!(
                "title = \"a\"\nbase_url = \"/\"\ntheme = \"{bad}\"\n"
            ))
            .unwrap_err();
            assert_eq!(e.pos, Some(Pos::new(3, 1)), "{bad}");
            assert!(e.message.contains("not a folder name"), "{e}");
        }
        let ok = parse("title = \"a\"\nbase_url = \"/\"\ntheme = \"mine\"\n").unwrap();
        assert_eq!(ok.theme, "mine");
    }

    #[test]
    fn the_command_line_base_url_gets_the_same_slash() {
        let mut c = parse("title = \"a\"\nbase_url = \"/\"\n").unwrap();
        c.set_base_url("https://example.org/preview".into());
        assert_eq!(c.base_url, "https://example.org/preview/");
        assert_eq!(c.base_path(), "/preview/");
    }

    #[test]
    fn external_links_table_is_read_and_checked() {
        let base = "title = \"a\"\nbase_url = \"/\"\n[external_links]\n";
        let c = parse(&format!(
            "{base}skip = [\"https://x.org/\"]\ncache_hours = 0\n"
        ))
        .unwrap();
        assert_eq!(c.external_links.skip, ["https://x.org/"]);
        assert_eq!(c.external_links.cache_hours, 0);
        assert_eq!(c.external_links.retries, 2);
        let defaults = parse("title = \"a\"\nbase_url = \"/\"\n").unwrap();
        assert_eq!(defaults.external_links, ExternalConfig::default());
        for (bad, says, pos) in [
            ("concurrency = 0", "nonzero", Pos::new(4, 15)),
            ("timeout = 5", "unknown field `timeout`", Pos::new(4, 1)),
            (
                "timeout_secs = 3600",
                "over the 300 seconds",
                Pos::new(4, 1),
            ),
            ("retries = -1", "invalid value", Pos::new(4, 11)),
            (
                "skip = [\"https://a/\", \"twitter.com\"]",
                "`twitter.com` can never match",
                Pos::new(4, 23),
            ),
            ("skip = [\"\"]", "`` can never match", Pos::new(4, 9)),
            ("user_agent = \" \"", "one line of text", Pos::new(4, 1)),
        ] {
            let e = parse(&format!("{base}{bad}\n")).unwrap_err();
            assert!(e.message.contains(says), "{bad}: {e}");
            assert_eq!(e.pos, Some(pos), "{bad}: {e}");
            assert!(e.hint.is_some(), "{bad}: {e}");
        }
    }

    #[test]
    fn labels_name_grouping_slugs_and_each_language_has_its_own() {
        let c = parse(concat!(
            "title = \"KB\"\nbase_url = \"https://example.org/\"\n",
            "[labels]\nwarm-path = \"Through someone you know\"\n",
            "[[languages]]\ncode = \"es\"\n",
            "[languages.labels]\nwarm-path = \"A través de alguien que conoces\"\n",
            "[[languages]]\ncode = \"fr\"\n",
        ))
        .unwrap();
        assert_eq!(c.label("warm-path"), "Through someone you know");
        assert_eq!(c.label("after-applying"), "After applying");
        let editions = crate::site::languages(&c, crate::i18n::builtin);
        let label = |i: usize| editions[i].1.label("warm-path");
        assert_eq!(label(1), "A través de alguien que conoces");
        // A translation without labels shows the slug, not the default
        // language's words.
        assert_eq!(label(2), "Warm path");
    }

    #[test]
    fn languages_are_checked() {
        let base = "title = \"a\"\nbase_url = \"/\"\n";
        let ok = parse(&format!("{base}[[languages]]\ncode = \"es\"\n[[languages]]\ncode = \"zh-Hans\"\nprefix = \"zh\"\n")).unwrap();
        assert_eq!(ok.prefix_of("es"), Some("es"));
        assert_eq!(ok.prefix_of("zh-Hans"), Some("zh"));
        assert_eq!(ok.prefix_of("en"), None);
        for (bad, says, line) in [
            ("code = \"en\"", "declared twice", 4),
            ("code = \"e s\"", "not a language code", 4),
            (
                "code = \"es\"\nprefix = \"a/b\"",
                "not a plain URL folder",
                5,
            ),
        ] {
            let e = parse(&format!("{base}[[languages]]\n{bad}\n")).unwrap_err();
            assert!(e.message.contains(says), "{bad}: {e}");
            assert_eq!(e.pos.map(|p| p.line), Some(line), "{bad}: {e}");
        }
        let text = format!("{base}[[languages]]\ncode = \"es\"\nprefix = \"cases\"\n");
        let e = parse(&text)
            .unwrap()
            .check_prefixes(
                ["/cases/".to_owned()].into_iter(),
                &text,
                Path::new("site.toml"),
            )
            .unwrap_err();
        assert!(e.message.contains("writes its own pages"), "{e}");
        assert_eq!(e.pos.map(|p| p.line), Some(5), "{e}");
        assert_eq!(Direction::of("ar"), Direction::Rtl);
        assert_eq!(Direction::of("pt-BR"), Direction::Ltr);
    }
}
