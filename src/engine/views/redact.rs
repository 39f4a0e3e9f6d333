//! R-PLAN-9: hiding numbers that identify or reach someone (personnummer, samordningsnummer, phone numbers) from
//! text shown where it must not be (the meeting room's big screen). Decided here, once.
//!
//! The text is first folded the way Unicode NFKC folds digits and separators — and further: every script's decimal
//! digits (Arabic-Indic, Devanagari, full-width, mathematical …), which NFKC leaves as they are, count as digits
//! too, and format characters (zero-width space, soft hyphen, word joiner) are ignored between digits. The folding
//! is a small table rather than a normalisation library: only digits and separators matter here.
//!
//! A *number* is a run of digit groups joined by short runs of separators (space, no-break space, `- + . / ( )`,
//! every dash), so `070 - 111 22 33`, `+46 (0)70-111 22 33`, `070.111.22.33` and `121212+1212` are each one
//! number. Dates (`2026-12-01`, `1.12.2026`) and times (`10.00`) are recognised first and kept, so a date and a
//! time next to each other are never read as one long number. What remains is hidden when it has 10 or more digits
//! (identity numbers, phone numbers with area code) or when it starts with `0` or `+` and has 6 or more digits
//! (phone numbers).

/// What a hidden number is replaced with.
pub const HIDDEN_NUMBER_SV: &str = "(nummer dolt)";

/// The zero of every run of ten decimal digits in Unicode (general category Nd, Unicode 14).
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// A character as the number scanner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Folded {
    Digit(u8),
    /// One of ` - + . / ( )` after folding.
    Sep(char),
    /// A format character that is invisible between digits (zero-width space, soft hyphen, word joiner).
    Ignorable,
    Other,
}

/// The value of a digit in any script, or of a compatibility digit NFKC maps to one (superscript, subscript,
/// circled).
fn digit_value(c: char) -> Option<u8> {
    let cp = c as u32;
    if let Some(z) = DIGIT_ZEROS.iter().rev().find(|z| **z <= cp) {
        if cp - z < 10 {
            return Some((cp - z) as u8);
        }
    }
    match cp {
        0xB9 => Some(1),
        0xB2 => Some(2),
        0xB3 => Some(3),
        0x2070 => Some(0),
        0x2074..=0x2079 => Some((cp - 0x2070) as u8),
        0x2080..=0x2089 => Some((cp - 0x2080) as u8),
        0x2460..=0x2468 => Some((cp - 0x2460 + 1) as u8),
        0x24EA => Some(0),
        _ => None,
    }
}

fn fold(c: char) -> Folded {
    if let Some(d) = digit_value(c) {
        return Folded::Digit(d);
    }
    let sep = match c {
        ' ' | '-' | '+' | '.' | '/' | '(' | ')' => c,
        // Spaces: no-break, en/em/thin/figure/narrow no-break, ideographic …
        '\t'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => ' ',
        // Dashes and minus signs.
        '\u{58A}'
        | '\u{5BE}'
        | '\u{1400}'
        | '\u{1806}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E17}'
        | '\u{2E1A}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{2E40}'
        | '\u{301C}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => '-',
        '\u{207A}' | '\u{208A}' | '\u{FB29}' | '\u{FE62}' | '\u{FF0B}' => '+',
        '\u{2024}' | '\u{FE52}' | '\u{FF0E}' => '.',
        '\u{2044}' | '\u{2215}' | '\u{FF0F}' => '/',
        '\u{207D}' | '\u{208D}' | '\u{FE35}' | '\u{FE59}' | '\u{FF08}' => '(',
        '\u{207E}' | '\u{208E}' | '\u{FE36}' | '\u{FE5A}' | '\u{FF09}' => ')',
        '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => {
            return Folded::Ignorable
        }
        _ => return Folded::Other,
    };
    Folded::Sep(sep)
}

/// A group of digits: `start..end` in the text's chars, and the digits themselves.
struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    /// The separators between the previous group and this one, folded ("" for the first group).
    joined_by: String,
}

impl Group {
    fn value(&self) -> u32 {
        self.digits.iter().fold(0, |a, d| a * 10 + u32::from(*d))
    }
}

/// At most this many separator characters join two digit groups into one number (" - " is three).
const MAX_JOIN: usize = 3;

/// Reads the digit groups of the number that starts at `i` (a digit); returns them and the index after the last.
fn read_number(f: &[Folded], i: usize) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut j = i;
    let mut joined_by = String::new();
    loop {
        let start = j;
        let mut digits = Vec::new();
        while j < f.len() {
            match f[j] {
                Folded::Digit(d) => digits.push(d),
                Folded::Ignorable => {}
                _ => break,
            }
            j += 1;
        }
        groups.push(Group {
            start,
            end: j,
            digits,
            joined_by: std::mem::take(&mut joined_by),
        });
        // A short run of separators followed by a digit continues the number.
        let mut k = j;
        let mut seps = String::new();
        while k < f.len() && seps.chars().count() <= MAX_JOIN {
            match f[k] {
                Folded::Sep(c) => seps.push(c),
                Folded::Ignorable => {}
                _ => break,
            }
            k += 1;
        }
        let continues = !seps.is_empty()
            && seps.chars().count() <= MAX_JOIN
            && matches!(f.get(k), Some(Folded::Digit(_)));
        if !continues {
            return groups;
        }
        joined_by = seps;
        j = k;
    }
}

/// The number of groups a date starting at `g` spans (`2026-12-01`, `2026/12/01`, `1.12.2026`, `01/12/2026`).
fn date_at(groups: &[Group], g: usize) -> Option<usize> {
    let [a, b, c] = groups.get(g..g + 3)? else {
        return None;
    };
    let same_sep = b.joined_by == c.joined_by && matches!(b.joined_by.as_str(), "-" | "/" | ".");
    if !same_sep {
        return None;
    }
    let lens = (a.digits.len(), b.digits.len(), c.digits.len());
    let (y, m, d) = match lens {
        (4, 2, 2) => (a.value(), b.value(), c.value()),
        (1 | 2, 1 | 2, 4) if b.joined_by != "-" => (c.value(), b.value(), a.value()),
        _ => return None,
    };
    ((1900..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(3)
}

/// A time (`10.00`, `8.30`) at group `g`: hour and minutes joined by a point.
fn time_at(groups: &[Group], g: usize) -> bool {
    let Some([h, m]) = groups.get(g..g + 2) else {
        return false;
    };
    m.joined_by == "."
        && matches!(h.digits.len(), 1 | 2)
        && m.digits.len() == 2
        && h.value() <= 23
        && m.value() <= 59
}

/// Which groups are dates or times, kept as they are.
fn kept_groups(groups: &[Group]) -> Vec<bool> {
    let mut kept = vec![false; groups.len()];
    let mut g = 0;
    while g < groups.len() {
        if let Some(n) = date_at(groups, g) {
            // A date followed by four digits is an identity number written with a full date.
            let identity = groups.get(g + n).is_some_and(|next| {
                next.digits.len() == 4 && matches!(next.joined_by.as_str(), "-" | "+")
            });
            if !identity {
                kept[g..g + n].iter_mut().for_each(|k| *k = true);
            }
            g += n + usize::from(identity);
            continue;
        }
        // A time only where a number cannot be running through it: first in the run, or after a kept date or
        // time ("2026-12-01 10.00", "10.00-12.00"); "070.111.22.33" is no time.
        let boundary = g == 0 || kept[g - 1];
        let continues_dotted = groups.get(g + 2).is_some_and(|n| n.joined_by == ".");
        if boundary && !continues_dotted && time_at(groups, g) {
            kept[g] = true;
            kept[g + 1] = true;
            g += 2;
            continue;
        }
        g += 1;
    }
    kept
}

/// A stretch of groups that is a number to hide.
fn hidden(groups: &[Group], plus: bool) -> bool {
    let digits: usize = groups.iter().map(|g| g.digits.len()).sum();
    let first_zero = groups
        .first()
        .and_then(|g| g.digits.first())
        .is_some_and(|d| *d == 0);
    digits >= 10 || ((first_zero || plus) && digits >= 6)
}

/// Where a number starts at `i`: the index of its first digit and whether a leading `+` (international) comes
/// before it. A leading `+` or `(` (or `+(`) belongs to the number when it starts a word.
fn number_start(f: &[Folded], i: usize) -> Option<(usize, bool)> {
    let word_start = i == 0 || matches!(f[i - 1], Folded::Other | Folded::Sep(' '));
    match f[i] {
        Folded::Digit(_) => {
            let after_digit = i > 0 && matches!(f[i - 1], Folded::Digit(_) | Folded::Ignorable);
            (!after_digit).then_some((i, false))
        }
        Folded::Sep(c @ ('+' | '(')) if word_start => {
            let mut j = i + 1;
            if c == '+' && f.get(j) == Some(&Folded::Sep('(')) {
                j += 1;
            }
            matches!(f.get(j), Some(Folded::Digit(_))).then_some((j, c == '+'))
        }
        _ => None,
    }
}

/// Replaces identity and phone numbers in `text` with [`HIDDEN_NUMBER_SV`]; everything else stays as written.
pub fn redact(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let f: Vec<Folded> = chars.iter().map(|c| fold(*c)).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let Some((first_digit, plus)) = number_start(&f, i) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        let groups = read_number(&f, first_digit);
        let kept = kept_groups(&groups);
        // `cursor`: the first char not yet written.
        let mut cursor = i;
        let mut g = 0;
        while g < groups.len() {
            if kept[g] {
                g += 1;
                continue;
            }
            let from = g;
            while g < groups.len() && !kept[g] {
                g += 1;
            }
            let stretch = &groups[from..g];
            if hidden(stretch, from == 0 && plus) {
                // The first stretch takes the leading sign with it.
                let start = if from == 0 { i } else { stretch[0].start };
                out.extend(&chars[cursor..start]);
                out.push_str(HIDDEN_NUMBER_SV);
                cursor = stretch[stretch.len() - 1].end;
            }
        }
        let end = groups.last().map_or(first_digit + 1, |g| g.end);
        out.extend(&chars[cursor..end]);
        i = end;
    }
    out
}
