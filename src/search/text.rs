//! Text analysis shared by the index and (mirrored line for line) by
//! `search.js`: fold, split into words, stem.
//!
//! The client never stems: it folds and splits a query exactly as [`fold`]
//! and [`words`] do here and looks the words up in the dictionary, which
//! maps every word of the site to its stem group. So these two functions are
//! a contract with `themes/default/static/search.js` (`fold`, `words`); the
//! unit tests below pin the cases both sides must agree on.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer as Snowball};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (hashes, URLs run together) are not indexed.
pub const MAX_WORD_CHARS: usize = 40;

/// Lowercase with accents folded: NFKD, combining marks dropped, then
/// lowercased as a whole string (so a final sigma folds as in JavaScript's
/// `toLowerCase`). `"Résumé"` → `"resume"`, `"ﬁle"` → `"file"`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // Marks are dropped, so their canonical order does not matter and each
    // character can be decomposed on its own (much faster than `nfkd()`).
    let mut stripped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            stripped.push(c);
        } else {
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    stripped.push(d);
                }
            });
        }
    }
    stripped.to_lowercase()
}

/// Calls `f` with each word of already folded text.
///
/// Words are Unicode words (UAX #29, via unicode-segmentation) with a
/// possessive `'s` removed, other apostrophes dropped (`don't` → `dont`) and
/// split again at anything that is not a letter or digit (`3.5` → `3`, `5`;
/// `e.g` → `e`, `g`), so that the client's regular expression
/// `[\p{Alphabetic}\p{N}]+(?:['’][\p{Alphabetic}\p{N}]+)*` finds the same
/// words.
pub fn words(folded: &str, mut f: impl FnMut(&str)) {
    if folded.is_ascii() {
        ascii_words(folded, |word, _| ascii_word_parts(word, &mut f));
    } else {
        for word in folded.unicode_words() {
            word_parts(word, &mut f);
        }
    }
}

/// [`words`] of [`fold`]`(text)`, without folding the whole text first.
/// ASCII text (nearly all of it) is split as it is and each word lowercased
/// on its own: case never changes where an ASCII word starts or ends, so
/// the words are the same, and the index no longer copies the site's text
/// to lowercase it.
pub fn fold_words(text: &str, mut f: impl FnMut(&str)) {
    if !text.is_ascii() {
        return words(&fold(text), f);
    }
    let mut lower = String::new();
    ascii_words(text, |word, classes| {
        let simple = classes & (UNDERSCORE | JOINER) == 0;
        if simple && classes & UPPER == 0 {
            // Lowercase letters and digits, the common case: one part, the
            // word itself (unless it is too long to index).
            if word.len() <= MAX_WORD_CHARS {
                f(word);
            }
            return;
        }
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        ascii_word_parts(&lower, &mut f);
    });
}

/// One UAX #29 word: possessive dropped, split, apostrophes dropped.
fn word_parts(word: &str, f: &mut impl FnMut(&str)) {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    for part in word.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let part: Cow<str> = if part.contains(['\'', '’']) {
            Cow::Owned(part.replace(['\'', '’'], ""))
        } else {
            Cow::Borrowed(part)
        };
        if !part.is_empty() && part.chars().count() <= MAX_WORD_CHARS {
            f(&part);
        }
    }
}

/// `word_parts` for an ASCII word: the same steps with ASCII tests (no
/// `’` to look for, and a length in bytes is a length in characters).
fn ascii_word_parts(word: &str, f: &mut impl FnMut(&str)) {
    let word = word.strip_suffix("'s").unwrap_or(word);
    for part in word.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')) {
        let part: Cow<str> = if part.contains('\'') {
            Cow::Owned(part.replace('\'', ""))
        } else {
            Cow::Borrowed(part)
        };
        if !part.is_empty() && part.len() <= MAX_WORD_CHARS {
            f(&part);
        }
    }
}

// What a byte is, for `ascii_words`: one table lookup per byte.
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
const UNDERSCORE: u8 = 8;
/// `:`, `.` or `'`, which join two letters.
const JOINS_LETTERS: u8 = 16;
/// `,`, `;`, `.` or `'`, which join two digits.
const JOINS_DIGITS: u8 = 32;
const JOINER: u8 = JOINS_LETTERS | JOINS_DIGITS;
const ALNUM: u8 = ALPHA | DIGIT;
const WORD: u8 = ALNUM | UNDERSCORE;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            ALPHA
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'_' => UNDERSCORE,
                b':' => JOINS_LETTERS,
                b'.' | b'\'' => JOINER,
                b',' | b';' => JOINS_DIGITS,
                _ => 0,
            }
        };
        b += 1;
    }
    t
};

/// `unicode_words` for ASCII text, without the Unicode tables: nearly all
/// text is ASCII, and segmenting it was a tenth of the index's time. In
/// ASCII, UAX #29's rules come down to: letters, digits and `_` join (WB5,
/// WB8-WB10, WB13a-b); one `:`, `.` or `'` joins two letters (WB6-WB7);
/// one `,`, `;`, `.` or `'` joins two digits (WB11-WB12); anything else
/// breaks. Only segments with a letter or digit are words. A unit test
/// checks this against unicode-segmentation. `f` also gets the classes of
/// the word's bytes, or-ed together.
fn ascii_words<'t>(text: &'t str, mut f: impl FnMut(&'t str, u8)) {
    let s = text.as_bytes();
    let class = |i: usize| CLASS[usize::from(s[i])];
    let mut i = 0;
    while i < s.len() {
        if class(i) & WORD == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut classes = 0;
        loop {
            classes |= class(i);
            if i + 1 < s.len() && class(i + 1) & WORD != 0 {
                i += 1;
                continue;
            }
            let joined = i + 2 < s.len() && {
                let (a, mid, b) = (class(i), class(i + 1), class(i + 2));
                (a & b & ALPHA != 0 && mid & JOINS_LETTERS != 0)
                    || (a & b & DIGIT != 0 && mid & JOINS_DIGITS != 0)
            };
            if !joined {
                break;
            }
            classes |= class(i + 1);
            i += 2;
        }
        i += 1;
        if classes & ALNUM != 0 {
            f(&text[start..i], classes);
        }
    }
}

/// The words of `text`, folded, in order (for tests and small inputs).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    words(&fold(text), |w| out.push(w.to_owned()));
    out
}

/// The language of a tag such as `en`, `en-GB` or `pt_BR`, lowercased.
fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Snowball stemming in the site's language; languages without a Snowball
/// stemmer group words only by their exact folded form.
pub struct Stemmer(Option<Snowball>);

impl Stemmer {
    /// From a language tag such as `en`, `en-GB` or `pt_BR`.
    pub fn for_language(tag: &str) -> Self {
        let algorithm = match primary_language(tag).as_str() {
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "nl" => Algorithm::Dutch,
            "en" => Algorithm::English,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "no" | "nb" | "nn" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "es" => Algorithm::Spanish,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => return Stemmer(None),
        };
        Stemmer(Some(Snowball::create(algorithm)))
    }

    /// Whether words are stemmed at all.
    pub fn is_stemming(&self) -> bool {
        self.0.is_some()
    }

    /// The stem group of a folded word. Stems are folded again, since some
    /// stemmers (French, German) may produce accented letters.
    pub fn group(&self, word: &str) -> String {
        match &self.0 {
            Some(s) => fold(&s.stem(word)),
            None => word.to_owned(),
        }
    }
}

/// Words that say little about what a record is about, for the languages
/// that have a list. They stay searchable, but count for a quarter of a
/// normal word, and the client fetches their shards only when a query has
/// nothing else. Words that change a reader's meaning in this domain
/// (before, after, not, no, again, only) are deliberately not on the list.
pub fn stop_words(tag: &str) -> &'static [&'static str] {
    match primary_language(tag).as_str() {
        "en" => ENGLISH_STOP_WORDS,
        _ => &[],
    }
}

/// [`stop_words`] for English, folded and sorted (for binary search).
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "am",
    "an",
    "and",
    "any",
    "are",
    "arent",
    "as",
    "at",
    "be",
    "because",
    "been",
    "being",
    "both",
    "but",
    "by",
    "can",
    "cant",
    "could",
    "couldnt",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "dont",
    "each",
    "for",
    "from",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "me",
    "my",
    "myself",
    "of",
    "on",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "own",
    "she",
    "should",
    "shouldnt",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "theyre",
    "this",
    "those",
    "through",
    "to",
    "too",
    "us",
    "was",
    "wasnt",
    "we",
    "were",
    "werent",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "wont",
    "would",
    "wouldnt",
    "you",
    "youd",
    "youll",
    "your",
    "youre",
    "yours",
    "yourself",
    "yourselves",
    "youve",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn ascii_words_are_unicode_words(text in "[aZ9_':.,; \n-]{0,16}|[a-z0-9_'.:,;!?() \t-]{0,40}") {
            let mut fast = Vec::new();
            ascii_words(&text, |w, _| fast.push(w));
            let uax: Vec<&str> = text.unicode_words().collect();
            prop_assert_eq!(&fast, &uax);
            let (mut fast_parts, mut parts) = (Vec::new(), Vec::new());
            for w in fast {
                ascii_word_parts(w, &mut |p| fast_parts.push(p.to_owned()));
                word_parts(w, &mut |p| parts.push(p.to_owned()));
            }
            prop_assert_eq!(fast_parts, parts);
        }
    }

    proptest! {
        #[test]
        fn fold_words_is_words_of_fold(text in "[aZ9_':.,; \n-]{0,16}|[a-zA-Z0-9_'.:,;!?() \t-]{0,40}|\\PC{0,24}") {
            let (mut fused, mut plain) = (Vec::new(), Vec::new());
            fold_words(&text, |w| fused.push(w.to_owned()));
            words(&fold(&text), |w| plain.push(w.to_owned()));
            prop_assert_eq!(fused, plain);
        }
    }

    #[test]
    fn folds_accents_case_and_compatibility_forms() {
        assert_eq!(fold("Résumé"), "resume");
        assert_eq!(fold("NAÏVE Café"), "naive cafe");
        assert_eq!(fold("ﬁle"), "file");
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("ΟΔΟΣ"), "οδος"); // final sigma, like JavaScript
        assert_eq!(fold("plain ascii"), "plain ascii");
        // Decomposed input folds like precomposed input.
        assert_eq!(fold("Re\u{301}sume\u{301}"), "resume");
        // The same as the definition, NFKD minus marks, lowercased.
        let text = "Ǆemal Ωmega ﬃ ½ ™ Ḝ x\u{323}\u{302} “Quoted” – ǅ";
        let slow: String = text.nfkd().filter(|c| !is_combining_mark(*c)).collect();
        assert_eq!(fold(text), slow.to_lowercase());
    }

    #[test]
    fn splits_words_like_the_client() {
        assert_eq!(
            tokenize("Don't message the manager's inbox!"),
            ["dont", "message", "the", "manager", "inbox"]
        );
        assert_eq!(
            tokenize("A 300-character note, v3.5 e.g. snake_case"),
            [
                "a",
                "300",
                "character",
                "note",
                "v3",
                "5",
                "e",
                "g",
                "snake",
                "case"
            ]
        );
        assert_eq!(
            tokenize("It’s the recruiters’ call"),
            ["it", "the", "recruiters", "call"]
        );
        assert_eq!(
            tokenize("LinkedIn® InMail: 2,000 chars"),
            ["linkedin", "inmail", "2", "000", "chars"]
        );
        assert_eq!(tokenize("   "), Vec::<String>::new());
        assert!(tokenize(&"x".repeat(41)).is_empty());
    }

    #[test]
    fn groups_words_by_english_stem() {
        let s = Stemmer::for_language("en-GB");
        assert!(s.is_stemming());
        let g = |w: &str| s.group(w);
        assert_eq!(g("connection"), g("connecting"));
        assert_eq!(g("connections"), g("connect"));
        assert_eq!(g("recruiters"), g("recruiter"));
        assert_eq!(g("following"), g("follow"));
        assert_eq!(g("messages"), g("messaging"));
        assert_ne!(g("message"), g("manager"));
    }

    #[test]
    fn stop_words_are_folded_and_sorted() {
        let list = stop_words("en-US");
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "sorted, for binary search"
        );
        assert!(
            list.iter().all(|w| tokenize(w) == [*w]),
            "already folded single words"
        );
        assert!(!list.contains(&"not") && !list.contains(&"before"));
        assert!(stop_words("de").is_empty());
    }

    #[test]
    fn other_languages_and_unknown_ones() {
        let fr = Stemmer::for_language("fr");
        assert_eq!(fr.group("candidatures"), fr.group("candidature"));
        let none = Stemmer::for_language("xx");
        assert!(!none.is_stemming());
        assert_eq!(none.group("connections"), "connections");
    }
}
