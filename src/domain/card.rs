//! The shareable card, laid out as data: every text line, bar, QR code and
//! signature stroke with its box. The web module only draws what this says,
//! so the layout rules (nothing outside the card, nothing on top of anything
//! else, long names wrapped or shortened) are tested on the host.

use qrcode::{Color as QrColor, EcLevel, QrCode};

use super::DrawnSignature;

/// The three image formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardFormat {
    /// 1200×630: link posts (X, LinkedIn, Facebook).
    Landscape,
    /// 1080×1080: feeds, Instagram.
    Square,
    /// 1080×1920: stories.
    Story,
}

impl CardFormat {
    pub const ALL: [CardFormat; 3] = [CardFormat::Landscape, CardFormat::Square, CardFormat::Story];

    pub fn size(self) -> (u32, u32) {
        match self {
            CardFormat::Landscape => (1200, 630),
            CardFormat::Square => (1080, 1080),
            CardFormat::Story => (1080, 1920),
        }
    }

    /// "1200x630", for file names and form values.
    pub fn key(self) -> String {
        let (w, h) = self.size();
        format!("{w}x{h}")
    }
}

/// What goes on a card, already in the interface language.
#[derive(Clone, Debug, PartialEq)]
pub struct CardContent {
    pub title: String,
    pub hashtag: String,
    pub name: String,
    /// Commune, list and role, joined.
    pub details: String,
    /// "5 engagements sur 20".
    pub count: String,
    /// Per proposal: short title, commitments taken, commitments in all.
    pub chart: Vec<(String, usize, usize)>,
    pub drawing: Option<DrawnSignature>,
    /// "Signé le 28 novembre 2026".
    pub date: String,
    /// "Clé : XXXX-XXXX-XXXX-XXXX".
    pub fingerprint: String,
    /// The caption under the QR code.
    pub scan_hint: String,
    /// The verification link the QR code opens.
    pub link: String,
}

/// A box on the card, in pixels from the top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// Whether `other` lies within this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right() + 0.01
            && other.bottom() <= self.bottom() + 0.01
    }
}

/// Colours of the card.
pub mod palette {
    pub const PAPER: &str = "#ffffff";
    pub const INK: &str = "#1c1b1f";
    pub const MUTED: &str = "#52505a";
    pub const ACCENT: &str = "#8a1451";
    pub const ON_ACCENT: &str = "#ffffff";
    pub const TRACK: &str = "#efe4ea";
}

fn rgb(hex: &str) -> [u8; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

/// The colours a drawn card may hold: the palette and the blends between
/// the pairs that meet at antialiased edges.
fn card_colours() -> Vec<[u8; 3]> {
    use palette::*;
    let pairs = [
        (PAPER, INK),
        (PAPER, MUTED),
        (PAPER, ACCENT),
        (ACCENT, ON_ACCENT),
        (PAPER, TRACK),
        (TRACK, ACCENT),
        (PAPER, "#000000"),
        (TRACK, INK),
    ];
    let mut colours = Vec::new();
    for (a, b) in pairs {
        let (a, b) = (rgb(a), rgb(b));
        for step in 0..=6u16 {
            let mix =
                |i: usize| ((u16::from(a[i]) * (6 - step) + u16::from(b[i]) * step) / 6) as u8;
            let c = [mix(0), mix(1), mix(2)];
            if !colours.contains(&c) {
                colours.push(c);
            }
        }
    }
    colours
}

/// Encodes an RGBA image as an indexed-colour PNG in the card's palette.
///
/// The browser's own `toBlob` writes 8-bit RGB with fast compression: a
/// story card weighs about 180 KB. Snapped to the palette, indexed and
/// compressed hard, the same card stays well under the 150 KB budget.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Option<Vec<u8>> {
    if rgba.len() != width as usize * height as usize * 4 {
        return None;
    }
    let colours = card_colours();
    let mut last_in = [0u8; 3];
    let mut last_index = 0u8;
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    for px in rgba.chunks_exact(4) {
        let c = [px[0], px[1], px[2]];
        if c != last_in || indices.is_empty() {
            last_in = c;
            last_index = nearest(&colours, c);
        }
        indices.push(last_index);
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(colours.concat());
        encoder.set_compression(png::Compression::Best);
        encoder.set_filter(png::FilterType::NoFilter);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&indices).ok()?;
    }
    Some(out)
}

fn nearest(colours: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let distance = |k: &[u8; 3]| -> i32 {
        (0..3)
            .map(|i| {
                let d = i32::from(k[i]) - i32::from(c[i]);
                d * d
            })
            .sum()
    };
    colours
        .iter()
        .enumerate()
        .min_by_key(|(_, k)| distance(k))
        .map_or(0, |(i, _)| i as u8)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum CardItem {
    /// A filled box (backgrounds, chart bars).
    Fill { rect: Rect, color: &'static str },
    /// Lines of text in a box; each line fits the box's width.
    Text {
        rect: Rect,
        lines: Vec<String>,
        size: f32,
        line_height: f32,
        weight: Weight,
        color: &'static str,
        align: Align,
    },
    /// A QR code: `width`×`width` modules, row by row, `true` for dark, drawn
    /// in `rect` (which includes the quiet zone).
    Qr {
        rect: Rect,
        width: usize,
        dark: Vec<bool>,
    },
    /// A drawn signature, its 128×64 grid scaled into `rect`.
    Drawing {
        rect: Rect,
        strokes: Vec<Vec<(u8, u8)>>,
    },
}

impl CardItem {
    pub fn rect(&self) -> Rect {
        match self {
            CardItem::Fill { rect, .. }
            | CardItem::Text { rect, .. }
            | CardItem::Qr { rect, .. }
            | CardItem::Drawing { rect, .. } => *rect,
        }
    }
}

/// A card ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct CardLayout {
    pub format: CardFormat,
    pub width: f32,
    pub height: f32,
    /// Background fills first, then content, in drawing order.
    pub items: Vec<CardItem>,
}

/// Estimated advance of one character, in ems. The estimate errs wide; the
/// drawing also passes each line's box width to the canvas, which narrows a
/// line rather than let it spill.
fn char_width(c: char, weight: Weight) -> f32 {
    let base = match c {
        'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' | ' ' | '·' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' => 0.9,
        c if c.is_ascii_uppercase() => 0.7,
        c if c.is_ascii() => 0.58,
        // Accented Latin, Greek, Cyrillic, Arabic, Hebrew…
        c if (c as u32) < 0x2E80 => 0.62,
        // CJK, emoji and other wide characters.
        _ => 1.05,
    };
    match weight {
        Weight::Regular => base,
        Weight::Bold => base * 1.07,
    }
}

/// Estimated width of `text` in pixels.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    text.chars().map(|c| char_width(c, weight)).sum::<f32>() * size
}

const ELLIPSIS: char = '…';

/// Breaks `text` into at most `max_lines` lines of at most `width` pixels,
/// at spaces where it can and anywhere where it must; the last line ends
/// with "…" when text is left over.
pub fn wrap(text: &str, size: f32, weight: Weight, width: f32, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, weight) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Control characters never reach the card.
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut truncated = false;
    'words: for word in clean.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
        }
        // The word alone: split it where it must.
        for c in word.chars() {
            current.push(c);
            if !fits(&current) {
                current.pop();
                lines.push(std::mem::take(&mut current));
                if lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && !fits(&format!("{last}{ELLIPSIS}")) {
                last.pop();
            }
            *last = format!("{}{ELLIPSIS}", last.trim_end());
        }
    }
    lines
}

/// The QR code of `link`, as dark modules row by row, and its width.
pub fn qr_modules(link: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == QrColor::Dark)
        .collect();
    Some((width, dark))
}

/// The dark modules of a QR code as horizontal runs: `(row, first column,
/// length)`. Drawing runs instead of single modules keeps both the canvas
/// calls and the SVG path short.
pub fn qr_runs(width: usize, dark: &[bool]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    (0..width).flat_map(move |y| {
        let row = &dark[y * width..(y + 1) * width];
        let mut runs = Vec::new();
        let mut x = 0;
        while x < width {
            if row[x] {
                let start = x;
                while x < width && row[x] {
                    x += 1;
                }
                runs.push((y, start, x - start));
            } else {
                x += 1;
            }
        }
        runs
    })
}

/// The dark modules of a QR code as one SVG path, one unit per module,
/// for a `viewBox` of `0 0 width width` (print and screen).
pub fn qr_svg_path(width: usize, dark: &[bool]) -> String {
    qr_runs(width, dark)
        .map(|(y, x, len)| format!("M{x} {y}h{len}v1h-{len}z"))
        .collect()
}

/// Modules of white around a QR code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// A vertical stack of items in a column, with a cursor.
struct Column<'a> {
    items: &'a mut Vec<CardItem>,
    x: f32,
    y: f32,
    w: f32,
}

impl Column<'_> {
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        text: &str,
        size: f32,
        weight: Weight,
        color: &'static str,
        max_lines: usize,
        gap: f32,
    ) {
        let lines = wrap(text, size, weight, self.w, max_lines);
        if lines.is_empty() {
            return;
        }
        let line_height = (size * 1.22).ceil();
        let rect = Rect {
            x: self.x,
            y: self.y,
            w: self.w,
            h: line_height * lines.len() as f32,
        };
        self.items.push(CardItem::Text {
            rect,
            lines,
            size,
            line_height,
            weight,
            color,
            align: Align::Left,
        });
        self.y = rect.bottom() + gap;
    }

    fn chart(&mut self, rows: &[(String, usize, usize)], row_h: f32, size: f32, gap: f32) {
        let label_w = (self.w * 0.5).floor();
        let count_w = (size * 2.4).ceil();
        let bar_x = self.x + label_w + size * 0.5;
        let bar_w = self.w - label_w - count_w - size;
        let bar_h = (row_h * 0.45).round();
        for (label, taken, total) in rows {
            let row_y = self.y;
            let text_y = row_y + ((row_h - size * 1.22) / 2.0).max(0.0);
            self.items.push(CardItem::Text {
                rect: Rect {
                    x: self.x,
                    y: text_y,
                    w: label_w,
                    h: (size * 1.22).ceil(),
                },
                lines: wrap(label, size, Weight::Regular, label_w, 1),
                size,
                line_height: (size * 1.22).ceil(),
                weight: Weight::Regular,
                color: palette::INK,
                align: Align::Left,
            });
            let track = Rect {
                x: bar_x,
                y: row_y + (row_h - bar_h) / 2.0,
                w: bar_w,
                h: bar_h,
            };
            self.items.push(CardItem::Fill {
                rect: track,
                color: palette::TRACK,
            });
            if *taken > 0 && *total > 0 {
                let share = (*taken).min(*total) as f32 / *total as f32;
                self.items.push(CardItem::Fill {
                    rect: Rect {
                        w: (track.w * share).max(1.0),
                        ..track
                    },
                    color: palette::ACCENT,
                });
            }
            self.items.push(CardItem::Text {
                rect: Rect {
                    x: self.x + self.w - count_w,
                    y: text_y,
                    w: count_w,
                    h: (size * 1.22).ceil(),
                },
                lines: vec![format!("{taken}/{total}")],
                size,
                line_height: (size * 1.22).ceil(),
                weight: Weight::Bold,
                color: palette::INK,
                align: Align::Right,
            });
            self.y = row_y + row_h;
        }
        self.y += gap;
    }
}

impl Column<'_> {
    /// The chart in the room left down to `bottom`: long names and
    /// details above make its rows shorter, never longer than the format's.
    fn chart_above(&mut self, rows: &[(String, usize, usize)], bottom: f32, s: &Scale, gap: f32) {
        let count = rows.len().max(1) as f32;
        let row_h = ((bottom - self.y) / count).min(s.chart_row).floor();
        let text = s.chart_text.min((row_h * 0.75).floor());
        self.chart(rows, row_h, text, gap);
    }
}

/// The date and the key's fingerprint, one line each, from `at`'s top left.
fn push_footer(items: &mut Vec<CardItem>, content: &CardContent, at: Rect, size: f32) {
    let mut footer = Column {
        items,
        x: at.x,
        y: at.y,
        w: at.w,
    };
    footer.text(
        &content.date,
        size,
        Weight::Regular,
        palette::MUTED,
        1,
        size * 0.3,
    );
    footer.text(
        &content.fingerprint,
        size,
        Weight::Regular,
        palette::MUTED,
        1,
        0.0,
    );
}

/// Scale of a format: type sizes and margins.
struct Scale {
    margin: f32,
    title: f32,
    name: f32,
    details: f32,
    count: f32,
    chart_text: f32,
    chart_row: f32,
    small: f32,
    qr: f32,
}

impl CardLayout {
    /// Lays out `content` in `format`.
    pub fn new(format: CardFormat, content: &CardContent) -> CardLayout {
        let (w, h) = format.size();
        let (width, height) = (w as f32, h as f32);
        let mut items = vec![CardItem::Fill {
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h: height,
            },
            color: palette::PAPER,
        }];
        let mut s = match format {
            CardFormat::Landscape => Scale {
                margin: 48.0,
                title: 26.0,
                name: 50.0,
                details: 26.0,
                count: 36.0,
                chart_text: 19.0,
                chart_row: 31.0,
                small: 19.0,
                qr: 196.0,
            },
            CardFormat::Square => Scale {
                margin: 56.0,
                title: 28.0,
                name: 52.0,
                details: 28.0,
                count: 40.0,
                chart_text: 22.0,
                chart_row: 36.0,
                small: 21.0,
                qr: 200.0,
            },
            CardFormat::Story => Scale {
                margin: 72.0,
                title: 40.0,
                name: 72.0,
                details: 36.0,
                count: 54.0,
                chart_text: 30.0,
                chart_row: 64.0,
                small: 28.0,
                qr: 320.0,
            },
        };
        let m = s.margin;

        // Header band in the accent colour: hashtag and campaign title.
        let band_w = match format {
            CardFormat::Landscape => width * 0.58,
            _ => width,
        };
        let mut header_items = Vec::new();
        let mut header = Column {
            items: &mut header_items,
            x: m,
            y: m * 0.75,
            w: band_w - 2.0 * m,
        };
        header.text(
            &content.hashtag,
            s.title * 0.85,
            Weight::Bold,
            palette::ON_ACCENT,
            1,
            s.title * 0.2,
        );
        header.text(
            &content.title,
            s.title,
            Weight::Bold,
            palette::ON_ACCENT,
            3,
            0.0,
        );
        let band_h = (header.y + m * 0.6).round();
        items.push(CardItem::Fill {
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: band_w,
                h: band_h,
            },
            color: palette::ACCENT,
        });
        items.extend(header_items);

        // The QR code and its caption sit in the bottom right corner, with at
        // least three pixels a module so that phones read it; a long link
        // makes it bigger and the chart smaller.
        let qr = qr_modules(&content.link);
        let min_qr = qr
            .as_ref()
            .map_or(0.0, |(w, _)| ((w + 2 * QUIET_ZONE) * 3) as f32);
        let max_qr = match format {
            CardFormat::Landscape => 400.0,
            CardFormat::Square => 480.0,
            CardFormat::Story => 640.0,
        };
        s.qr = s.qr.max(min_qr).min(max_qr);
        let qr_rect = Rect {
            x: width - m - s.qr,
            y: height - m - s.qr - s.small * 1.3,
            w: s.qr,
            h: s.qr,
        };
        // The caption may reach half a margin past the code on each side.
        let hint_rect = Rect {
            x: qr_rect.x - m / 2.0,
            y: qr_rect.bottom() + s.small * 0.1,
            w: s.qr + m,
            h: (s.small * 1.22).ceil(),
        };

        let mut content_items = Vec::new();
        match format {
            CardFormat::Landscape => {
                // Left: who, the count, the signature; right: the chart.
                let left_w = band_w - 2.0 * m;
                let mut left = Column {
                    items: &mut content_items,
                    x: m,
                    y: band_h + m * 0.6,
                    w: left_w,
                };
                left.text(
                    &content.name,
                    s.name,
                    Weight::Bold,
                    palette::INK,
                    2,
                    s.details * 0.3,
                );
                left.text(
                    &content.details,
                    s.details,
                    Weight::Regular,
                    palette::MUTED,
                    2,
                    s.count * 0.45,
                );
                left.text(
                    &content.count,
                    s.count,
                    Weight::Bold,
                    palette::ACCENT,
                    1,
                    s.small,
                );
                let footer_y = height - m - 2.0 * (s.small * 1.22).ceil() - s.small * 0.3;
                push_drawing(
                    left.items,
                    content.drawing.as_ref(),
                    Rect {
                        x: m,
                        y: left.y,
                        w: left_w.min(280.0),
                        h: (footer_y - left.y - s.small * 0.5).min(140.0),
                    },
                );
                push_footer(
                    left.items,
                    content,
                    Rect {
                        x: m,
                        y: footer_y,
                        w: left_w,
                        h: 0.0,
                    },
                    s.small,
                );

                let right_x = band_w + m * 0.5;
                let mut right = Column {
                    items: &mut content_items,
                    x: right_x,
                    y: m * 0.6,
                    w: width - right_x - m,
                };
                right.chart_above(&content.chart, qr_rect.y - s.small, &s, 0.0);
            }
            CardFormat::Square | CardFormat::Story => {
                let mut col = Column {
                    items: &mut content_items,
                    x: m,
                    y: band_h + m * 0.6,
                    w: width - 2.0 * m,
                };
                col.text(
                    &content.name,
                    s.name,
                    Weight::Bold,
                    palette::INK,
                    2,
                    s.details * 0.3,
                );
                col.text(
                    &content.details,
                    s.details,
                    Weight::Regular,
                    palette::MUTED,
                    2,
                    s.count * 0.4,
                );
                col.text(
                    &content.count,
                    s.count,
                    Weight::Bold,
                    palette::ACCENT,
                    1,
                    s.count * 0.5,
                );
                // The chart takes the room left above the QR code.
                col.chart_above(&content.chart, qr_rect.y - s.small, &s, s.small);
                // Bottom left, beside the QR code: signature, date, key.
                let left_w = qr_rect.x - 2.0 * m;
                let footer_y = height - m - 2.0 * (s.small * 1.22).ceil() - s.small * 0.3;
                let top = col.y.max(qr_rect.y);
                push_drawing(
                    col.items,
                    content.drawing.as_ref(),
                    Rect {
                        x: m,
                        y: top,
                        w: left_w.min(2.0 * (footer_y - top - s.small)),
                        h: footer_y - top - s.small,
                    },
                );
                push_footer(
                    col.items,
                    content,
                    Rect {
                        x: m,
                        y: footer_y,
                        w: left_w,
                        h: 0.0,
                    },
                    s.small,
                );
            }
        }
        items.extend(content_items);

        if let Some((modules, dark)) = qr {
            items.push(CardItem::Qr {
                rect: qr_rect,
                width: modules,
                dark,
            });
            items.push(CardItem::Text {
                rect: hint_rect,
                lines: wrap(&content.scan_hint, s.small, Weight::Regular, hint_rect.w, 1),
                size: s.small,
                line_height: hint_rect.h,
                weight: Weight::Regular,
                color: palette::MUTED,
                align: Align::Left,
            });
        }
        CardLayout {
            format,
            width,
            height,
            items,
        }
    }
}

/// Modules of quiet zone the drawing leaves around the QR code.
pub const QR_QUIET_ZONE: usize = QUIET_ZONE;

/// A drawn signature in `area`, at the grid's 2:1 ratio, if there is room.
fn push_drawing(items: &mut Vec<CardItem>, drawing: Option<&DrawnSignature>, area: Rect) {
    let Some(drawing) = drawing else { return };
    let h = area.h.min(area.w / 2.0);
    if h < 24.0 {
        return;
    }
    items.push(CardItem::Drawing {
        rect: Rect {
            x: area.x,
            y: area.y,
            w: 2.0 * h,
            h,
        },
        strokes: drawing.strokes().to_vec(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(name: &str, details: &str, drawing: bool) -> CardContent {
        let drawing = drawing
            .then(|| DrawnSignature::from_bytes(&[3, 10, 40, 20, -10i8 as u8, 20, 10]).unwrap());
        CardContent {
            title: "S'ENGAGER POUR LES TERRITOIRES INCLUSIFS DE DEMAIN !".into(),
            hashtag: "#Municipales2020".into(),
            name: name.into(),
            details: details.into(),
            count: "13 engagements sur 20".into(),
            chart: (1..=10)
                .map(|i| (format!("Proposition numéro {i}"), i % 4, 3))
                .collect(),
            drawing,
            date: "Signé le 28 novembre 2026".into(),
            fingerprint: "Clé : ABCD-EFGH-JKMN-PQRS".into(),
            scan_hint: "Scannez pour vérifier".into(),
            link: format!("https://example.org/engagement/#e={}", "A".repeat(220)),
        }
    }

    fn cases() -> Vec<CardContent> {
        vec![
            content(
                "Camille Dupont",
                "Saint-Étienne · Ensemble pour Saint-Étienne · Tête de liste",
                true,
            ),
            content("A", "B", false),
            content(
                &"Wolfeschlegelsteinhausenbergerdorff ".repeat(3),
                &"Saint-Remy-en-Bouzemont ".repeat(6),
                true,
            ),
            content(&"🙂".repeat(200), "王小明 · 東京都 · قائمة المواطنين", true),
            content(
                &"x".repeat(4096),
                &"\u{202E}مرحبا بالعالم ".repeat(40),
                false,
            ),
            content("Line\nbreak\tand\u{0007}bell", "", true),
        ]
    }

    fn content_items(layout: &CardLayout) -> Vec<&CardItem> {
        // Everything but fills: texts, QR and drawing must not overlap.
        layout
            .items
            .iter()
            .filter(|i| !matches!(i, CardItem::Fill { .. }))
            .collect()
    }

    #[test]
    fn every_item_stays_on_the_card() {
        for format in CardFormat::ALL {
            for c in cases() {
                let layout = CardLayout::new(format, &c);
                let card = Rect {
                    x: 0.0,
                    y: 0.0,
                    w: layout.width,
                    h: layout.height,
                };
                for item in &layout.items {
                    assert!(
                        card.contains(&item.rect()),
                        "{format:?} {:?} outside for {:?}",
                        item.rect(),
                        c.name.chars().take(20).collect::<String>()
                    );
                }
            }
        }
    }

    #[test]
    fn no_content_overlaps_another() {
        for format in CardFormat::ALL {
            for c in cases() {
                let layout = CardLayout::new(format, &c);
                let items = content_items(&layout);
                for (i, a) in items.iter().enumerate() {
                    for b in &items[i + 1..] {
                        assert!(
                            !a.rect().overlaps(&b.rect()),
                            "{format:?}: {:?} overlaps {:?}",
                            a.rect(),
                            b.rect()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_text_line_fits_its_box() {
        for format in CardFormat::ALL {
            for c in cases() {
                for item in CardLayout::new(format, &c).items {
                    if let CardItem::Text {
                        rect,
                        lines,
                        size,
                        weight,
                        line_height,
                        ..
                    } = item
                    {
                        assert!(lines.len() as f32 * line_height <= rect.h + 0.01);
                        for line in &lines {
                            assert!(
                                text_width(line, size, weight) <= rect.w + 0.01,
                                "{format:?}: {line}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn long_names_are_wrapped_then_shortened() {
        let layout = CardLayout::new(
            CardFormat::Landscape,
            &content(&"x".repeat(4096), "B", false),
        );
        let name = layout
            .items
            .iter()
            .find_map(|i| match i {
                CardItem::Text { lines, size, .. } if *size == 50.0 => Some(lines.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(name.len(), 2);
        assert!(name[1].ends_with('…'));
    }

    #[test]
    fn the_chart_matches_the_selection() {
        let c = content("A", "B", false);
        for format in CardFormat::ALL {
            let layout = CardLayout::new(format, &c);
            let counts: Vec<String> = layout
                .items
                .iter()
                .filter_map(|i| match i {
                    CardItem::Text {
                        lines,
                        align: Align::Right,
                        ..
                    } => Some(lines[0].clone()),
                    _ => None,
                })
                .collect();
            let expected: Vec<String> =
                c.chart.iter().map(|(_, t, n)| format!("{t}/{n}")).collect();
            assert_eq!(counts, expected);
            // Bars: one track per row, and a fill as long as the share taken.
            let bars: Vec<Rect> = layout
                .items
                .iter()
                .filter_map(|i| match i {
                    CardItem::Fill { rect, color }
                        if *color == palette::ACCENT && rect.h < 40.0 =>
                    {
                        Some(*rect)
                    }
                    _ => None,
                })
                .collect();
            let taken_rows = c.chart.iter().filter(|(_, t, _)| *t > 0).count();
            assert_eq!(bars.len(), taken_rows);
        }
    }

    #[test]
    fn wrap_never_loses_a_short_text_and_marks_a_cut_one() {
        assert_eq!(
            wrap("Camille Dupont", 20.0, Weight::Bold, 1000.0, 2),
            vec!["Camille Dupont"]
        );
        let lines = wrap(
            "un deux trois quatre cinq six sept",
            20.0,
            Weight::Regular,
            80.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(wrap("", 20.0, Weight::Regular, 80.0, 2).is_empty());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_qr_code_decodes_to_the_link() {
        let link = "https://example.org/engagement/#e=AZNZAQACANsJDkNhbWlsbGUgRHVwb250DlNhaW50LcOJdGllbm5l";
        let (width, dark) = qr_modules(link).unwrap();
        // Render 4 px per module with the quiet zone, then decode.
        let px = 4;
        let size = (width + 2 * QUIET_ZONE) * px;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = (x / px, y / px);
            let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&mx)
                && (QUIET_ZONE..QUIET_ZONE + width).contains(&my);
            if inside && dark[(my - QUIET_ZONE) * width + mx - QUIET_ZONE] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, text) = grids[0].decode().unwrap();
        assert_eq!(text, link);
    }

    #[test]
    fn png_encoding_keeps_palette_colours_and_snaps_the_others() {
        let accent = rgb(palette::ACCENT);
        // 4×1: paper, accent, near accent (half transparent), a light grey.
        let px = [
            255, 255, 255, 255, accent[0], accent[1], accent[2], 255, 140, 20, 80, 128, 200, 200,
            201, 255,
        ];
        let png = encode_png(4, 1, &px).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let decoder = png::Decoder::new(&png[..]);
        let mut reader = decoder.read_info().unwrap();
        let info = reader.info().clone();
        assert_eq!(
            (info.width, info.height, info.color_type),
            (4, 1, png::ColorType::Indexed)
        );
        let palette = info.palette.unwrap().to_vec();
        let mut buf = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut buf).unwrap();
        let colour = |i: usize| {
            let k = usize::from(buf[i]) * 3;
            [palette[k], palette[k + 1], palette[k + 2]]
        };
        assert_eq!(colour(0), [255, 255, 255]);
        assert_eq!(colour(1), accent);
        assert_eq!(colour(2), accent);
        assert!(colour(3)[0] > 150 && colour(3)[0] < 230);
        assert!(
            encode_png(4, 2, &px).is_none(),
            "size must match the pixels"
        );
    }

    #[test]
    fn a_busy_story_sized_image_stays_under_the_budget() {
        // Worst case for compression: stripes of every card colour plus
        // noise-like text edges over the whole 1080×1920 area.
        let (w, h) = (1080u32, 1920u32);
        let colours = card_colours();
        let mut px = Vec::with_capacity((w * h * 4) as usize);
        for y in 0..h {
            for x in 0..w {
                let band = (y / 24) as usize % colours.len();
                let edge = (x * 7 + y * 13) % 29 == 0 && (y / 24) % 3 == 0;
                let c = if edge {
                    colours[(band + 3) % colours.len()]
                } else {
                    colours[band]
                };
                px.extend([c[0], c[1], c[2], 255]);
            }
        }
        let png = encode_png(w, h, &px).unwrap();
        assert!(png.len() < 150_000, "{}", png.len());
    }

    #[test]
    fn a_drawing_is_placed_when_there_is_one() {
        for format in CardFormat::ALL {
            let with = CardLayout::new(format, &content("Camille Dupont", "Lyon", true));
            assert!(
                with.items
                    .iter()
                    .any(|i| matches!(i, CardItem::Drawing { .. })),
                "{format:?}"
            );
            let without = CardLayout::new(format, &content("Camille Dupont", "Lyon", false));
            assert!(!without
                .items
                .iter()
                .any(|i| matches!(i, CardItem::Drawing { .. })));
        }
    }

    #[test]
    fn qr_runs_cover_exactly_the_dark_modules() {
        let (width, dark) = qr_modules("https://example.org/#e=AZNZ").unwrap();
        let mut seen = vec![false; dark.len()];
        for (y, x, len) in qr_runs(width, &dark) {
            for i in x..x + len {
                assert!(!seen[y * width + i]);
                seen[y * width + i] = true;
            }
        }
        assert_eq!(seen, dark);
        assert_eq!(
            qr_svg_path(2, &[true, true, false, true]),
            "M0 0h2v1h-2zM1 1h1v1h-1z"
        );
    }

    #[test]
    fn formats_have_their_sizes_and_keys() {
        assert_eq!(CardFormat::Landscape.key(), "1200x630");
        assert_eq!(CardFormat::Square.size(), (1080, 1080));
        assert_eq!(CardFormat::Story.key(), "1080x1920");
    }
}
