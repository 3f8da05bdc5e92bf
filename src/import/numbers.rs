//! Numbers as Amazon writes them, parsed from bytes without allocating:
//! `"$1,234.56"`, `£`, `€`, `¥`/`￥`, `₹1,08,218.36`, `Rs.201.68`, `12.34%`,
//! `1,500.00%`, `"1,091"`, `$0.5566667000000001`, `5.255,61 €`. Blanks, `--`,
//! `N/A` and `Infinite` are missing, which is not zero.

/// A decimal read from text: `mantissa × 10^-scale`, a percentage when it ended in `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i64,
    pub scale: u32,
    pub percent: bool,
}

/// The text is not a number in any format Amazon uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// Most significant digits kept; later fraction digits are dropped (an i64 holds 18).
const MAX_DIGITS: u32 = 18;

impl Decimal {
    /// The value as a float; a percentage becomes a fraction (`12.5%` → 0.125).
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        let value = self.mantissa as f64 / 10f64.powi(self.scale.cast_signed());
        if self.percent { value / 100.0 } else { value }
    }

    /// The value rounded half away from zero to `places` decimals, as an integer.
    pub fn round_to(self, places: u32) -> i64 {
        if self.scale <= places {
            return self
                .mantissa
                .saturating_mul(10i64.saturating_pow(places - self.scale));
        }
        let divisor = 10i64.pow(self.scale - places);
        let (quotient, remainder) = (self.mantissa / divisor, self.mantissa % divisor);
        if remainder.abs() * 2 >= divisor {
            quotient + self.mantissa.signum()
        } else {
            quotient
        }
    }

    /// The value as a whole number, if it has no fraction (`42` or `42.0`).
    pub fn to_integer(self) -> Option<i64> {
        if self.percent {
            return None;
        }
        let divisor = 10i64.pow(self.scale);
        (self.mantissa % divisor == 0).then(|| self.mantissa / divisor)
    }
}

/// Whether a cell's text stands for "no value".
pub fn is_missing(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    text.is_empty()
        || matches!(
            text,
            b"--" | b"-" | b"N/A" | b"n/a" | b"NA" | b"Infinite" | b"infinite"
        )
}

/// Which separator a column's numbers use for decimals, as far as its cells
/// have shown: `1.234,56` shows `European`, `1,234.56` or `4.81` `English`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Separators {
    Unknown = 0,
    English = 1,
    European = 2,
}

impl Separators {
    pub fn from_u8(value: u8) -> Self {
        match value {
            1 => Separators::English,
            2 => Separators::European,
            _ => Separators::Unknown,
        }
    }
}

/// Parses a number; `Ok(None)` for a missing value.
pub fn parse_decimal(text: &[u8]) -> Result<Option<Decimal>, NotANumber> {
    parse_decimal_in(text, || Separators::Unknown).map(|(decimal, _)| decimal)
}

/// Parses a number of a column whose cells have shown `column()` so far
/// (asked only for an ambiguous cell); also returns what this cell shows of
/// the column's separators (`European` for a decimal comma, else `Unknown`:
/// English is what an ambiguous cell means without a sign).
pub fn parse_decimal_in(
    text: &[u8],
    column: impl FnOnce() -> Separators,
) -> Result<(Option<Decimal>, Separators), NotANumber> {
    let column = match parse_simple(text) {
        Some(decimal) if !is_ambiguous(text, decimal) => {
            return Ok((Some(decimal), Separators::Unknown));
        }
        // `1.234` or `1,234`: the column decides.
        Some(decimal) => match column() {
            Separators::European => Separators::European,
            _ => return Ok((Some(decimal), Separators::Unknown)),
        },
        None => column(),
    };
    if is_missing(text) {
        return Ok((None, Separators::Unknown));
    }
    let text = text.trim_ascii();
    let first = text.iter().position(u8::is_ascii_digit).ok_or(NotANumber)?;
    let last = text
        .iter()
        .rposition(u8::is_ascii_digit)
        .ok_or(NotANumber)?;
    let (prefix, body, suffix) = (&text[..first], &text[first..=last], &text[last + 1..]);
    let negative = read_prefix(prefix)?;
    let percent = read_suffix(suffix)?;
    // A currency written after the amount (`1.234 €`) is the European style.
    let column = match column {
        Separators::Unknown if !percent && suffix.iter().any(|b| !b.is_ascii()) => {
            Separators::European
        }
        known => known,
    };
    let (mantissa, scale, shown) = read_digits(body, column)?;
    let shown = match shown {
        Separators::European => Separators::European,
        _ => Separators::Unknown,
    };
    Ok((
        Some(Decimal {
            mantissa: if negative { -mantissa } else { mantissa },
            scale,
            percent,
        }),
        shown,
    ))
}

/// Whether a number the fast path read has one separator before exactly
/// three digits (`1.234`, `1,234`), which a column's style must decide.
fn is_ambiguous(text: &[u8], decimal: Decimal) -> bool {
    let maybe = decimal.scale == 3
        || (decimal.scale == 0 && (1_000..1_000_000).contains(&decimal.mantissa));
    maybe && {
        let separators = text.iter().filter(|b| matches!(b, b',' | b'.')).count();
        let last = text.iter().rposition(|b| matches!(b, b',' | b'.'));
        separators == 1
            && last
                .is_some_and(|at| text[at + 1..].iter().filter(|b| b.is_ascii_digit()).count() == 3)
    }
}

/// The common shapes in one pass — `1234`, `1,234`, `$1,234.56`, `12.34%` — or
/// `None` to let the general parser decide (signs, symbols, decimal commas, blanks).
fn parse_simple(text: &[u8]) -> Option<Decimal> {
    let mut bytes = text;
    if let [b'$', rest @ ..] = bytes {
        bytes = rest;
    }
    let mut percent = false;
    if let [rest @ .., b'%'] = bytes {
        bytes = rest;
        percent = true;
    }
    let (mut mantissa, mut scale, mut digits) = (0i64, 0u32, 0u32);
    let mut in_fraction = false;
    let mut group_digits = 0u32;
    for &byte in bytes {
        match byte {
            b'0'..=b'9' if digits < MAX_DIGITS => {
                mantissa = mantissa * 10 + i64::from(byte - b'0');
                digits += 1;
                group_digits += 1;
                scale += u32::from(in_fraction);
            }
            b',' if !in_fraction && digits > 0 && (group_digits == digits || group_digits == 3) => {
                group_digits = 0;
            }
            b'.' if !in_fraction && digits > 0 => in_fraction = true,
            _ => return None,
        }
    }
    // A comma group must have three digits (`1,234`); `12,5` is left to the general parser.
    let grouping_ok = group_digits == digits || in_fraction || group_digits == 3;
    (digits > 0 && grouping_ok && (!in_fraction || scale > 0)).then_some(Decimal {
        mantissa,
        scale,
        percent,
    })
}

/// Currency symbols and a sign before the digits: `$`, `-$`, `($`, `Rs.`, `AED`, `£`.
fn read_prefix(prefix: &[u8]) -> Result<bool, NotANumber> {
    let mut negative = false;
    for &byte in prefix {
        match byte {
            b'-' | b'(' => negative = true,
            b'+' | b' ' | b'.' | b'$' => {}
            b if b.is_ascii_alphabetic() || !b.is_ascii() => {}
            _ => return Err(NotANumber),
        }
    }
    Ok(negative)
}

/// What may follow the digits: `%`, `)` of a negative amount, spaces, a currency symbol.
fn read_suffix(suffix: &[u8]) -> Result<bool, NotANumber> {
    let mut percent = false;
    for &byte in suffix {
        match byte {
            b'%' => percent = true,
            b')' | b' ' => {}
            b if !b.is_ascii() => {}
            _ => return Err(NotANumber),
        }
    }
    Ok(percent)
}

/// Digits with grouping and one decimal separator, Amazon's styles of every
/// marketplace:
/// - both `,` and `.`: the later one is the decimal separator (`1,234.56`,
///   `17.510,95`);
/// - one separator repeated: grouping (`1,234,567`, `1.234.567`);
/// - one separator once, followed by other than three digits: decimal
///   (`12,5`, `4.81`);
/// - one separator once, followed by exactly three digits — the ambiguous
///   case — is decided by the column: in a column whose other cells showed a
///   decimal comma (`17.510,95`), or whose amounts carry their currency after
///   them (`1.234 €`), a `.` groups and a `,` is the decimal separator;
///   otherwise a `,` groups (`3,218`, as every marketplace writes counts) and
///   a `.` is a decimal point (`1.234` ROAS);
/// - spaces, no-break spaces and narrow no-break spaces group (`1 234,56`).
///
/// Returns what the cell shows of its column's separators.
fn read_digits(body: &[u8], column: Separators) -> Result<(i64, u32, Separators), NotANumber> {
    let european = column == Separators::European;
    let last_comma = memchr::memrchr(b',', body);
    let last_dot = memchr::memrchr(b'.', body);
    let dots = memchr::memchr_iter(b'.', body).count();
    let three_after = |at: usize| body[at + 1..].iter().filter(|b| b.is_ascii_digit()).count() == 3;
    let decimal_at = match (last_comma, last_dot) {
        (Some(comma), Some(dot)) => Some(comma.max(dot)),
        (Some(comma), None) => {
            let single = memchr::memchr(b',', body) == Some(comma);
            (single && (european || !three_after(comma))).then_some(comma)
        }
        (None, Some(dot)) => (dots == 1 && !(european && three_after(dot))).then_some(dot),
        (None, None) => None,
    };
    let mut mantissa: i64 = 0;
    let mut scale = 0u32;
    let mut digits = 0u32;
    for (i, &byte) in body.iter().enumerate() {
        match byte {
            b'0'..=b'9' => {
                let in_fraction = decimal_at.is_some_and(|at| i > at);
                if in_fraction && scale >= MAX_DIGITS {
                    continue;
                }
                if digits >= MAX_DIGITS {
                    if in_fraction {
                        continue;
                    }
                    return Err(NotANumber);
                }
                mantissa = mantissa * 10 + i64::from(byte - b'0');
                if mantissa != 0 {
                    digits += 1;
                }
                if in_fraction {
                    scale += 1;
                }
            }
            b',' | b'.' | b' ' => {}
            // U+00A0 and U+202F, as UTF-8 bytes, group digits like a space.
            0xC2 | 0xA0 | 0xE2 | 0x80 | 0xAF if is_space_byte(body, i) => {}
            _ => return Err(NotANumber),
        }
    }
    let shown = match (decimal_at, last_comma, last_dot) {
        (Some(at), Some(comma), _) if at == comma => Separators::European,
        (Some(at), _, Some(dot)) if at == dot => Separators::English,
        _ => Separators::Unknown,
    };
    Ok((mantissa, scale, shown))
}

/// Whether the byte at `i` belongs to a no-break or narrow no-break space.
fn is_space_byte(body: &[u8], i: usize) -> bool {
    let around = |start: usize, len: usize| body.get(start..start + len);
    let spaces: [&[u8]; 2] = ["\u{00A0}".as_bytes(), "\u{202F}".as_bytes()];
    spaces.iter().any(|space| {
        (0..space.len()).any(|offset| {
            i.checked_sub(offset)
                .and_then(|start| around(start, space.len()))
                == Some(*space)
        })
    })
}

/// The ISO currency a money cell's symbol names, e.g. `£12.00` → `GBP`.
pub fn currency_of(text: &[u8]) -> Option<&'static str> {
    let text = std::str::from_utf8(text).ok()?.trim();
    let symbol = text.trim_start_matches(['-', '(']);
    [
        ("US$", "USD"),
        ("C$", "CAD"),
        ("CA$", "CAD"),
        ("A$", "AUD"),
        ("AU$", "AUD"),
        ("$", "USD"),
        ("£", "GBP"),
        ("€", "EUR"),
        ("¥", "JPY"),
        ("￥", "JPY"),
        ("₹", "INR"),
        ("Rs", "INR"),
        ("AED", "AED"),
    ]
    .into_iter()
    .find(|(prefix, _)| symbol.starts_with(prefix))
    .map(|(_, code)| code)
    .or_else(|| text.ends_with('€').then_some("EUR"))
}

#[cfg(test)]
#[path = "numbers_tests.rs"]
mod tests;
