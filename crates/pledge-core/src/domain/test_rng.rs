//! splitmix64: a fixed-seed source for the property tests (the same cases
//! on every run).

pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Random texts over the characters the rule cares about.
pub(crate) fn random_text(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "a",
        "Z",
        "é",
        "e\u{301}",
        "\u{346}",
        "\u{20DD}",
        "\u{302}",
        " ",
        "  ",
        "\u{A0}",
        "\u{2003}",
        "\u{3000}",
        "\u{202F}",
        "\u{200B}",
        "\u{200C}",
        "\u{200D}",
        "\u{200F}",
        "\u{FEFF}",
        "\u{2060}",
        "\t",
        "\n",
        "\u{202E}",
        "\u{2066}",
        "\u{E0061}",
        "\u{E007F}",
        "🏴",
        "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}",
        "王",
        "محمد",
        "\u{1100}",
        "\u{1161}",
        "\u{212B}",
        "\u{2000}",
        "\u{FE0F}",
        "\u{3164}",
        "✔",
        "Vérifié par Coorace",
        "\u{344}",
        "\u{E0001}",
    ];
    let n = rng.below(12);
    (0..n).map(|_| PARTS[rng.below(PARTS.len())]).collect()
}
