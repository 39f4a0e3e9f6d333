//! Writing the app's JSON (the stored case) with little code: the same compact text `serde_json::to_vec` writes,
//! byte for byte (tests compare the two on every kind of case), through a serializer whose per-field steps are
//! calls rather than inlined code — with the case model, serde_json's writer was one of the largest parts of the
//! app's download. Numbers: integers (the model has no others; a fraction is written as Rust prints it).

use serde::ser::{self, Serialize};
use std::fmt;

/// A value that cannot be written as JSON (a map with a key that is not a string or an integer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteError;

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("kan inte skrivas som JSON")
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        WriteError
    }
}

/// `value` as compact JSON text.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, WriteError> {
    let mut w = Writer(String::new());
    value.serialize(&mut w)?;
    Ok(w.0.into_bytes())
}

/// The text being written.
pub struct Writer(String);

impl Writer {
    #[inline(never)]
    fn str(&mut self, s: &str) {
        let out = &mut self.0;
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(HEX[(c as usize) >> 4] as char);
                    out.push(HEX[(c as usize) & 0xf] as char);
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    #[inline(never)]
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// An integer: its sign and magnitude (every integer type of the model fits).
    #[inline(never)]
    fn int(&mut self, negative: bool, magnitude: u64) {
        if negative {
            self.0.push('-');
        }
        self.0.push_str(&magnitude.to_string());
    }

    fn signed(&mut self, n: i64) {
        self.int(n < 0, n.unsigned_abs());
    }

    /// `,` before every element but the first, then `"key":` when there is a key.
    #[inline(never)]
    fn next(&mut self, first: &mut bool, key: Option<&str>) {
        if !std::mem::take(first) {
            self.0.push(',');
        }
        if let Some(k) = key {
            self.str(k);
            self.0.push(':');
        }
    }

    /// `{"variant":` — the opening of an enum variant with content.
    fn variant(&mut self, variant: &str) {
        self.0.push('{');
        self.str(variant);
        self.0.push(':');
    }
}

/// A compound being written (array, object), and whether its next element is the first; `close` ends it (with the
/// brace of a variant's object when there is one).
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl<'a> Compound<'a> {
    fn open(w: &'a mut Writer, open: &str, close: &'static str) -> Compound<'a> {
        w.raw(open);
        Compound {
            w,
            first: true,
            close,
        }
    }

    fn element<T: Serialize + ?Sized>(
        &mut self,
        key: Option<&str>,
        v: &T,
    ) -> Result<(), WriteError> {
        self.w.next(&mut self.first, key);
        v.serialize(&mut *self.w)
    }

    fn end(self) -> Result<(), WriteError> {
        self.w.raw(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        self.int(false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), WriteError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), WriteError> {
        self.raw(&if v.is_finite() {
            v.to_string()
        } else {
            "null".into()
        });
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), WriteError> {
        let mut seq = Compound::open(self, "[", "]");
        for b in v {
            seq.element(None, b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), WriteError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        self.variant(variant);
        v.serialize(&mut *self)?;
        self.raw("}");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.variant(variant);
        Ok(Compound::open(self, "[", "]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, "{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, "{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.variant(variant);
        Ok(Compound::open(self, "{", "}}"))
    }
}

/// A compound's serde trait, by its element method: arrays' elements have no key, objects' fields have one.
macro_rules! compound {
    ($t:ident :: $f:ident ($($key:ident)?)) => {
        impl ser::$t for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn $f<T: Serialize + ?Sized>(
                &mut self,
                $($key: &'static str,)?
                v: &T,
            ) -> Result<(), WriteError> {
                self.element(None $(.or(Some($key)))?, v)
            }
            fn end(self) -> Result<(), WriteError> {
                Compound::end(self)
            }
        }
    };
}

compound!(SerializeSeq::serialize_element());
compound!(SerializeTuple::serialize_element());
compound!(SerializeTupleStruct::serialize_field());
compound!(SerializeTupleVariant::serialize_field());
compound!(SerializeStruct::serialize_field(key));
compound!(SerializeStructVariant::serialize_field(key));

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.w.next(&mut self.first, None);
        // A key is a string; an integer key is written quoted, as serde_json does.
        let mut k = Writer(String::new());
        key.serialize(&mut k)?;
        if k.0.starts_with('"') {
            self.w.raw(&k.0);
        } else if !k.0.is_empty() && k.0.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            self.w.str(&k.0);
        } else {
            return Err(WriteError);
        }
        self.w.raw(":");
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::to_vec;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    enum Kind {
        Unit,
        New(u32),
        Tuple(i8, bool),
        Fields { a: Option<String>, b: Vec<u8> },
    }

    #[derive(Serialize)]
    struct Record {
        text: String,
        kinds: Vec<Kind>,
        map: BTreeMap<u32, char>,
        names: BTreeMap<String, ()>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        negative: i64,
        big: u64,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut map = BTreeMap::new();
        map.insert(7, 'å');
        map.insert(12, '"');
        let mut names = BTreeMap::new();
        names.insert("nyckel \"x\"".to_string(), ());
        let r = Record {
            text: "citat \" \\ ny\nrad\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} åäö 😀 \u{2028}".into(),
            kinds: vec![
                Kind::Unit,
                Kind::New(3),
                Kind::Tuple(-4, true),
                Kind::Fields {
                    a: None,
                    b: vec![0, 255],
                },
                Kind::Fields {
                    a: Some(String::new()),
                    b: vec![],
                },
            ],
            map,
            names,
            skipped: None,
            negative: i64::MIN,
            big: u64::MAX,
        };
        assert_eq!(to_vec(&r).unwrap(), serde_json::to_vec(&r).unwrap());
    }
}
