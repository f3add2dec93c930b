//! The shareable card, laid out as data: every text line, bar, QR code and
//! signature stroke with its box and its colours. The web module only draws
//! what this says, so the layout rules (nothing outside the card, nothing on
//! top of anything else, long names wrapped or shortened) are tested on the
//! host.
//!
//! - this file: the formats, the content, boxes, items and the palette;
//! - `layout`: [`CardLayout::new`], the one place a card is laid out;
//! - `text`: estimated text widths and wrapping;
//! - `qr`: QR codes as modules, runs and SVG paths;
//! - `png`: indexed-colour PNG in the card's palette;
//! - `share_targets`: where a card and its link can be shared.

mod layout;
mod png;
mod qr;
pub mod share_targets;
mod text;

pub use layout::QR_QUIET_ZONE;
pub use png::encode_png;
pub use qr::{qr_modules, qr_runs, qr_svg_path};
pub use text::{text_width, wrap};

use crate::domain::pledge::drawing::DrawnSignature;

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
    /// « Vérifié par Coorace le … », where the organiser's list says so.
    pub verified: Option<String>,
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
    /// The campaign's colours (its file's `colours`).
    pub const ACCENT: &str = crate::campaign::CARD_ACCENT;
    pub const ON_ACCENT: &str = crate::campaign::CARD_ON_ACCENT;
    pub const TRACK: &str = crate::campaign::CARD_TRACK;
    /// The organiser's seal and its band: used by nothing else on the
    /// card.
    pub const SEAL: &str = "#1b6e2e";
    pub const ON_SEAL: &str = "#ffffff";
    /// QR codes read best as pure black on pure white.
    pub const QR_PAPER: &str = "#ffffff";
    pub const QR_INK: &str = "#000000";
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
        /// The light modules and the quiet zone.
        paper: &'static str,
        /// The dark modules.
        ink: &'static str,
    },
    /// A drawn signature, its 128×64 grid scaled into `rect`.
    Drawing {
        rect: Rect,
        strokes: Vec<Vec<(u8, u8)>>,
        color: &'static str,
    },
    /// The organiser's seal ([`seal`]): a rosette in `color` with a check
    /// mark in `ink`, drawn as shapes, scaled into `rect`.
    Seal {
        rect: Rect,
        color: &'static str,
        ink: &'static str,
    },
}

impl CardItem {
    pub fn rect(&self) -> Rect {
        match self {
            CardItem::Fill { rect, .. }
            | CardItem::Text { rect, .. }
            | CardItem::Qr { rect, .. }
            | CardItem::Drawing { rect, .. }
            | CardItem::Seal { rect, .. } => *rect,
        }
    }
}

/// The organiser's seal, the one shape of the verified mark on the card
/// and on the page: a rosette with a check mark, on a grid of
/// [`seal::GRID`] units. It is drawn, never typed, so no name or list can
/// show it (candidate text is only ever text, clipped to its box).
pub mod seal {
    /// The grid's side.
    pub const GRID: u8 = 96;
    /// The rosette's outline: sixteen points, clockwise from the top.
    #[rustfmt::skip]
    pub const OUTLINE: [(u8, u8); 32] = [
        (48, 2), (56, 9), (66, 6), (70, 15), (81, 15), (81, 26), (90, 30), (87, 40),
        (94, 48), (87, 56), (90, 66), (81, 70), (81, 81), (70, 81), (66, 90), (56, 87),
        (48, 94), (40, 87), (30, 90), (26, 81), (15, 81), (15, 70), (6, 66), (9, 56),
        (2, 48), (9, 40), (6, 30), (15, 26), (15, 15), (26, 15), (30, 6), (40, 9),
    ];
    /// The check mark, a stroke of [`CHECK_WIDTH`] units with round ends.
    pub const CHECK: [(u8, u8); 3] = [(28, 50), (42, 64), (68, 36)];
    pub const CHECK_WIDTH: u8 = 10;

    /// SVG path data of a polyline on the grid (`M x y L x y …`; `Z` closes
    /// it), in whole units: no float formatting in the wasm.
    pub fn svg_path(points: &[(u8, u8)], closed: bool) -> String {
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{x} {y}"));
        }
        if closed {
            d.push('Z');
        }
        d
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

#[cfg(test)]
mod tests;
