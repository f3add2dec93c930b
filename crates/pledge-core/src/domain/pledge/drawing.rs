use std::fmt;

/// Width and height of the grid a drawn signature is quantised to.
pub const GRID_WIDTH: u8 = 128;
pub const GRID_HEIGHT: u8 = 64;
/// Most bytes a drawn signature may take in a payload.
pub const MAX_DRAWING_BYTES: usize = 600;

/// A point of a stroke as drawn, in the pad's own units, scaled to 0–1 on
/// both axes (the pad is twice as wide as it is high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PadPoint {
    pub x: f32,
    pub y: f32,
}

/// What the candidate drew, stroke by stroke, before it is compacted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    strokes: Vec<Vec<PadPoint>>,
}

/// A drawn signature as it goes in a payload: strokes of points on a
/// 128×64 grid.
///
/// Bytes: for each stroke, its point count `n` (1–255), the first point
/// (`x` 0–127, `y` 0–63), then `n − 1` moves as signed bytes `dx`, `dy`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DrawnSignature {
    strokes: Vec<Vec<(u8, u8)>>,
}

/// Why drawn-signature bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawingError;

impl fmt::Display for DrawingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid drawn signature")
    }
}

impl std::error::Error for DrawingError {}

impl Drawing {
    /// Starts a new stroke at this point.
    pub fn begin(&mut self, p: PadPoint) {
        self.strokes.push(vec![clamp(p)]);
    }

    /// Extends the current stroke.
    pub fn extend(&mut self, p: PadPoint) {
        if let Some(stroke) = self.strokes.last_mut() {
            stroke.push(clamp(p));
        }
    }

    pub fn clear(&mut self) {
        self.strokes.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty()
    }

    pub fn strokes(&self) -> &[Vec<PadPoint>] {
        &self.strokes
    }

    /// The drawing simplified and quantised until it fits in
    /// [`MAX_DRAWING_BYTES`]; `None` if nothing was drawn.
    pub fn to_signature(&self) -> Option<DrawnSignature> {
        if self.is_empty() {
            return None;
        }
        let mut tolerance = 0.6;
        loop {
            let mut sig = self.quantise(tolerance);
            if sig.byte_len() <= MAX_DRAWING_BYTES {
                return Some(sig);
            }
            if tolerance > f32::from(GRID_WIDTH) {
                // Every stroke is down to its ends: keep the first strokes.
                while sig.byte_len() > MAX_DRAWING_BYTES {
                    sig.strokes.pop();
                }
                return Some(sig);
            }
            tolerance *= 1.5;
        }
    }

    fn quantise(&self, tolerance: f32) -> DrawnSignature {
        let strokes = self
            .strokes
            .iter()
            .map(|stroke| {
                let grid: Vec<(f32, f32)> = stroke
                    .iter()
                    .map(|p| {
                        (
                            p.x * f32::from(GRID_WIDTH - 1),
                            p.y * f32::from(GRID_HEIGHT - 1),
                        )
                    })
                    .collect();
                let mut kept: Vec<(u8, u8)> = simplify(&grid, tolerance)
                    .into_iter()
                    .map(|(x, y)| (x.round() as u8, y.round() as u8))
                    .collect();
                kept.dedup();
                kept.truncate(255);
                kept
            })
            .collect();
        DrawnSignature { strokes }
    }
}

fn clamp(p: PadPoint) -> PadPoint {
    let unit = |v: f32| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    PadPoint {
        x: unit(p.x),
        y: unit(p.y),
    }
}

/// Ramer–Douglas–Peucker: keeps the points that stray more than
/// `tolerance` from the line between their neighbours kept.
fn simplify(points: &[(f32, f32)], tolerance: f32) -> Vec<(f32, f32)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (mut far, mut far_dist) = (0, 0.0);
        for i in first + 1..last {
            let d = distance_to_segment(points[i], points[first], points[last]);
            if d > far_dist {
                far = i;
                far_dist = d;
            }
        }
        if far_dist > tolerance {
            keep[far] = true;
            stack.push((first, far));
            stack.push((far, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance_to_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (cx * cx + cy * cy).sqrt()
}

impl DrawnSignature {
    /// The strokes, as grid points.
    pub fn strokes(&self) -> &[Vec<(u8, u8)>] {
        &self.strokes
    }

    /// The strokes as an SVG path in grid units (viewBox `0 0 127 63`);
    /// a one-point stroke becomes a dot.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for stroke in &self.strokes {
            for (i, (x, y)) in stroke.iter().enumerate() {
                let cmd = if i == 0 { 'M' } else { 'L' };
                d.push_str(&format!("{cmd}{x} {y}"));
            }
            if stroke.len() == 1 {
                d.push_str("h0.1");
            }
        }
        d
    }

    pub fn byte_len(&self) -> usize {
        self.strokes.iter().map(|s| 1 + 2 * s.len()).sum()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.byte_len());
        for stroke in &self.strokes {
            let Some(&(x0, y0)) = stroke.first() else {
                continue;
            };
            out.push(stroke.len() as u8);
            out.extend([x0, y0]);
            for pair in stroke.windows(2) {
                let dx = i16::from(pair[1].0) - i16::from(pair[0].0);
                let dy = i16::from(pair[1].1) - i16::from(pair[0].1);
                out.extend([dx as i8 as u8, dy as i8 as u8]);
            }
        }
        out
    }

    /// Reads signature bytes; every point must stay on the grid.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DrawingError> {
        if bytes.is_empty() || bytes.len() > MAX_DRAWING_BYTES {
            return Err(DrawingError);
        }
        let mut strokes = Vec::new();
        let mut rest = bytes;
        while let Some((&n, tail)) = rest.split_first() {
            let n = usize::from(n);
            let body = tail.get(..2 * n).ok_or(DrawingError)?;
            if n == 0 {
                return Err(DrawingError);
            }
            let (mut x, mut y) = (i16::from(body[0]), i16::from(body[1]));
            let mut stroke = Vec::with_capacity(n);
            let on_grid = |x: i16, y: i16| {
                (0..i16::from(GRID_WIDTH)).contains(&x) && (0..i16::from(GRID_HEIGHT)).contains(&y)
            };
            if !on_grid(x, y) {
                return Err(DrawingError);
            }
            stroke.push((x as u8, y as u8));
            for d in body[2..].chunks_exact(2) {
                x += i16::from(d[0] as i8);
                y += i16::from(d[1] as i8);
                if !on_grid(x, y) {
                    return Err(DrawingError);
                }
                stroke.push((x as u8, y as u8));
            }
            strokes.push(stroke);
            rest = &tail[2 * n..];
        }
        let sig = DrawnSignature { strokes };
        // Only the canonical bytes are accepted.
        (sig.to_bytes() == bytes).then_some(sig).ok_or(DrawingError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wavy, signature-like drawing of `strokes` strokes of `points` points.
    pub(crate) fn scribble(strokes: usize, points: usize) -> Drawing {
        let mut d = Drawing::default();
        for s in 0..strokes {
            for i in 0..points {
                let t = i as f32 / points as f32;
                let p = PadPoint {
                    x: (0.05 + 0.9 * t + 0.01 * s as f32).min(1.0),
                    y: 0.5 + 0.4 * (t * 37.0 + s as f32).sin(),
                };
                if i == 0 {
                    d.begin(p)
                } else {
                    d.extend(p)
                }
            }
        }
        d
    }

    #[test]
    fn nothing_drawn_gives_no_signature() {
        assert_eq!(Drawing::default().to_signature(), None);
    }

    #[test]
    fn a_signature_round_trips_through_its_bytes() {
        let sig = scribble(3, 200).to_signature().unwrap();
        let bytes = sig.to_bytes();
        assert_eq!(bytes.len(), sig.byte_len());
        assert_eq!(DrawnSignature::from_bytes(&bytes), Ok(sig));
    }

    #[test]
    fn even_a_huge_drawing_fits_the_byte_budget() {
        let sig = scribble(40, 2000).to_signature().unwrap();
        assert!(sig.byte_len() <= MAX_DRAWING_BYTES, "{}", sig.byte_len());
        assert!(!sig.strokes().is_empty());
    }

    #[test]
    fn the_svg_path_draws_each_stroke() {
        let sig = DrawnSignature::from_bytes(&[2, 5, 5, 1, 2, 1, 9, 9]).unwrap();
        assert_eq!(sig.svg_path(), "M5 5L6 7M9 9h0.1");
    }

    #[test]
    fn hundreds_of_strokes_still_fit() {
        let sig = scribble(400, 5).to_signature().unwrap();
        assert!(sig.byte_len() <= MAX_DRAWING_BYTES);
        assert!(sig.strokes().len() > 100);
    }

    #[test]
    fn points_outside_the_pad_are_clamped_onto_it() {
        let mut d = Drawing::default();
        d.begin(PadPoint { x: -3.0, y: 9.0 });
        d.extend(PadPoint {
            x: f32::NAN,
            y: 0.5,
        });
        let sig = d.to_signature().unwrap();
        assert_eq!(sig.strokes()[0], vec![(0, 63), (0, 32)]);
    }

    #[test]
    fn bytes_that_leave_the_grid_or_are_cut_short_are_refused() {
        assert!(DrawnSignature::from_bytes(&[]).is_err());
        assert!(DrawnSignature::from_bytes(&[1, 128, 0]).is_err());
        assert!(DrawnSignature::from_bytes(&[1, 0, 64]).is_err());
        assert!(DrawnSignature::from_bytes(&[2, 0, 0, 0xff, 0]).is_err());
        assert!(DrawnSignature::from_bytes(&[2, 0, 0, 1]).is_err());
        assert!(DrawnSignature::from_bytes(&[0]).is_err());
        assert!(DrawnSignature::from_bytes(&vec![1; MAX_DRAWING_BYTES + 3]).is_err());
        assert!(DrawnSignature::from_bytes(&[2, 5, 5, 1, 1]).is_ok());
    }
}
