//! A serde serializer that writes a value for a digest: every part of it
//! tagged and every string and list prefixed with its length, so that two
//! different values never write the same bytes.
//!
//! Hand-written because no format we have fits: JSON (what `Vars` used)
//! scans every byte of every string to escape it, which was most of the
//! time spent digesting a page's context, and compact binary formats such
//! as postcard leave out field names and cannot write a map of unknown
//! length (`#[serde(flatten)]`), so two values of different shapes could
//! write the same bytes.

use serde::Serialize;
use serde::ser;

/// Why a value could not be written (serde's custom errors only: this
/// serializer accepts every value serde can describe).
#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Appends `value`'s digest form to `out`.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    value.serialize(&mut Writer(out))
}

/// What each part of a value starts with.
mod tag {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const UINT: u8 = 3;
    pub const F32: u8 = 4;
    pub const F64: u8 = 5;
    pub const CHAR: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const NONE: u8 = 9;
    pub const SOME: u8 = 10;
    pub const UNIT: u8 = 11;
    pub const UNIT_STRUCT: u8 = 12;
    pub const UNIT_VARIANT: u8 = 13;
    pub const NEWTYPE_STRUCT: u8 = 14;
    pub const NEWTYPE_VARIANT: u8 = 15;
    pub const SEQ: u8 = 16;
    pub const TUPLE: u8 = 17;
    pub const TUPLE_STRUCT: u8 = 18;
    pub const TUPLE_VARIANT: u8 = 19;
    pub const MAP: u8 = 20;
    pub const STRUCT: u8 = 21;
    pub const STRUCT_VARIANT: u8 = 22;
    /// Before each element of a list or map, each field of a struct.
    pub const ITEM: u8 = 23;
    /// After the last.
    pub const END: u8 = 24;
    pub const I128: u8 = 25;
    pub const U128: u8 = 26;
}

struct Writer<'o>(&'o mut Vec<u8>);

impl Writer<'_> {
    fn tag(&mut self, tag: u8) {
        self.0.push(tag);
    }

    fn len(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn text(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    /// A variant: its type's name, its index and its name.
    fn variant(&mut self, tag: u8, name: &str, index: u32, variant: &str) {
        self.tag(tag);
        self.text(name);
        self.0.extend_from_slice(&index.to_le_bytes());
        self.text(variant);
    }
}

impl<'w, 'o> ser::Serializer for &'w mut Writer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tag(tag::BOOL);
        self.0.push(u8::from(v));
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.tag(tag::INT);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.tag(tag::I128);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.tag(tag::UINT);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.tag(tag::U128);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.tag(tag::F32);
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tag(tag::F64);
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.tag(tag::CHAR);
        self.0.extend_from_slice(&u32::from(v).to_le_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.tag(tag::STR);
        self.text(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.tag(tag::BYTES);
        self.len(v.len());
        self.0.extend_from_slice(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.tag(tag::NONE);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.tag(tag::SOME);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.tag(tag::UNIT);
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.tag(tag::UNIT_STRUCT);
        self.text(name);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.variant(tag::UNIT_VARIANT, name, index, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tag(tag::NEWTYPE_STRUCT);
        self.text(name);
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(tag::NEWTYPE_VARIANT, name, index, variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self, Error> {
        self.tag(tag::TUPLE);
        Ok(self)
    }

    fn serialize_tuple_struct(self, name: &'static str, _len: usize) -> Result<Self, Error> {
        self.tag(tag::TUPLE_STRUCT);
        self.text(name);
        Ok(self)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.variant(tag::TUPLE_VARIANT, name, index, variant);
        Ok(self)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::MAP);
        Ok(self)
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Self, Error> {
        self.tag(tag::STRUCT);
        self.text(name);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.variant(tag::STRUCT_VARIANT, name, index, variant);
        Ok(self)
    }
}

/// An element of a list: `ITEM` before it, `END` after the last, so a
/// list's end is never taken for part of what follows.
fn item<T: Serialize + ?Sized>(w: &mut Writer, value: &T) -> Result<(), Error> {
    w.tag(tag::ITEM);
    value.serialize(w)
}

fn end(w: &mut Writer) -> Result<(), Error> {
    w.tag(tag::END);
    Ok(())
}

/// The four kinds of list serde knows write alike: each element an
/// [`item`], then [`end`].
macro_rules! list {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for &mut Writer<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                item(self, value)
            }

            fn end(self) -> Result<(), Error> {
                end(self)
            }
        }
    )*};
}

list!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A map entry is `ITEM`, its key, then its value: both are values,
/// each self-delimiting, so no tag is needed between them.
impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        item(self, key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Error> {
        end(self)
    }
}

/// A field is `ITEM`, its name, then its value; a skipped field writes
/// nothing, and the names tell which fields are there.
fn field<T: Serialize + ?Sized>(w: &mut Writer, key: &str, value: &T) -> Result<(), Error> {
    w.tag(tag::ITEM);
    w.text(key);
    value.serialize(w)
}

/// Structs and struct variants write alike: each field a [`field`], then
/// [`end`].
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl ser::$kind for &mut Writer<'_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                field(self, key, value)
            }

            fn end(self) -> Result<(), Error> {
                end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        write(value, &mut out).unwrap();
        out
    }

    #[derive(Serialize)]
    struct Skips {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Inner {
        x: u32,
    }

    #[derive(Serialize)]
    struct Flat {
        #[serde(flatten)]
        inner: Inner,
        y: u32,
    }

    #[test]
    fn values_that_differ_write_different_bytes() {
        let pairs: Vec<(Vec<u8>, Vec<u8>)> = vec![
            // A skipped field is told from another by its name.
            (
                bytes(&Skips {
                    a: Some("x"),
                    b: None,
                }),
                bytes(&Skips {
                    a: None,
                    b: Some("x"),
                }),
            ),
            // Where one string ends and the next begins.
            (bytes(&("ab", "c")), bytes(&("a", "bc"))),
            // A list's end.
            (bytes(&(vec!["a"], "b")), bytes(&(vec!["a", "b"],))),
            (bytes(&Vec::<u8>::new()), bytes(&())),
            // Types of the same bits.
            (bytes(&1u32), bytes(&1i32)),
            (bytes(&1.0f64), bytes(&1u64)),
            (bytes(&None::<u8>), bytes(&Some(()))),
            (bytes(&"1"), bytes(&'1')),
            (bytes(&true), bytes(&1u8)),
        ];
        for (i, (one, two)) in pairs.iter().enumerate() {
            assert_ne!(one, two, "pair {i}");
        }
    }

    #[test]
    fn maps_of_unknown_length_and_every_shape_write() {
        // `flatten` serialises a struct as a map of unknown length, which
        // postcard refuses.
        let flat = bytes(&Flat {
            inner: Inner { x: 1 },
            y: 2,
        });
        assert_ne!(
            flat,
            bytes(&Flat {
                inner: Inner { x: 2 },
                y: 1,
            })
        );
        // Tuple keys, which JSON refuses, are values like any other.
        let grid: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        assert_ne!(bytes(&grid), bytes(&BTreeMap::<(u8, u8), u8>::new()));
        let json = serde_json::json!({"a": [1, 2.5, null, "x", {"b": true}]});
        assert_eq!(bytes(&json), bytes(&json.clone()));
        assert_ne!(
            bytes(&json),
            bytes(&serde_json::json!({"a": [1, 2.5, null, "x"]}))
        );
    }
}
