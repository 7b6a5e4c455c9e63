//! CLDR plural categories for whole numbers, the part of the CLDR rules the
//! theme needs: the name of the form a count takes (`one`, `few`, …), for
//! the languages casebook ships strings for and a few common others. A
//! language not listed uses English's rule (`one` for 1, else `other`);
//! `Intl.PluralRules(lang).select(n)` gives the same names in the scripts.

use std::collections::HashMap;

/// The CLDR cardinal category of the whole number `n` in language `code`.
pub fn category(code: &str, n: u64) -> &'static str {
    let lang = code
        .split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase();
    match lang.as_str() {
        "zh" | "ja" | "ko" | "th" | "vi" | "id" | "ms" | "tr" => "other",
        "fr" | "pt" => {
            if n <= 1 {
                "one"
            } else {
                "other"
            }
        }
        "ar" => arabic(n),
        "ru" | "uk" => east_slavic(n),
        "pl" => polish(n),
        _ => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

fn arabic(n: u64) -> &'static str {
    match (n, n % 100) {
        (0, _) => "zero",
        (1, _) => "one",
        (2, _) => "two",
        (_, 3..=10) => "few",
        (_, 11..=99) => "many",
        _ => "other",
    }
}

fn east_slavic(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "one",
        (2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

fn polish(n: u64) -> &'static str {
    match (n, n % 10, n % 100) {
        (1, _, _) => "one",
        (_, 2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

const SUFFIXES: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

/// Whether `key` is a plural form (`x_one`) whose family the language has
/// in another form (`x_other`): a language with fewer forms than English
/// does not miss the ones it does not use.
pub(super) fn is_form_of_other(
    key: &str,
    own: &HashMap<String, String>,
    exact: &HashMap<String, String>,
) -> bool {
    SUFFIXES.iter().any(|suffix| {
        key.strip_suffix(suffix).is_some_and(|family| {
            let other = format!("{family}_other");
            own.contains_key(&other) || exact.contains_key(&other)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_match_cldr_for_whole_numbers() {
        let en: Vec<_> = [0, 1, 2, 5].map(|n| category("en", n)).into();
        assert_eq!(en, ["other", "one", "other", "other"]);
        assert_eq!(
            [0, 1, 2].map(|n| category("pt-BR", n)),
            ["one", "one", "other"]
        );
        assert_eq!(
            [0, 1, 2].map(|n| category("fr", n)),
            ["one", "one", "other"]
        );
        assert_eq!(category("zh-Hans", 1), "other");
        let ar: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103]
            .map(|n| category("ar", n))
            .into();
        assert_eq!(
            ar,
            [
                "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few"
            ]
        );
        assert_eq!(
            [1, 2, 5, 11, 21, 22].map(|n| category("ru", n)),
            ["one", "few", "many", "many", "one", "few"]
        );
    }
}
