//! The languages of a site (#18): each is built as an edition of the site,
//! a [`super::Site`] of its own whose URLs are under the language's prefix,
//! with the default language's pages, records and trees standing in for
//! what it has not translated yet.

use crate::config::{Direction, SiteConfig};
use crate::i18n::Strings;

/// One language of the site, as the model and the theme need it.
#[derive(Debug, Clone)]
pub struct Language {
    /// BCP 47: `en`, `es`, `zh-Hans`.
    pub code: String,
    /// Its name in itself, for the language switcher: "Español".
    pub name: String,
    pub dir: Direction,
    /// The URL folder (`es`); none for the default language.
    pub prefix: Option<String>,
    /// The theme's words in this language.
    pub strings: Strings,
    /// The default language's code, and its base URL and path: where the
    /// pages, records and trees not yet translated are.
    pub default_code: String,
    pub root_url: String,
    pub root_path: String,
}

impl Language {
    /// Where this edition's files go in the output: `es/`, or `` for the
    /// default language.
    pub fn folder(&self) -> String {
        self.prefix
            .as_ref()
            .map(|p| format!("{p}/"))
            .unwrap_or_default()
    }

    pub fn is_default(&self) -> bool {
        self.prefix.is_none()
    }

    /// The default language of `config` with the built-in theme's strings:
    /// for building a one-language model directly (tests, benchmarks).
    pub fn plain(config: &SiteConfig) -> Language {
        Language {
            code: config.language.clone(),
            name: config.language.clone(),
            dir: Direction::of(&config.language),
            prefix: None,
            strings: crate::i18n::builtin(&config.language),
            default_code: config.language.clone(),
            root_url: config.base_url.clone(),
            root_path: config.base_path().to_owned(),
        }
    }
}

/// Every language of `config`, the default first, with its strings and the
/// settings of its edition (base URL under its prefix; title, description
/// and menu in the language). A language's name comes from site.toml, else
/// its strings (`lang_name`), else its code.
pub fn languages(
    config: &SiteConfig,
    mut strings: impl FnMut(&str) -> Strings,
) -> Vec<(Language, SiteConfig)> {
    let root_url = config.base_url.clone();
    let root_path = config.base_path().to_owned();
    let mut make =
        |code: &str, name: Option<&str>, dir: Option<Direction>, prefix: Option<String>| {
            let strings = strings(code);
            let own = strings.get("lang_name");
            let name = name.map(str::to_owned).unwrap_or_else(|| {
                if own == "lang_name" {
                    code.to_owned()
                } else {
                    own.to_owned()
                }
            });
            let dir = dir.unwrap_or_else(|| match strings.get("lang_dir") {
                "rtl" => Direction::Rtl,
                "ltr" => Direction::Ltr,
                _ => Direction::of(code),
            });
            Language {
                code: code.to_owned(),
                name,
                dir,
                prefix,
                strings,
                default_code: config.language.clone(),
                root_url: root_url.clone(),
                root_path: root_path.clone(),
            }
        };
    let mut out = vec![(make(&config.language, None, None, None), config.clone())];
    for l in &config.languages {
        let prefix = config.prefix_of(&l.code).unwrap_or(&l.code).to_owned();
        let mut edition = config.clone();
        edition.set_base_url(format!("{}{prefix}/", config.base_url));
        edition.language = l.code.clone();
        if let Some(t) = &l.title {
            edition.title = t.clone();
        }
        if let Some(d) = &l.description {
            edition.description = d.clone();
        }
        if let Some(m) = &l.menu {
            edition.menu = m.clone();
        }
        // The top-level labels are in the default language: a translation
        // names its groups itself or shows their slugs.
        edition.labels = l.labels.clone().unwrap_or_default();
        edition.languages = Vec::new();
        out.push((
            make(&l.code, l.name.as_deref(), l.direction, Some(prefix)),
            edition,
        ));
    }
    out
}
