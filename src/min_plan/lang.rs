//! The fixed texts of "Min plan", one catalogue file per language (`lang/*.txt`, `key = text` per line). The plan's
//! own words are not translated: they stay as they were written.

/// One language of the view.
pub struct Lang {
    /// Kept on the device and in the language menu's values.
    pub code: &'static str,
    /// The page's `lang` attribute.
    pub html_lang: &'static str,
    /// `rtl` for Arabic.
    pub dir: &'static str,
    catalogue: &'static str,
}

pub const LANGS: [Lang; 4] = [
    Lang {
        code: "sv",
        html_lang: "sv",
        dir: "ltr",
        catalogue: include_str!("lang/sv.txt"),
    },
    Lang {
        code: "lattlast",
        html_lang: "sv",
        dir: "ltr",
        catalogue: include_str!("lang/lattlast.txt"),
    },
    Lang {
        code: "en",
        html_lang: "en",
        dir: "ltr",
        catalogue: include_str!("lang/en.txt"),
    },
    Lang {
        code: "ar",
        html_lang: "ar",
        dir: "rtl",
        catalogue: include_str!("lang/ar.txt"),
    },
];

/// The `key = text` lines of a catalogue (comments and blank lines left out).
pub fn entries(catalogue: &str) -> impl Iterator<Item = (&str, &str)> {
    catalogue
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
}

impl Lang {
    /// The text for `key`; the Swedish one when this catalogue lacks it (a test holds every key in every file).
    pub fn t(&self, key: &str) -> &'static str {
        entries(self.catalogue)
            .chain(entries(LANGS[0].catalogue))
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v)
    }

    pub fn by_code(code: &str) -> &'static Lang {
        LANGS.iter().find(|l| l.code == code).unwrap_or(&LANGS[0])
    }
}
