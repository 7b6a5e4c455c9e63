//! A template's context, with a digest of everything put into it (#17).
//!
//! The memos that skip a template ([`super::Memo`] in `serve`, the
//! rendered-page keys a rebuild keeps beside the spare) compare what a page
//! was made from. Tera's own values cannot be digested: every map in them
//! is a hash map seeded at random for each map (ahash), so the same
//! context lists its keys in another order each time it is built. `Vars`
//! writes each value as JSON as it goes into the context instead: our
//! views are structs, whose fields serialise in declaration order, so the
//! same values always give the same bytes, in any process.

use std::borrow::Cow;

use serde::Serialize;
use tera::Context;

/// A Tera context, and the JSON of everything inserted, in order.
#[derive(Default)]
pub(crate) struct Vars {
    context: Context,
    /// Each insert's key and value as JSON, with their lengths, so that no
    /// two different sequences of inserts write the same bytes.
    json: Vec<u8>,
    /// The first value JSON could not write, and why: it is left out of
    /// the context, which then has no digest and is not rendered. None of
    /// our views is such a value, but Tera panics on some of them (a map
    /// with tuple keys), and a digest must never be taken of half a value.
    unwritable: Option<String>,
}

impl Vars {
    pub(crate) fn new() -> Self {
        Vars::default()
    }

    /// [`Context::insert`], noting the key and value.
    pub(crate) fn insert<K: Into<Cow<'static, str>>, T: Serialize + ?Sized>(
        &mut self,
        key: K,
        value: &T,
    ) {
        let key = key.into();
        self.json
            .extend_from_slice(&(key.len() as u64).to_le_bytes());
        self.json.extend_from_slice(key.as_bytes());
        let at = self.json.len();
        self.json.extend_from_slice(&[0; 8]);
        if let Err(e) = serde_json::to_writer(&mut self.json, value) {
            if self.unwritable.is_none() {
                self.unwritable = Some(format!("`{key}` cannot be given to a template: {e}"));
            }
            return;
        }
        let len = (self.json.len() - at - 8) as u64;
        self.json[at..at + 8].copy_from_slice(&len.to_le_bytes());
        self.context.insert(key, value);
    }

    /// Why a value was left out of the context, if one was.
    pub(crate) fn unwritable(&self) -> Option<&str> {
        self.unwritable.as_deref()
    }

    pub(crate) fn context(&self) -> &Context {
        &self.context
    }

    /// A digest of every insert, in order; `None` if a value could not be
    /// written down.
    pub(crate) fn digest(&self) -> Option<blake3::Hash> {
        self.unwritable.is_none().then(|| blake3::hash(&self.json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct View {
        a: u32,
        b: &'static str,
        c: Vec<u32>,
        d: bool,
        e: Option<u8>,
    }

    fn vars(b: &'static str) -> Vars {
        let mut v = Vars::new();
        v.insert(
            "page",
            &View {
                a: 1,
                b,
                c: vec![1, 2],
                d: true,
                e: None,
            },
        );
        v.insert("title", "Hello");
        v
    }

    #[test]
    fn the_same_values_give_the_same_digest_every_time() {
        // Tera's maps are seeded at random for each map: a digest of its
        // values (their `Debug` form) differed on every build.
        let first = vars("x").digest();
        assert!(first.is_some());
        for _ in 0..20 {
            assert_eq!(vars("x").digest(), first);
        }
        assert_ne!(vars("y").digest(), first);
        // The context itself is what Tera sees.
        assert_eq!(
            vars("x").context().get("title").and_then(|t| t.as_str()),
            Some("Hello")
        );
    }

    #[test]
    fn a_value_json_cannot_write_is_left_out_and_named() {
        // Tera's own conversion panics on this map; JSON refuses it.
        let tuple_keys: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let mut v = Vars::new();
        v.insert("title", "Hello");
        v.insert("grid", &tuple_keys);
        assert!(v.digest().is_none());
        assert!(
            v.unwritable().is_some_and(|m| m.contains("`grid`")),
            "{:?}",
            v.unwritable()
        );
        assert!(v.context().get("grid").is_none());
        assert!(v.context().get("title").is_some());
    }

    #[test]
    fn keys_and_values_cannot_run_into_each_other() {
        let mut one = Vars::new();
        one.insert("ab", "c");
        let mut two = Vars::new();
        two.insert("a", "bc");
        assert_ne!(one.digest(), two.digest());
        let mut order = Vars::new();
        order.insert("title", "Hello");
        order.insert("page", "x");
        let mut other = Vars::new();
        other.insert("page", "x");
        other.insert("title", "Hello");
        assert_ne!(order.digest(), other.digest());
    }
}
