//! The calendar, shared by `page` (the publication date) and `extract` (dates in the text): civil
//! dates as (year, month, day), day counts, ISO strings, and day numbers without their ordinal
//! suffix ("1er", "21st").

use std::sync::OnceLock;

pub type Ymd = (i32, u32, u32);

pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// 0 = Monday.
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7)) as u32
}

pub fn iso(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

pub fn parse_iso(s: &str) -> Option<Ymd> {
    let s = s.get(..10)?;
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    valid((y, m, d))
}

/// The date when it is a day of a month between 1800 and 2200.
pub fn valid(d: Ymd) -> Option<Ymd> {
    let dim = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (d.1 >= 1 && d.1 <= 12 && d.2 >= 1 && d.2 <= dim[d.1 as usize - 1] && d.0 > 1800 && d.0 < 2200)
        .then_some(d)
}

/// A day number without its ordinal suffix ("1er", "21st" → "1", "21"): the suffixes of every
/// language's data/<lang>/ordinal_suffixes.txt, removed until none is left.
pub fn strip_ordinal(s: &str) -> &str {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    let sufs = S.get_or_init(|| {
        crate::lang::table_all("ordinal_suffixes")
            .map(|(_, w)| w.to_string())
            .collect()
    });
    let mut s = s;
    loop {
        let len = s.len();
        for suf in sufs {
            s = s.trim_end_matches(suf.as_str());
        }
        if s.len() == len {
            return s;
        }
    }
}
