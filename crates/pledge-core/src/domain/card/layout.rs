//! Laying a card out: [`CardLayout::new`] and its helpers.

use super::qr::{qr_modules, QUIET_ZONE};
use super::text::wrap;
use super::{palette, Align, CardContent, CardFormat, CardItem, CardLayout, Rect, Weight};
use crate::domain::pledge::drawing::DrawnSignature;

/// A text line's height, as a multiple of its font size.
const LINE_HEIGHT: f32 = 1.22;

/// The height of one line of text at `size`, in whole pixels.
fn line_height(size: f32) -> f32 {
    (size * LINE_HEIGHT).ceil()
}

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
        let line_height = line_height(size);
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
            let text_y = row_y + ((row_h - size * LINE_HEIGHT) / 2.0).max(0.0);
            self.items.push(CardItem::Text {
                rect: Rect {
                    x: self.x,
                    y: text_y,
                    w: label_w,
                    h: line_height(size),
                },
                lines: wrap(label, size, Weight::Regular, label_w, 1),
                size,
                line_height: line_height(size),
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
                    h: line_height(size),
                },
                lines: vec![format!("{taken}/{total}")],
                size,
                line_height: line_height(size),
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
    /// « Vérifié par … », only where the organiser's list vouches for the
    /// pledge: the seal and the words in white on a band of the seal's
    /// colour that runs off the card's left edge. No candidate text can
    /// draw it: theirs is text in ink, clipped to boxes inside the margins.
    fn verified_mark(&mut self, content: &CardContent, s: &Scale) {
        let Some(mark) = &content.verified else {
            return;
        };
        let size = s.small;
        let line_h = line_height(size);
        let pad = (size * 0.4).round();
        let band = Rect {
            x: 0.0,
            y: self.y,
            w: self.x + self.w,
            h: line_h + 2.0 * pad,
        };
        let side = band.h - pad;
        let seal = Rect {
            x: self.x,
            y: band.y + pad / 2.0,
            w: side,
            h: side,
        };
        let text_x = seal.right() + pad;
        let text_w = band.right() - pad - text_x;
        self.items.push(CardItem::Fill {
            rect: band,
            color: palette::SEAL,
        });
        self.items.push(CardItem::Seal {
            rect: seal,
            color: palette::ON_SEAL,
            ink: palette::SEAL,
        });
        self.items.push(CardItem::Text {
            rect: Rect {
                x: text_x,
                y: band.y + pad,
                w: text_w,
                h: line_h,
            },
            lines: wrap(mark, size, Weight::Bold, text_w, 1),
            size,
            line_height: line_h,
            weight: Weight::Bold,
            color: palette::ON_SEAL,
            align: Align::Left,
        });
        self.y = band.bottom() + size * 0.6;
    }

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

impl Scale {
    /// The type sizes, margin and QR code size of each format.
    fn of(format: CardFormat) -> Scale {
        match format {
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
        }
    }

    /// Where the footer's two lines (date, key) start.
    fn footer_y(&self, height: f32) -> f32 {
        height - self.margin - 2.0 * line_height(self.small) - self.small * 0.3
    }
}

/// The QR code's square and its caption's box, bottom right.
struct QrCorner {
    code: Option<(usize, Vec<bool>)>,
    rect: Rect,
    hint: Rect,
}

impl CardLayout {
    /// Lays out `content` in `format`: the paper, the header band, the QR
    /// corner, then the format's content (two columns in landscape, one
    /// otherwise), then the QR code itself.
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
        let mut s = Scale::of(format);
        let band = push_header(&mut items, format, content, &s, width);
        let qr = qr_corner(format, content, &mut s, width, height);
        match format {
            CardFormat::Landscape => {
                push_two_columns(&mut items, content, &s, band, &qr, (width, height))
            }
            CardFormat::Square | CardFormat::Story => {
                push_one_column(&mut items, content, &s, band, &qr, (width, height))
            }
        }
        push_qr(&mut items, qr, content, &s);
        CardLayout {
            format,
            width,
            height,
            items,
        }
    }
}

/// The header band in the accent colour (hashtag, campaign title), across
/// the card or, in landscape, over its left column; returns the band.
fn push_header(
    items: &mut Vec<CardItem>,
    format: CardFormat,
    content: &CardContent,
    s: &Scale,
    width: f32,
) -> Rect {
    let m = s.margin;
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
    let band = Rect {
        x: 0.0,
        y: 0.0,
        w: band_w,
        h: (header.y + m * 0.6).round(),
    };
    items.push(CardItem::Fill {
        rect: band,
        color: palette::ACCENT,
    });
    items.extend(header_items);
    band
}

/// The QR code and its caption sit in the bottom right corner, with at
/// least three pixels a module so that phones read it; a long link makes
/// it bigger (`s.qr` grows) and the chart smaller.
fn qr_corner(
    format: CardFormat,
    content: &CardContent,
    s: &mut Scale,
    width: f32,
    height: f32,
) -> QrCorner {
    let m = s.margin;
    let code = qr_modules(&content.link);
    let min_qr = code
        .as_ref()
        .map_or(0.0, |(w, _)| ((w + 2 * QUIET_ZONE) * 3) as f32);
    let max_qr = match format {
        CardFormat::Landscape => 400.0,
        CardFormat::Square => 480.0,
        CardFormat::Story => 640.0,
    };
    s.qr = s.qr.max(min_qr).min(max_qr);
    let rect = Rect {
        x: width - m - s.qr,
        y: height - m - s.qr - s.small * 1.3,
        w: s.qr,
        h: s.qr,
    };
    // The caption may reach half a margin past the code on each side.
    let hint = Rect {
        x: rect.x - m / 2.0,
        y: rect.bottom() + s.small * 0.1,
        w: s.qr + m,
        h: line_height(s.small),
    };
    QrCorner { code, rect, hint }
}

impl Column<'_> {
    /// Who signed: the name, the details line, the count, and the
    /// organiser's mark where the list vouches for the pledge; `gaps` are
    /// the space after the details and after the count.
    fn who(&mut self, content: &CardContent, s: &Scale, gaps: (f32, f32)) {
        self.text(
            &content.name,
            s.name,
            Weight::Bold,
            palette::INK,
            2,
            s.details * 0.3,
        );
        self.text(
            &content.details,
            s.details,
            Weight::Regular,
            palette::MUTED,
            2,
            gaps.0,
        );
        self.text(
            &content.count,
            s.count,
            Weight::Bold,
            palette::ACCENT,
            1,
            gaps.1,
        );
        self.verified_mark(content, s);
    }
}

/// The drawn signature in `drawing`, then the footer (date, key) at
/// `footer_y`, `width` wide, from the left margin.
fn push_signature_and_footer(
    items: &mut Vec<CardItem>,
    content: &CardContent,
    s: &Scale,
    drawing: Rect,
    (footer_y, width): (f32, f32),
) {
    push_drawing(items, content.drawing.as_ref(), drawing);
    let footer = Rect {
        x: s.margin,
        y: footer_y,
        w: width,
        h: 0.0,
    };
    push_footer(items, content, footer, s.small);
}

/// Landscape: under the band, who signed, the signature and the footer;
/// on the right, the chart above the QR code.
fn push_two_columns(
    items: &mut Vec<CardItem>,
    content: &CardContent,
    s: &Scale,
    band: Rect,
    qr: &QrCorner,
    (width, height): (f32, f32),
) {
    let m = s.margin;
    let left_w = band.w - 2.0 * m;
    let mut left = Column {
        items,
        x: m,
        y: band.h + m * 0.6,
        w: left_w,
    };
    left.who(content, s, (s.count * 0.45, s.small));
    let footer_y = s.footer_y(height);
    let drawing = Rect {
        x: m,
        y: left.y,
        w: left_w.min(280.0),
        h: (footer_y - left.y - s.small * 0.5).min(140.0),
    };
    push_signature_and_footer(left.items, content, s, drawing, (footer_y, left_w));

    let right_x = band.w + m * 0.5;
    let mut right = Column {
        items,
        x: right_x,
        y: m * 0.6,
        w: width - right_x - m,
    };
    right.chart_above(&content.chart, qr.rect.y - s.small, s, 0.0);
}

/// Square and story: one column (who signed, the chart), then the
/// signature and the footer beside the QR code.
fn push_one_column(
    items: &mut Vec<CardItem>,
    content: &CardContent,
    s: &Scale,
    band: Rect,
    qr: &QrCorner,
    (width, height): (f32, f32),
) {
    let m = s.margin;
    let mut col = Column {
        items,
        x: m,
        y: band.h + m * 0.6,
        w: width - 2.0 * m,
    };
    col.who(content, s, (s.count * 0.4, s.count * 0.5));
    // The chart takes the room left above the QR code.
    col.chart_above(&content.chart, qr.rect.y - s.small, s, s.small);
    // Bottom left, beside the QR code: signature, date, key.
    let left_w = qr.rect.x - 2.0 * m;
    let footer_y = s.footer_y(height);
    let top = col.y.max(qr.rect.y);
    let drawing = Rect {
        x: m,
        y: top,
        w: left_w.min(2.0 * (footer_y - top - s.small)),
        h: footer_y - top - s.small,
    };
    push_signature_and_footer(col.items, content, s, drawing, (footer_y, left_w));
}

/// The QR code and its caption, where [`qr_corner`] placed them (nothing
/// where the link makes no QR code).
fn push_qr(items: &mut Vec<CardItem>, qr: QrCorner, content: &CardContent, s: &Scale) {
    let Some((modules, dark)) = qr.code else {
        return;
    };
    items.push(CardItem::Qr {
        rect: qr.rect,
        width: modules,
        dark,
        paper: palette::QR_PAPER,
        ink: palette::QR_INK,
    });
    items.push(CardItem::Text {
        rect: qr.hint,
        lines: wrap(&content.scan_hint, s.small, Weight::Regular, qr.hint.w, 1),
        size: s.small,
        line_height: qr.hint.h,
        weight: Weight::Regular,
        color: palette::MUTED,
        align: Align::Left,
    });
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
        color: palette::INK,
    });
}
