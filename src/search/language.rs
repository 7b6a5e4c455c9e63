//! What the index does differently per language (#18): the Snowball
//! stemmer that groups its words, and the stop words that count for less.
//! Splitting words does not depend on the language ([`super::text`] cuts
//! Chinese, Japanese and Korean into pairs of characters whatever the
//! site's language), so the client needs nothing of this but the stop
//! words the manifest lists: it never stems, the dictionary does.
//!
//! A language is a BCP 47 tag (`en`, `es`, `pt-BR`, `zh-Hans`, `nb`); only
//! its primary subtag matters. A language without a stemmer (Chinese,
//! Japanese, Korean, Polish…) groups words by their exact folded form, and
//! one without a stop-word list has none: no language is refused (Zola#1349,
//! #2800 refuse `zh` and `pl`).

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer as Snowball};

use super::text::{fold, tokenize};

/// The language of a tag such as `en`, `en-GB` or `pt_BR`, lowercased.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Snowball stemming in the site's language; languages without a Snowball
/// stemmer group words only by their exact folded form.
pub struct Stemmer(Option<(Snowball, &'static str)>);

impl Stemmer {
    /// From a language tag such as `en`, `en-GB` or `pt_BR`.
    pub fn for_language(tag: &str) -> Self {
        let (algorithm, name) = match primary_language(tag).as_str() {
            "ar" => (Algorithm::Arabic, "arabic"),
            "da" => (Algorithm::Danish, "danish"),
            "nl" => (Algorithm::Dutch, "dutch"),
            "en" => (Algorithm::English, "english"),
            "fi" => (Algorithm::Finnish, "finnish"),
            "fr" => (Algorithm::French, "french"),
            "de" => (Algorithm::German, "german"),
            "el" => (Algorithm::Greek, "greek"),
            "hu" => (Algorithm::Hungarian, "hungarian"),
            "it" => (Algorithm::Italian, "italian"),
            "no" | "nb" | "nn" => (Algorithm::Norwegian, "norwegian"),
            "pt" => (Algorithm::Portuguese, "portuguese"),
            "ro" => (Algorithm::Romanian, "romanian"),
            "ru" => (Algorithm::Russian, "russian"),
            "es" => (Algorithm::Spanish, "spanish"),
            "sv" => (Algorithm::Swedish, "swedish"),
            "ta" => (Algorithm::Tamil, "tamil"),
            "tr" => (Algorithm::Turkish, "turkish"),
            _ => return Stemmer(None),
        };
        Stemmer(Some((Snowball::create(algorithm), name)))
    }

    /// Whether words are stemmed at all.
    pub fn is_stemming(&self) -> bool {
        self.0.is_some()
    }

    /// The Snowball algorithm's name (`"spanish"`), for the manifest.
    pub fn name(&self) -> Option<&'static str> {
        self.0.as_ref().map(|s| s.1)
    }

    /// The stem group of a folded word. Stems are folded again, since some
    /// stemmers (French, German) may produce accented letters.
    pub fn group(&self, word: &str) -> String {
        match &self.0 {
            Some((s, _)) => fold(&s.stem(word)),
            None => word.to_owned(),
        }
    }
}

/// Words that say little about what a record is about, for the languages
/// that have a list, folded and sorted (for binary search). They stay
/// searchable, but count for a quarter of a normal word, and the client
/// fetches their shards only when a query has nothing else.
///
/// English is our own list. Other languages take the Snowball project's
/// lists as NLTK ships them (the `stop-words` crate: well kept, compiled
/// into static arrays, no parsing at run time), which every search engine
/// of these languages uses, less the words that change a reader's meaning
/// in this domain ([`MEANINGFUL`]: not, without, before, after, only,
/// again), as in our English list. Chinese, Japanese and Korean have none:
/// their text is indexed as pairs of characters, which a list of words does
/// not describe, and frequent pairs already weigh little by their idf.
pub fn stop_words(tag: &str) -> &'static [String] {
    static LISTS: LazyLock<HashMap<&'static str, Vec<String>>> = LazyLock::new(|| {
        let mut lists = HashMap::new();
        lists.insert("en", folded_list(include_str!("stop-en.txt").lines(), &[]));
        for &code in ::stop_words::available_languages() {
            if matches!(code, "en" | "zh" | "ja" | "ko") {
                continue;
            }
            if let Some(words) = ::stop_words::lookup(code) {
                let keep = MEANINGFUL
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map_or(&[][..], |(_, k)| *k);
                lists.insert(code, folded_list(words.iter().copied(), keep));
            }
        }
        lists
    });
    let lang = match primary_language(tag).as_str() {
        "nb" | "nn" => "no".to_owned(),
        other => other.to_owned(),
    };
    LISTS.get(lang.as_str()).map_or(&[], Vec::as_slice)
}

/// A list's words folded, each one word (a word that folds to several, or
/// to none, is left out), sorted and unique, less `keep`.
fn folded_list<'a>(words: impl Iterator<Item = &'a str>, keep: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = words
        .filter_map(|w| match tokenize(w).as_slice() {
            [one] if !keep.contains(&one.as_str()) => Some(one.clone()),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Per language, the words of its stop list that are not stop words here
/// (folded): negations, "without", "before", "after", "only", "again", "never".
const MEANINGFUL: &[(&str, &[&str])] = &[
    ("es", &["no", "ni", "sin", "nada", "antes", "contra"]),
    ("fr", &["ne", "pas"]),
    (
        "de",
        &[
            "nicht", "nichts", "kein", "keine", "keinem", "keinen", "keiner", "keines", "ohne",
            "vor", "nach", "nur", "wieder", "gegen",
        ],
    ),
    ("pt", &["nao", "nem", "sem", "depois", "so"]),
    ("it", &["non", "ne", "contro"]),
    (
        "nl",
        &["niet", "geen", "niets", "zonder", "voor", "na", "tegen"],
    ),
    (
        "ru",
        &[
            "не",
            "нет",
            "ни",
            "ничего",
            "без",
            "до",
            "после",
            "только",
            "опять",
            "никогда",
        ],
    ),
    ("sv", &["inte", "icke", "ej", "utan", "efter", "ingen"]),
    ("da", &["ikke", "efter", "mod"]),
    (
        "no",
        &[
            "ikke", "ikkje", "uten", "etter", "bare", "ingen", "inkje", "for",
        ],
    ),
    ("fi", &["ei", "en", "et", "emme", "ette", "eivat"]),
    (
        "ar",
        &["لا", "لم", "لن", "ليس", "ليست", "غير", "دون", "قبل", "بعد"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::{is_cjk, query_words};

    #[test]
    fn groups_words_by_english_stem() {
        let s = Stemmer::for_language("en-GB");
        assert!(s.is_stemming());
        assert_eq!(s.name(), Some("english"));
        let g = |w: &str| s.group(w);
        assert_eq!(g("connection"), g("connecting"));
        assert_eq!(g("connections"), g("connect"));
        assert_eq!(g("recruiters"), g("recruiter"));
        assert_eq!(g("following"), g("follow"));
        assert_eq!(g("messages"), g("messaging"));
        assert_ne!(g("message"), g("manager"));
    }

    #[test]
    fn stop_words_are_folded_sorted_single_words() {
        for tag in [
            "en-US", "es", "fr", "de", "pt-BR", "it", "nl", "ru", "nb", "ar", "sv",
        ] {
            let list = stop_words(tag);
            assert!(list.len() > 20, "{tag}: {}", list.len());
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{tag}: sorted, for binary search"
            );
            assert!(
                list.iter().all(|w| tokenize(w) == [w.as_str()]),
                "{tag}: already folded single words"
            );
        }
        let has = |tag: &str, w: &str| stop_words(tag).iter().any(|x| x == w);
        assert!(!has("en", "not") && !has("en", "before") && has("en", "the"));
        // Spanish: folded ("está" → "esta"), and negations are not stop words.
        assert!(has("es", "esta") && has("es", "de") && has("es", "mas"));
        assert!(!has("es", "no") && !has("es", "sin") && !has("es", "está"));
        assert!(!has("de", "nicht") && has("de", "und"));
        assert!(!has("ru", "не") && has("ru", "и"));
        // Norwegian by any of its tags; none for CJK or unknown languages.
        assert_eq!(stop_words("nb"), stop_words("no"));
        for tag in ["zh", "zh-Hans", "ja", "ko", "xx", "", "pl-PL"] {
            assert!(stop_words(tag).is_empty() || tag == "pl-PL", "{tag}");
        }
    }

    #[test]
    fn every_meaningful_word_was_on_its_list() {
        // A word kept off a list must fold to a word of the crate's list,
        // else the exception is a typo that does nothing.
        let mut missing = Vec::new();
        for (code, keep) in MEANINGFUL {
            let full = folded_list(::stop_words::lookup(code).unwrap().iter().copied(), &[]);
            for w in *keep {
                if !full.iter().any(|x| x == w) {
                    missing.push(format!("{code}:{w}"));
                }
            }
        }
        assert!(missing.is_empty(), "not on their lists: {missing:?}");
    }

    #[test]
    fn other_languages_and_unknown_ones() {
        let fr = Stemmer::for_language("fr");
        assert_eq!(fr.group("candidatures"), fr.group("candidature"));
        let es = Stemmer::for_language("es-MX");
        assert_eq!(es.name(), Some("spanish"));
        for w in ["contacto", "contactos", "contactando", "contactar"] {
            assert_eq!(es.group(w), "contact", "{w}");
        }
        let ar = Stemmer::for_language("ar");
        assert_eq!(ar.group("المعلمين"), ar.group("معلم"));
        assert_eq!(ar.group("الكتاب"), ar.group("كتاب"));
        for tag in ["xx", "zh-Hans", "ja", "ko", "pl", ""] {
            let none = Stemmer::for_language(tag);
            assert!(!none.is_stemming() && none.name().is_none());
            assert_eq!(none.group("connections"), "connections");
        }
    }

    /// Whether a query finds the first text of `site` as the index and the
    /// client analyse them. The index maps every word of the site
    /// ([`super::text::words`]) to its stem group ([`Stemmer::group`]); the
    /// client never stems: it splits the query ([`query_words`], as
    /// search.js does) and looks each word up in that dictionary, or, one
    /// CJK letter, the words it starts. Every word must reach a group of a
    /// word of the text.
    fn finds(language: &str, site: &[&str], query: &str) -> bool {
        let stemmer = Stemmer::for_language(language);
        let dictionary: Vec<String> = site.iter().flat_map(|t| tokenize(t)).collect();
        let page = tokenize(site[0]);
        let groups: Vec<String> = page.iter().map(|w| stemmer.group(w)).collect();
        let words = query_words(query);
        !words.is_empty()
            && words.iter().all(|q| {
                let one_cjk = q.chars().count() == 1 && q.chars().all(is_cjk);
                dictionary
                    .iter()
                    .filter(|w| *w == q || (one_cjk && w.starts_with(q.as_str())))
                    .any(|w| groups.contains(&stemmer.group(w)))
            })
    }

    #[test]
    fn queries_find_text_as_it_was_indexed() {
        // Chinese and Japanese: pairs of letters, no dictionary.
        assert_eq!(tokenize("新幹線"), ["新幹", "幹線", "線"]);
        let ja = ["東海道新幹線に乗る"];
        assert!(finds("ja", &ja, "幹線"));
        assert!(finds("ja", &ja, "新幹線"));
        assert!(finds("ja", &ja, "線"));
        assert!(finds("ja", &ja, "東"), "a letter that starts a pair");
        assert!(!finds("ja", &ja, "線路"));
        let zh = ["方法很多，手段简单。"];
        assert!(finds("zh", &zh, "段简"));
        assert!(finds("zh", &zh, "手段简单"));
        assert!(finds("zh", &zh, "简"));
        assert!(!finds("zh", &zh, "简手"));
        assert!(finds("zh-Hans", &["先联系招聘经理"], "招聘经理"));
        assert!(finds("ko", &["채용 담당자에게 연락하세요"], "연락"));
        // A Chinese quotation on an English page is found the same way.
        assert!(finds("en", &["The proverb 手段简单 says"], "段简"));
    }

    #[test]
    fn queries_find_other_inflections_the_site_uses() {
        // The query's word is found in the dictionary, and its stem group
        // holds the text's word.
        let es = ["Guardó sus contactos.", "Cómo contactar"];
        assert!(finds("es", &es, "contactar"));
        assert!(finds("es", &es, "CONTACTOS"));
        assert!(!finds("es", &es, "contrato"));
        // A form the site never uses is not in the dictionary: the client
        // finds it only by typo tolerance and prefixes, not by its stem.
        assert!(!finds("es", &es[..1], "contactar"));
        let fr = ["Les candidatures envoyées", "Une candidature"];
        assert!(finds("fr", &fr, "candidature"));
        let de = ["Bewerbungen schreiben", "Die Bewerbung"];
        assert!(finds("de", &de, "Bewerbung"));
        let pt = ["entrevistas marcadas", "a entrevista"];
        assert!(finds("pt-BR", &pt, "entrevista"));
        let ar = ["رسالة إلى المعلمين", "معلم"];
        assert!(finds("ar", &ar, "معلم"));
        let en = ["Following up on connections", "connecting to follow"];
        assert!(finds("en", &en, "connecting follow"));
        assert!(!finds("en", &en, "manager"));
        // Without a stemmer (Polish), words are grouped as they are.
        assert!(!finds("pl", &["kontakty", "kontakt"], "kontakt"));
    }
}
