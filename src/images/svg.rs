//! SVG: recognised by its root element, sized from its `width`, `height`
//! and `viewBox`. SVG passes through untouched (it scales by itself); its
//! size only gives the `<img>` its width and height attributes, to reserve
//! its space before it loads.
//!
//! quick-xml reads up to the root element's start tag and stops, so a large
//! drawing costs no more than a small one.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Format, ImageInfo, Size};

/// Whether the document's first element is `<svg>`.
pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    root(bytes).is_some()
}

/// The size from the root element: `width` and `height` when both are
/// lengths, one of them with the `viewBox`'s aspect ratio, or the
/// `viewBox` alone. `None` when these give no size (a width of `100%`
/// without a `viewBox`, say): the page then states none.
pub(super) fn probe(bytes: &[u8]) -> ImageInfo {
    ImageInfo {
        format: Format::Svg,
        size: root(bytes).and_then(|r| size(&r)),
        animated: false,
        lossy: false,
    }
}

/// The root element's start tag if it is `svg` (any namespace prefix).
fn root(bytes: &[u8]) -> Option<BytesStart<'_>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.trim_ascii_start().first() != Some(&b'<') {
        return None;
    }
    let mut reader = Reader::from_reader(bytes);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => {
                return (e.local_name().as_ref() == b"svg").then_some(e);
            }
            Event::Eof => return None,
            // The prolog: declaration, comments, doctype, whitespace.
            _ => {}
        }
    }
}

fn size(root: &BytesStart<'_>) -> Option<Size> {
    let (mut width, mut height, mut view_box) = (None, None, None);
    for attr in root.attributes().flatten() {
        let value = std::str::from_utf8(&attr.value).unwrap_or("");
        match attr.key.local_name().as_ref() {
            b"width" => width = length(value),
            b"height" => height = length(value),
            b"viewBox" => view_box = view_box_size(value),
            _ => {}
        }
    }
    let (w, h) = match (width, height, view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some((vw, vh))) => (vw, vh),
        _ => return None,
    };
    Some(Size {
        width: pixels(w)?,
        height: pixels(h)?,
    })
}

/// A length in CSS pixels: a number with no unit, `px` or an absolute unit.
/// Relative units (`%`, `em`) depend on where the image is shown: `None`.
fn length(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value
        .find(|c: char| c.is_ascii_alphabetic() || c == '%')
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let per_unit = match unit {
        "" | "px" => 1.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        _ => return None,
    };
    let n: f64 = number.trim().parse().ok()?;
    (n.is_finite() && n > 0.0).then_some(n * per_unit)
}

/// The width and height of a `viewBox="min-x min-y width height"`.
fn view_box_size(value: &str) -> Option<(f64, f64)> {
    let parts: Vec<f64> = value
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|p| !p.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match parts[..] {
        [_, _, w, h] if w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0 => Some((w, h)),
        _ => None,
    }
}

/// Rounded to whole pixels; `None` for a size no page could state.
fn pixels(v: f64) -> Option<u32> {
    let rounded = v.round().max(1.0);
    (rounded <= f64::from(u32::MAX)).then_some(rounded as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size_of(svg: &str) -> Option<(u32, u32)> {
        probe(svg.as_bytes()).size.map(|s| (s.width, s.height))
    }

    #[test]
    fn sizes_from_width_height_and_view_box() {
        let ns = r#"xmlns="http://www.w3.org/2000/svg""#;
        assert_eq!(
            size_of(&format!(r#"<svg {ns} width="120" height="80"/>"#)),
            Some((120, 80))
        );
        assert_eq!(
            size_of(&format!(r#"<svg {ns} width="2in" height="36pt"/>"#)),
            Some((192, 48))
        );
        assert_eq!(
            size_of(&format!(r#"<svg {ns} viewBox="0 0 300 150"/>"#)),
            Some((300, 150))
        );
        assert_eq!(
            size_of(&format!(
                r#"<svg {ns} width="600" viewBox="0,0,300,150"></svg>"#
            )),
            Some((600, 300))
        );
        assert_eq!(
            size_of(&format!(r#"<svg {ns} width="100%" height="50%"/>"#)),
            None
        );
        assert_eq!(size_of(&format!(r#"<svg {ns}/>"#)), None);
        let prolog = "\u{feff}<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n\
                      <!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n";
        assert_eq!(
            size_of(&format!(
                r#"{prolog}<svg:svg xmlns:svg="x" width="10" height="20"/>"#
            )),
            Some((10, 20))
        );
    }

    #[test]
    fn only_an_svg_root_is_svg() {
        assert!(looks_like_svg(b"  <svg></svg>"));
        assert!(!looks_like_svg(b"<html><svg></svg></html>"));
        assert!(!looks_like_svg(b"hello <svg>"));
        assert!(!looks_like_svg(b""));
    }
}
