#!/usr/bin/env python3
"""Draw the flagship's annotated connection note (issue 19): a mock of the
"add a note" box with a good note in it, its parts numbered, and what each
number means listed below it, once in English and once in Spanish.

    pip install pillow        # and the DejaVu fonts (Debian: fonts-dejavu-core)
    python3 scripts/draw_note.py

writes content/guides/connection-note.png and
content/es/guides/connection-note.png (beside connection-request.md, the
guide that shows them). The output depends only on this script, Pillow and
the fonts, so running it again writes the same files. The guides say in
their own text everything the picture says; keep the two in step, and keep
each note within the 300-character limit (checked here, as LinkedIn counts:
code points).
"""
import pathlib
import sys

from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
FONTS = pathlib.Path("/usr/share/fonts/truetype/dejavu")
LIMIT = 300

WIDTH = 1200
MARGIN = 48
PAD = 36

# Colours. Every text colour is at least 4.5:1 against what it sits on
# (checked below), so the picture meets WCAG AA like the page around it.
PAGE = "#eef1f5"
CARD = "#ffffff"
BORDER = "#8a94a3"
TEXT = "#1b1f24"
MUTED = "#4a5462"
# Each part's badge (white number on it) and highlight (text on it).
PARTS = {
    1: {"badge": "#0b5cad", "tint": "#dcebfb"},
    2: {"badge": "#8a4a00", "tint": "#fbead2"},
    3: {"badge": "#1d6b36", "tint": "#d9f2e0"},
    4: {"badge": "#6a3a99", "tint": "#ece2f7"},
}

# The note, in parts: (text, part number or None). Our own wording, shaped
# like the after-applying template: a detail about them, one real parallel
# for the fit, the application in a few words, a light question.
TEXT_EN = {
    "heading": "A connection note that gets accepted",
    "box": "Add a note to your invitation",
    "note": [
        ("Hi Lena, ", None),
        ("your talk on faster checkout pages stuck with me, especially testing on cheap phones first.", 1),
        (" ", None),
        ("I did the same for our shop’s mobile site last year.", 2),
        (" I’ve applied for the Front-End Developer role and ", None),
        ("I’m curious how your team picks which pages to speed up first.", 3),
    ],
    "counter": "{n}/300",
    "notes": [
        ("A specific hook", "one detail from their own work, not “I love your company”"),
        ("Why you fit, in one line", "a real parallel from your work, not “I’m perfect for it”"),
        ("A small ask", "a light question about their work, not a favor"),
        ("Under the limit", "{n} of 300 characters, so nothing is cut off"),
    ],
}

TEXT_ES = {
    "heading": "Una nota de conexión que se acepta",
    "box": "Añade una nota a tu invitación",
    "note": [
        ("Hola, Lena: ", None),
        ("tu charla sobre páginas de pago más rápidas se me quedó grabada, sobre todo lo de probar primero en móviles baratos.", 1),
        (" ", None),
        ("Hice lo mismo en la web móvil de nuestra tienda.", 2),
        (" Me he postulado al puesto de desarrollo front-end y ", None),
        ("me gustaría saber cómo elige tu equipo por qué páginas empezar.", 3),
    ],
    "counter": "{n}/300",
    "notes": [
        ("Un gancho concreto", "un detalle de su trabajo, no “me encanta tu empresa”"),
        ("Por qué encajas, en una línea", "algo real de tu trabajo, no “soy perfecto para el puesto”"),
        ("Una petición pequeña", "una pregunta ligera sobre su trabajo, no un favor"),
        ("Dentro del límite", "{n} de 300 caracteres, así que no se corta nada"),
    ],
}


def font(name, size):
    return ImageFont.truetype(str(FONTS / name), size)


# Large for a picture: on a phone it is shown about 340 pixels wide.
REGULAR = font("DejaVuSans.ttf", 40)
BOLD = font("DejaVuSans-Bold.ttf", 40)
HEADING = font("DejaVuSans-Bold.ttf", 48)
SMALL = font("DejaVuSans.ttf", 35)
BADGE = font("DejaVuSans-Bold.ttf", 29)
BADGE_R = 24
LINE = 60  # the note's line height
ROW = 128  # one numbered explanation


def luminance(hex_colour):
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_contrast():
    pairs = [(TEXT, CARD), (TEXT, PAGE), (MUTED, CARD), (MUTED, PAGE)]
    for part in PARTS.values():
        pairs += [("#ffffff", part["badge"]), (TEXT, part["tint"])]
    for fg, bg in pairs:
        if contrast(fg, bg) < 4.5:
            sys.exit(f"{fg} on {bg}: contrast {contrast(fg, bg):.2f} < 4.5")
    # The badges are graphics that carry meaning: 3:1 against the card.
    for part in PARTS.values():
        if contrast(part["badge"], CARD) < 3 or contrast(part["badge"], part["tint"]) < 3:
            sys.exit(f"badge {part['badge']} is below 3:1")


def badge(draw, x, y, number):
    """A numbered circle centred at (x, y)."""
    colour = PARTS[number]["badge"]
    draw.ellipse((x - BADGE_R, y - BADGE_R, x + BADGE_R, y + BADGE_R), fill=colour)
    draw.text((x, y), str(number), font=BADGE, fill="#ffffff", anchor="mm")


def tokens(note):
    """The note as a list of (kind, text, part): a badge before each numbered
    part, then its words (each with the space that follows it)."""
    out = []
    for text, part in note:
        if part is not None:
            out.append(("badge", "", part))
        for i, word in enumerate(text.split(" ")):
            last = i == len(text.split(" ")) - 1
            if word:
                out.append(("word", word + ("" if last else " "), part))
            elif not last:
                out.append(("word", " ", part))
    return out


def layout(note, width):
    """Wraps the tokens into lines no wider than `width`: [[(x, kind, text, part)]]."""
    lines, line, x = [], [], 0
    space = REGULAR.getlength(" ")
    for kind, text, part in tokens(note):
        w = 2 * BADGE_R + 8 if kind == "badge" else REGULAR.getlength(text.rstrip(" "))
        if line and x + w > width and text.strip() != "":
            lines.append(line)
            line, x = [], 0
        if not line and text == " ":
            continue
        line.append((x, kind, text, part))
        x += w + (space if kind == "word" and text.endswith(" ") else 0)
    if line:
        lines.append(line)
    return lines


def draw(words):
    note = "".join(text for text, _ in words["note"])
    n = len(note)
    if n > LIMIT:
        sys.exit(f"the note has {n} characters, over {LIMIT}: {note}")

    inner = WIDTH - 2 * MARGIN - 2 * PAD
    box_inner = inner - 2 * 24
    line_h = LINE
    lines = layout(words["note"], box_inner)
    notes_h = len(words["notes"]) * ROW
    height = MARGIN + 70 + PAD + 58 + 24 + len(lines) * line_h + 24 + 20 + 50 + PAD + 40 + notes_h + MARGIN - 20

    img = Image.new("RGB", (WIDTH, height), PAGE)
    d = ImageDraw.Draw(img)
    y = MARGIN
    d.text((MARGIN, y), words["heading"], font=HEADING, fill=TEXT)
    y += 70

    # The card: the mock invitation box.
    card_top = y
    card_bottom = card_top + PAD + 58 + 24 + len(lines) * line_h + 24 + 20 + 50 + PAD
    d.rounded_rectangle((MARGIN, card_top, WIDTH - MARGIN, card_bottom), radius=18, fill=CARD, outline=BORDER, width=2)
    x0 = MARGIN + PAD
    y = card_top + PAD
    d.text((x0, y), words["box"], font=BOLD, fill=TEXT)
    y += 58
    box_top = y
    box_bottom = box_top + 24 + len(lines) * line_h + 24
    d.rounded_rectangle((x0, box_top, WIDTH - MARGIN - PAD, box_bottom), radius=10, outline=BORDER, width=2)
    ty = box_top + 24
    for line in lines:
        # Highlight each numbered part's run of words on this line.
        runs = []
        for x, kind, text, part in line:
            if part is None:
                continue
            w = 2 * BADGE_R + 8 if kind == "badge" else REGULAR.getlength(text.rstrip(" "))
            if runs and runs[-1][2] == part:
                runs[-1][1] = x + w
            else:
                runs.append([x, x + w, part])
        for start, end, part in runs:
            d.rounded_rectangle((x0 + 24 + start - 6, ty - 4, x0 + 24 + end + 6, ty + line_h - 8), radius=8, fill=PARTS[part]["tint"])
        for x, kind, text, part in line:
            if kind == "badge":
                badge(d, x0 + 24 + x + BADGE_R, ty + (line_h - 8) // 2 - 2, part)
            else:
                d.text((x0 + 24 + x, ty + 2), text, font=REGULAR, fill=TEXT)
        ty += line_h
    # The counter, numbered 4.
    y = box_bottom + 20
    counter = words["counter"].format(n=n)
    cw = SMALL.getlength(counter)
    right = WIDTH - MARGIN - PAD
    d.rounded_rectangle((right - cw - 16, y - 2, right + 4, y + 48), radius=8, fill=PARTS[4]["tint"])
    d.text((right - cw - 6, y + 4), counter, font=SMALL, fill=TEXT)
    badge(d, right - cw - 16 - BADGE_R - 8, y + 23, 4)

    # What each number means.
    y = card_bottom + 40
    for i, (title, text) in enumerate(words["notes"], start=1):
        badge(d, MARGIN + BADGE_R, y + 24, i)
        for line, face in [(title, BOLD), (text.format(n=n), SMALL)]:
            if MARGIN + 2 * BADGE_R + 18 + face.getlength(line) > WIDTH - MARGIN:
                sys.exit(f"too long for one line: {line}")
        d.text((MARGIN + 2 * BADGE_R + 18, y), title, font=BOLD, fill=TEXT)
        d.text((MARGIN + 2 * BADGE_R + 18, y + 54), text.format(n=n), font=SMALL, fill=MUTED)
        y += ROW
    # Few colours: a palette keeps the PNG small and the text crisp.
    return img.quantize(colors=48, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE), n


def main():
    check_contrast()
    for words, out in [(TEXT_EN, "content/guides/connection-note.png"), (TEXT_ES, "content/es/guides/connection-note.png")]:
        img, n = draw(words)
        path = ROOT / out
        img.save(path, optimize=True)
        print(f"{out}: {img.width}x{img.height}, note {n} characters, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
