//! The embedded font, parsed once per process, and text measurement with its
//! advance widths (the same widths printpdf writes into the PDF's /W array).

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::{PacketError, FONT};

pub(crate) struct Font {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Advance of the ASCII characters, in em.
    ascii: [f32; 128],
}

static LOADED: OnceLock<Result<Font, String>> = OnceLock::new();

/// The shipped font, parsed on first use and kept for the process.
pub(crate) fn font() -> Result<&'static Font, PacketError> {
    LOADED
        .get_or_init(|| Font::parse(FONT, 0))
        .as_ref()
        .map_err(|e| PacketError::Font(e.clone()))
}

impl Font {
    fn parse(bytes: &[u8], face: usize) -> Result<Font, String> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, face, &mut warnings).ok_or_else(|| {
            let detail: Vec<String> = warnings.iter().map(|w| format!("{w:?}")).collect();
            format!("face {face} could not be parsed ({})", detail.join("; "))
        })?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut font = Font {
            parsed,
            units_per_em,
            ascii: [0.0; 128],
        };
        let mut ascii = [0.0; 128];
        for (code, slot) in ascii.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(code as u32) {
                *slot = font.advance_uncached(c);
            }
        }
        font.ascii = ascii;
        Ok(font)
    }

    fn advance_uncached(&self, c: char) -> f32 {
        // A character the font lacks is drawn as glyph 0 (.notdef).
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em
    }

    /// The advance of `c` in em.
    pub(crate) fn advance(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(a) => *a,
            None => self.advance_uncached(c),
        }
    }

    /// The width of `s` at `size` pt, in pt.
    pub(crate) fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

/// Characters between which a line may break without a space: CJK
/// ideographs, kana, hangul, CJK punctuation and full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Punctuation that must not start a line (it stays with what precedes it).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '…'
            | '·'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
    )
}

/// Punctuation that must not end a line (it stays with what follows it).
fn no_break_after(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '《' | '〈' | '“' | '‘')
}

/// Printable text: tabs become spaces, other control characters are dropped.
fn clean(line: &str) -> String {
    line.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

enum Token {
    Space(String),
    Word(String),
}

/// Words (runs of non-space, non-CJK characters), single CJK characters
/// (with their attached punctuation) and runs of spaces.
fn tokens(line: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut word = String::new();
    let mut glue_next = false; // the previous token must not be followed by a break
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    for c in line.chars() {
        if c == ' ' {
            flush(&mut word, &mut out);
            match out.last_mut() {
                Some(Token::Space(s)) => s.push(c),
                _ => out.push(Token::Space(c.to_string())),
            }
            glue_next = false;
        } else if no_break_before(c) {
            // Stays with the preceding word or CJK character.
            match out.last_mut() {
                Some(Token::Word(w)) if word.is_empty() => w.push(c),
                _ => word.push(c),
            }
            if is_cjk(c) {
                flush(&mut word, &mut out);
            }
            glue_next = false;
        } else if is_cjk(c) {
            if !glue_next {
                flush(&mut word, &mut out);
            }
            word.push(c);
            glue_next = no_break_after(c);
            if !glue_next {
                flush(&mut word, &mut out);
            }
        } else {
            word.push(c);
            glue_next = false;
        }
    }
    flush(&mut word, &mut out);
    out
}

impl Font {
    /// Breaks `text` into lines no wider than `width` pt at `size` pt.
    /// '\n' starts a new line; Latin text breaks at spaces, CJK text between
    /// any two characters, and a word longer than the line anywhere.
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let max = (width / size).max(0.0);
        let mut lines = Vec::new();
        for raw in text.split('\n') {
            let para = clean(raw);
            let mut line = String::new();
            let mut lw = 0.0_f32;
            let push = |line: &mut String, lw: &mut f32, lines: &mut Vec<String>| {
                let trimmed = line.trim_end().len();
                line.truncate(trimmed);
                lines.push(std::mem::take(line));
                *lw = 0.0;
            };
            for token in tokens(&para) {
                match token {
                    Token::Space(s) => {
                        if !line.is_empty() {
                            lw += s.chars().map(|c| self.advance(c)).sum::<f32>();
                            line.push_str(&s);
                        }
                    }
                    Token::Word(w) => {
                        let ww: f32 = w.chars().map(|c| self.advance(c)).sum();
                        if lw + ww <= max {
                            line.push_str(&w);
                            lw += ww;
                        } else if ww <= max {
                            push(&mut line, &mut lw, &mut lines);
                            line.push_str(&w);
                            lw = ww;
                        } else {
                            // Longer than a whole line: fill the line, then break
                            // anywhere (URLs, hashes).
                            if max - lw < max * 0.25 && !line.trim().is_empty() {
                                push(&mut line, &mut lw, &mut lines);
                            }
                            for c in w.chars() {
                                let cw = self.advance(c);
                                if lw + cw > max && !line.trim().is_empty() {
                                    push(&mut line, &mut lw, &mut lines);
                                }
                                line.push(c);
                                lw += cw;
                            }
                        }
                    }
                }
            }
            push(&mut line, &mut lw, &mut lines);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> &'static Font {
        font().expect("the shipped font parses")
    }

    #[test]
    fn measures_latin_and_cjk() {
        let f = f();
        assert!(f.width("M", 10.0) > 0.0);
        // Ideographs are square: one em wide.
        assert!((f.width("中", 10.0) - 10.0).abs() < 1.5);
    }

    #[test]
    fn wraps_long_words_within_width() {
        let f = f();
        let url = format!("https://example.com/{}", "a1b2c3d4".repeat(40));
        let lines = f.wrap(&url, 9.5, 150.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(f.width(l, 9.5) <= 150.0 + 0.01, "{l}");
        }
        assert_eq!(lines.concat(), url);
    }

    #[test]
    fn wraps_cjk_between_characters_and_latin_at_spaces() {
        let f = f();
        let lines = f.wrap("义乌市极光数码配件厂，义乌市极光数码配件厂", 10.0, 45.0);
        assert!(lines.len() >= 4);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
        let lines = f.wrap("the quick brown fox jumps over the lazy dog", 10.0, 60.0);
        assert!(lines
            .iter()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(
            lines.join(" "),
            "the quick brown fox jumps over the lazy dog"
        );
    }

    #[test]
    fn keeps_empty_lines_and_drops_control_characters() {
        let f = f();
        assert_eq!(f.wrap("a\n\nb\u{7}", 10.0, 100.0), vec!["a", "", "b"]);
        assert_eq!(f.wrap("", 10.0, 100.0), vec![""]);
    }
}
