use super::png::{card_colours, rgb};
#[cfg(not(target_arch = "wasm32"))]
use super::qr::QUIET_ZONE;
use super::*;

fn content(name: &str, details: &str, drawing: bool) -> CardContent {
    let drawing =
        drawing.then(|| DrawnSignature::from_bytes(&[3, 10, 40, 20, -10i8 as u8, 20, 10]).unwrap());
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
        verified: None,
        link: format!("https://example.org/engagement/#e={}", "A".repeat(220)),
    }
}

fn cases() -> Vec<CardContent> {
    let plain = plain_cases();
    // Each again with the organiser's verified mark.
    let marked = plain.clone().into_iter().map(|mut c| {
        c.verified = Some("Vérifié par Coorace (TEST) le 29 novembre 2026".into());
        c
    });
    plain.iter().cloned().chain(marked).collect()
}

fn plain_cases() -> Vec<CardContent> {
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
        // A « bilan »: a mandate in the details, one proposal or a few,
        // kept of taken, no drawing, a review's date.
        bilan(1),
        bilan(4),
    ]
}

fn bilan(proposals: usize) -> CardContent {
    CardContent {
        details: "Conseiller·e d'opposition · Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson (51) · Ensemble".into(),
        count: "Engagements tenus : 12 sur 20".into(),
        chart: (1..=proposals)
            .map(|i| (format!("Proposition numéro {i}"), i % 3, 2))
            .collect(),
        date: "Bilan de mi-mandat au 28 novembre 2026".into(),
        verified: Some("Selon le suivi de Coorace (TEST) (liste du 29 novembre 2026)".into()),
        ..content("Camille Dupont", "", false)
    }
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
        let expected: Vec<String> = c.chart.iter().map(|(_, t, n)| format!("{t}/{n}")).collect();
        assert_eq!(counts, expected);
        // Bars: one track per row, and a fill as long as the share taken.
        let bars: Vec<Rect> = layout
            .items
            .iter()
            .filter_map(|i| match i {
                CardItem::Fill { rect, color } if *color == palette::ACCENT && rect.h < 40.0 => {
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
    let link =
        "https://example.org/engagement/#e=AZNZAQACANsJDkNhbWlsbGUgRHVwb250DlNhaW50LcOJdGllbm5l";
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
        255, 255, 255, 255, accent[0], accent[1], accent[2], 255, 140, 20, 80, 128, 200, 200, 201,
        255,
    ];
    let png = encode_png(4, 1, &px).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let decoder = ::png::Decoder::new(&png[..]);
    let mut reader = decoder.read_info().unwrap();
    let info = reader.info().clone();
    assert_eq!(
        (info.width, info.height, info.color_type),
        (4, 1, ::png::ColorType::Indexed)
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

#[test]
fn the_verified_mark_is_shown_only_where_set() {
    let has_mark = |c: &CardContent, format| {
        CardLayout::new(format, c).items.iter().any(|i| {
            matches!(i, CardItem::Text { lines, .. } if lines.iter().any(|l| l.starts_with("Vérifié par")))
        })
    };
    for format in CardFormat::ALL {
        let mut c = content("Camille Dupont", "Lyon", true);
        assert!(!has_mark(&c, format));
        c.verified = Some("Vérifié par Coorace (TEST) le 29 novembre 2026".into());
        assert!(has_mark(&c, format), "{format:?}");
    }
}

/// The band of the seal's colour, the seal and its label, if any.
fn mark_items(layout: &CardLayout) -> (Vec<Rect>, Vec<Rect>, Vec<Rect>) {
    let (mut bands, mut seals, mut labels) = (Vec::new(), Vec::new(), Vec::new());
    for item in &layout.items {
        match item {
            CardItem::Fill { rect, color } if *color == palette::SEAL => bands.push(*rect),
            CardItem::Seal { rect, .. } => seals.push(*rect),
            CardItem::Text { rect, lines, .. } if lines.iter().any(|l| l.contains("Vérifié")) => {
                labels.push(*rect)
            }
            _ => {}
        }
    }
    (bands, seals, labels)
}

#[test]
fn the_verified_mark_is_a_drawn_seal_on_a_band_no_candidate_text_can_reach() {
    for format in CardFormat::ALL {
        for c in plain_cases() {
            let mut marked = c.clone();
            marked.verified = Some("Vérifié par Coorace (TEST) le 29 novembre 2026".into());
            let layout = CardLayout::new(format, &marked);
            let (bands, seals, labels) = mark_items(&layout);
            assert_eq!(
                (bands.len(), seals.len(), labels.len()),
                (1, 1, 1),
                "{format:?}"
            );
            let (band, seal) = (bands[0], seals[0]);
            // The band runs off the card's left edge; the seal and its words
            // sit on it, the seal a square.
            assert_eq!(band.x, 0.0, "{format:?}");
            assert!(
                band.contains(&seal) && band.contains(&labels[0]),
                "{format:?}"
            );
            assert_eq!(seal.w, seal.h);
            assert!(seal.w >= 20.0, "{format:?}: a seal one can see");
            // Nothing else is on the band.
            for item in content_items(&layout) {
                let r = item.rect();
                if r != seal && r != labels[0] {
                    assert!(!r.overlaps(&band), "{format:?}: {r:?} on the band {band:?}");
                }
            }
            // Candidate text (name, details) lies in boxes inside the
            // margins, in ink: it can reach neither the card's edge nor the
            // seal's colour.
            for item in &layout.items {
                if let CardItem::Text {
                    rect, lines, color, ..
                } = item
                {
                    let candidate = lines.iter().any(|l| {
                        let l = l.trim_end_matches('…');
                        !l.is_empty() && (c.name.starts_with(l) || c.details.starts_with(l))
                    });
                    if candidate {
                        assert!(rect.x >= 40.0, "{format:?}: {rect:?}");
                        assert_ne!(*color, palette::SEAL);
                        assert_ne!(*color, palette::ON_SEAL);
                        assert!(!rect.overlaps(&band), "{format:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_name_that_imitates_the_mark_gets_no_seal() {
    for format in CardFormat::ALL {
        let c = content(
            "✔ Vérifié par Coorace (TEST) le 29 novembre 2026",
            "✔ Vérifié par Coorace · Lyon",
            true,
        );
        let layout = CardLayout::new(format, &c);
        let (bands, seals, _) = mark_items(&layout);
        assert!(bands.is_empty() && seals.is_empty(), "{format:?}");
    }
}

#[test]
fn the_seal_shape_stays_on_its_grid() {
    for &(x, y) in seal::OUTLINE.iter().chain(&seal::CHECK) {
        assert!(x <= seal::GRID && y <= seal::GRID);
    }
    // The check mark is inside the rosette's inner circle.
    let centre = f32::from(seal::GRID) / 2.0;
    for &(x, y) in &seal::CHECK {
        let r = (f32::from(x) - centre).hypot(f32::from(y) - centre);
        assert!(r + f32::from(seal::CHECK_WIDTH) / 2.0 < 40.0, "{x} {y}");
    }
    assert_eq!(seal::svg_path(&seal::CHECK, false), "M28 50L42 64L68 36");
    assert!(seal::svg_path(&seal::OUTLINE, true).ends_with('Z'));
}
