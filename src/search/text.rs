//! Text analysis shared by the index and (mirrored line for line) by
//! `search.js`: fold, split into words.
//!
//! The client never stems: it folds and splits a query exactly as [`fold`]
//! and [`query_words`] do here and looks the words up in the dictionary,
//! which maps every word of the site to its stem group ([`super::language`]
//! stems). So these functions are a contract with
//! `themes/default/static/search.js` (`fold`, `words`); the unit tests below
//! pin the cases both sides must agree on, and `tests/testsuite/search.rs`
//! runs the shipped script on the same strings.
//!
//! Chinese, Japanese and Korean (#18): text in these scripts is cut into
//! overlapping pairs of characters, as Lucene's CJK analyzer does, with no
//! dictionary: `新幹線` is indexed as `新幹`, `幹線`. A query is cut the same
//! way, so a word is found by any two-character part of it and a phrase by
//! its pairs, and a query never matches a record through a pair the record
//! does not contain (Pagefind#1237, #987: indexing with one segmentation and
//! querying with another finds unrelated pages). This is the same for every
//! language (a Chinese quotation on an English page is searchable too), so
//! it does not depend on the site's language: see [`CJK_SEGMENT`].

use std::borrow::Cow;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (hashes, URLs run together) are not indexed.
pub const MAX_WORD_CHARS: usize = 40;

/// How the index cuts Han, kana and Hangul; the manifest's `segment`, which
/// `search.js` checks against its own before it analyses a query.
pub const CJK_SEGMENT: &str = "cjk-bigram";

/// Lowercase with accents folded: NFKD, combining marks dropped, then
/// lowercased as a whole string (so a final sigma folds as in JavaScript's
/// `toLowerCase`). `"Résumé"` → `"resume"`, `"ﬁle"` → `"file"`.
///
/// Except in kana and Hangul, where folding would change the word: the
/// kana voicing marks (U+3099, U+309A) are kept and, like the jamo of a
/// Hangul syllable, composed again (NFC), so `が` stays `が` (not `か`) and
/// `한` stays `한` (not three jamo), and half-width `ｶﾞ` becomes `ガ`.
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
                if recomposes(d) || !is_combining_mark(d) {
                    stripped.push(d);
                }
            });
        }
    }
    let lower = stripped.to_lowercase();
    // The client composes every query (NFC) after lowercasing; nearly all
    // folded text is composed already, which the quick check tells cheaply.
    if is_nfc_quick(lower.chars()) == IsNormalized::Yes {
        lower
    } else {
        lower.nfc().collect()
    }
}

/// The characters [`fold`] keeps to compose again: kana voicing marks and
/// conjoining Hangul jamo.
fn recomposes(c: char) -> bool {
    matches!(c, '\u{3099}' | '\u{309A}' | '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Whether `c` is a Han, kana or Hangul letter, which [`words`] cuts into
/// pairs. Ranges of code points rather than script properties, so that the
/// client's regular expression (`CJK` in search.js) is the same list
/// whatever Unicode version its engine knows; the compatibility forms
/// (half-width kana, compatibility ideographs, Kangxi radicals) are folded
/// into these by NFKD first.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'       // Hangul jamo
        | '\u{3005}'..='\u{3007}'     // 々 〆 〇
        | '\u{3021}'..='\u{3029}'     // Hangzhou numerals
        | '\u{3031}'..='\u{3035}'     // kana repeat marks
        | '\u{3038}'..='\u{303C}'
        | '\u{3041}'..='\u{3096}'     // hiragana
        | '\u{309D}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}'     // katakana
        | '\u{30FC}'..='\u{30FF}'     // ー and katakana iteration marks
        | '\u{3105}'..='\u{312F}'     // bopomofo
        | '\u{3131}'..='\u{318E}'     // Hangul compatibility jamo
        | '\u{31A0}'..='\u{31BF}'
        | '\u{31F0}'..='\u{31FF}'     // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'     // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'     // Hangul jamo extended-A
        | '\u{AC00}'..='\u{D7AF}'     // Hangul syllables
        | '\u{D7B0}'..='\u{D7FF}'     // Hangul jamo extended-B
        | '\u{F900}'..='\u{FAFF}'     // CJK compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B to J
    )
}

/// Calls `f` with each word of already folded text, as the index counts
/// them.
///
/// Words are Unicode words (UAX #29, via unicode-segmentation) with a
/// possessive `'s` removed, other apostrophes dropped (`don't` → `dont`) and
/// split again at anything that is not a letter or digit (`3.5` → `3`, `5`;
/// `e.g` → `e`, `g`), so that the client's regular expression
/// `[\p{Alphabetic}\p{N}]+(?:['’][\p{Alphabetic}\p{N}]+)*` finds the same
/// words.
///
/// A run of [`is_cjk`] letters with nothing between them (no space,
/// punctuation, Latin letter or digit) is one run, cut into its
/// overlapping pairs, plus its last letter alone (`新幹線` → `新幹`,
/// `幹線`, `線`); a run of one letter is that letter. With the last letter,
/// every occurrence of a letter starts a pair or is a word, so a query of
/// one letter finds it among the words that start with it.
pub fn words(folded: &str, f: impl FnMut(&str)) {
    split(folded, true, f);
}

/// The words of a query, as the client looks them up: [`words`] of
/// [`fold`]`(text)`, but a CJK run of two letters or more is only its pairs
/// (every record that contains the run has them all), and a run of one
/// letter is that letter, which the client looks up as a prefix.
pub fn query_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    split(&fold(text), false, |w| out.push(w.to_owned()));
    out
}

/// [`words`] (`index`) or the words of a query.
fn split(folded: &str, index: bool, mut f: impl FnMut(&str)) {
    if folded.is_ascii() {
        return ascii_words(folded, |word, _| ascii_word_parts(word, &mut f));
    }
    let mut run = Run::default();
    for (at, word) in folded.unicode_word_indices() {
        if !word.contains(is_cjk) {
            run.flush(index, &mut f);
            word_parts(word, &mut f);
            continue;
        }
        // A Hangul word may hold Latin letters (`linkedin에서`); kana and
        // Han never join anything else in UAX #29.
        let mut rest = word;
        let mut pos = at;
        while let Some(c) = rest.chars().next() {
            let cjk = is_cjk(c);
            let len = rest.find(|c: char| is_cjk(c) != cjk).unwrap_or(rest.len());
            let (piece, tail) = rest.split_at(len);
            if cjk {
                run.push(pos, piece, index, &mut f);
            } else {
                run.flush(index, &mut f);
                word_parts(piece, &mut f);
            }
            pos += len;
            rest = tail;
        }
    }
    run.flush(index, &mut f);
}

/// The CJK run being read: where it ends in the text, and its letters.
#[derive(Default)]
struct Run {
    end: usize,
    letters: Vec<char>,
}

impl Run {
    /// Adds `piece`, found at byte `at`: to this run if it follows it
    /// directly, else to a new one.
    fn push(&mut self, at: usize, piece: &str, index: bool, f: &mut impl FnMut(&str)) {
        if at != self.end {
            self.flush(index, f);
        }
        self.letters.extend(piece.chars());
        self.end = at + piece.len();
    }

    /// Hands the run's words to `f` and starts a new one.
    fn flush(&mut self, index: bool, f: &mut impl FnMut(&str)) {
        let mut buf = [0u8; 8];
        match self.letters.as_slice() {
            [] => {}
            [one] => f(one.encode_utf8(&mut buf)),
            letters => {
                let mut pair = String::with_capacity(8);
                for w in letters.windows(2) {
                    pair.clear();
                    pair.extend(w);
                    f(&pair);
                }
                if index {
                    f(letters[letters.len() - 1].encode_utf8(&mut buf));
                }
            }
        }
        self.letters.clear();
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
    fn cuts_han_kana_and_hangul_into_overlapping_pairs() {
        // Indexed: every pair, and the run's last letter alone.
        assert_eq!(tokenize("新幹線"), ["新幹", "幹線", "線"]);
        assert_eq!(tokenize("手段简单。"), ["手段", "段简", "简单", "单"]);
        assert_eq!(tokenize("字"), ["字"]);
        // Punctuation, spaces, Latin letters and digits end a run.
        assert_eq!(
            tokenize("联系，招聘 经理LinkedIn上3天"),
            [
                "联系", "系", "招聘", "聘", "经理", "理", "linkedin", "上", "3", "天"
            ]
        );
        // Kana and Han in one run (UAX #29 splits them; the run does not).
        assert_eq!(
            tokenize("東京へ行く"),
            ["東京", "京へ", "へ行", "行く", "く"]
        );
        // Hangul words hold Latin letters; the Hangul part is cut.
        assert_eq!(
            tokenize("linkedin에서 연락"),
            ["linkedin", "에서", "서", "연락", "락"]
        );
        // Queries: the pairs only, or one letter.
        assert_eq!(query_words("新幹線"), ["新幹", "幹線"]);
        assert_eq!(query_words("幹線"), ["幹線"]);
        assert_eq!(query_words("線"), ["線"]);
        assert_eq!(
            query_words("Recruiter 招聘经理"),
            ["recruiter", "招聘", "聘经", "经理"]
        );
    }

    #[test]
    fn keeps_kana_voicing_and_hangul_syllables_whole() {
        assert_eq!(fold("が"), "が");
        assert_eq!(fold("ガイド"), "ガイド");
        assert_eq!(fold("ｶﾞｲﾄﾞ"), "ガイド", "half-width kana");
        assert_eq!(fold("한국어"), "한국어");
        assert_eq!(fold("Ｌｉｎｋｅｄ　Ｉｎ"), "linked in", "full-width Latin");
        // Decomposed kana and jamo fold like the composed forms.
        assert_eq!(fold("か\u{3099}"), "が");
        assert_eq!(fold("\u{1112}\u{1161}\u{11AB}"), "한");
        // Accents elsewhere are still dropped.
        assert_eq!(fold("Café が"), "cafe が");
    }

    #[test]
    fn folds_every_character_as_the_client_does() {
        // search.js: NFKD, marks but the voicing marks dropped, lowercased,
        // NFC. The same steps, done slowly, for every character.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            let kept: String = s
                .nfkd()
                .filter(|&d| recomposes(d) || !is_combining_mark(d))
                .collect();
            let slow: String = kept.to_lowercase().nfc().collect();
            assert_eq!(fold(&s), slow, "U+{:04X}", c as u32);
        }
    }

    /// The `CJK` character class of search.js, as code point ranges.
    fn client_cjk_ranges() -> Vec<(u32, u32)> {
        let js = include_str!("../../themes/default/static/search.js");
        let start = js.find("var CJK = /[").expect("search.js defines CJK") + 12;
        let class = &js[start..start + js[start..].find(']').unwrap()];
        let point = |s: &str| {
            let hex = s.trim_start_matches("\\u").trim_matches(['{', '}']);
            u32::from_str_radix(hex, 16).unwrap()
        };
        class
            .split("\\u")
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|r| {
                let (a, b) = (r[0].trim_end_matches('-'), r[1]);
                (point(a), point(b))
            })
            .collect()
    }

    #[test]
    fn the_client_cuts_the_same_letters() {
        let ranges = client_cjk_ranges();
        assert!(ranges.len() > 10, "{ranges:?}");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let js = ranges.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)));
            assert_eq!(is_cjk(c), js, "U+{:04X}", c as u32);
        }
    }
}
