//! The flagship in Spanish (#18, item 8): content/es/ translates the home
//! page, every guide, the whole decision tree, every FAQ, every template
//! and every rule of the message checker. These tests hold the Spanish
//! edition to the promises the English one keeps: each template fits its
//! limit as LinkedIn counts, each example's stated count is true, and the
//! shipped checker, run with `/es/check/rules.json`, flags the Spanish
//! stock phrases the sources warn about and passes what they recommend.
//!
//! Node is required, as for checker.rs (CASEBOOK_SKIP_NODE=1 skips).

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

use super::checker::{
    data_texts, flagship, flagship_data, node_or_skip, pasted_into_checker, run_checker,
    shipped_script,
};
use crate::common::{Output, tags};
use casebook::data::{self, Data, DataFile};

/// The Spanish records alone (not merged with the English ones), parsed
/// as the build parses a translation.
fn spanish_data() -> Data {
    let texts = data_texts("content/es/data");
    let files: Vec<DataFile> = texts
        .iter()
        .map(|(path, rel, text)| DataFile { path, rel, text })
        .collect();
    let (data, problems) = data::parse_translation(&files, &flagship_data());
    assert!(
        problems.is_empty(),
        "the Spanish data has problems: {problems:#?}"
    );
    data
}

fn spanish_rules(out: &Output) -> Value {
    serde_json::from_str(&out.read("es/check/rules.json")).expect("es/check/rules.json is JSON")
}

/// Ids of one kind of record, in file order.
fn ids<T>(records: &[data::Located<T>], id: impl Fn(&T) -> &str) -> Vec<String> {
    records.iter().map(|r| id(&r.rec).to_owned()).collect()
}

#[test]
fn every_faq_template_and_checker_rule_is_translated_and_the_pages_are_spanish() {
    let en = flagship_data();
    let es = spanish_data();
    assert_eq!(ids(&es.faqs, |f| &f.id), ids(&en.faqs, |f| &f.id));
    assert_eq!(ids(&es.templates, |t| &t.id), ids(&en.templates, |t| &t.id));
    assert_eq!(ids(&es.checks, |c| &c.id), ids(&en.checks, |c| &c.id));
    for (e, s) in en.checks.iter().zip(&es.checks) {
        assert_ne!(e.rec.message, s.rec.message, "`{}` is translated", e.rec.id);
        assert_eq!(
            (e.rec.kind, e.rec.min, e.rec.max, &e.rec.case),
            (s.rec.kind, s.rec.min, s.rec.max, &s.rec.case),
            "`{}` works as the English rule does",
            e.rec.id
        );
    }
    let out = flagship();
    // Every guide is translated (#20: a Spanish reader following a link no
    // longer lands on an English guide).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let guides: Vec<String> = std::fs::read_dir(root.join("content/guides"))
        .expect("content/guides")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "_index.md")
        .collect();
    assert!(guides.len() >= 7, "{guides:?}");
    let mut urls: Vec<String> = [
        "/es/",
        "/es/guides/",
        "/es/faq/",
        "/es/templates/",
        "/es/check/",
        "/es/decide/should-i-message/",
    ]
    .map(String::from)
    .to_vec();
    urls.extend(
        guides
            .iter()
            .map(|g| format!("/es/guides/{}/", g.trim_end_matches(".md"))),
    );
    for url in &urls {
        let html_tag = tags(&out.page(url))
            .into_iter()
            .find(|t| t.name == "html")
            .expect("an <html> tag");
        assert_eq!(html_tag.attr("lang"), Some("es"), "{url}");
    }
}

/// The examples in a Spanish template's notes: each
/// "**Label** (N caracteres):" line and the blockquote after it, as
/// (label, stated count, text).
fn ejemplos(notes: &str) -> Vec<(String, usize, String)> {
    let head = Regex::new(r"^\*\*(.+)\*\* \((\d+) caracteres\):$").expect("regex");
    let lines: Vec<&str> = notes.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(c) = head.captures(l.trim()) else {
            continue;
        };
        let quoted: Vec<&str> = lines[i + 1..]
            .iter()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| l.trim_start().starts_with('>'))
            .map(|l| {
                let l = l.trim_start().trim_start_matches('>');
                let l = l.strip_prefix(' ').unwrap_or(l);
                l.strip_suffix('\\').unwrap_or(l)
            })
            .collect();
        let count = c[2].parse().expect("a count");
        out.push((c[1].to_owned(), count, quoted.join("\n")));
    }
    out
}

/// `text` with each `[placeholder]` as `.+?`: what the template filled in
/// must match.
fn filled_in(text: &str) -> Regex {
    let placeholder = Regex::new(r"\[[^\[\]]+\]").expect("regex");
    let mut pattern = String::from("(?s)^");
    let mut last = 0;
    for m in placeholder.find_iter(text) {
        pattern.push_str(&regex::escape(&text[last..m.start()]));
        pattern.push_str(".+?");
        last = m.end();
    }
    pattern.push_str(&regex::escape(&text[last..]));
    pattern.push('$');
    Regex::new(&pattern).expect("pattern")
}

/// Problems with one Spanish template: its text and every example within
/// its limit as LinkedIn counts (code points), each stated count true, the
/// first example the template filled in, no placeholder left; and its
/// examples, as (what, pasted into the checker, text), for the checker.
fn template_problems(
    t: &data::Template,
    checker_limit: usize,
    examples: &mut Vec<(String, bool, String)>,
) -> Vec<String> {
    let placeholder = Regex::new(r"\[[^\[\]]+\]").expect("regex");
    let mut problems = Vec::new();
    let limit = t.limit();
    let pasted = pasted_into_checker(t.channel);
    let count = t.text.chars().count();
    if limit.is_some_and(|l| count > l) {
        problems.push(format!(
            "template `{}` is {count} characters as written",
            t.id
        ));
    }
    let found = ejemplos(t.notes.as_deref().unwrap_or_default());
    match found.first() {
        Some((label, _, text)) if label == "Ejemplo completado" => {
            if !filled_in(&t.text).is_match(text) {
                problems.push(format!(
                    "`{}`: the example is not the template filled in",
                    t.id
                ));
            }
        }
        _ => problems.push(format!(
            "`{}` has no \"**Ejemplo completado** (N caracteres):\" first",
            t.id
        )),
    }
    for (label, stated, text) in found {
        let what = format!("template `{}`, example \"{label}\"", t.id);
        let n = text.chars().count();
        if n != stated {
            problems.push(format!("{what}: the notes say {stated}, it has {n}"));
        }
        if let Some(l) = limit.filter(|&l| n > l) {
            problems.push(format!("{what} has {n} characters, over its limit of {l}"));
        }
        if pasted && n > checker_limit {
            problems.push(format!(
                "{what} has {n} characters, over the checker's {checker_limit}"
            ));
        }
        if placeholder.is_match(&text) {
            problems.push(format!("{what} still has a placeholder"));
        }
        examples.push((what, pasted, text));
    }
    problems
}

#[test]
fn every_spanish_template_fits_its_limit_as_linkedin_counts_and_passes_the_spanish_checker() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = spanish_rules(out);
    let checker_limit = rules["limit"].as_u64().expect("limit") as usize;
    let mut problems = Vec::new();
    let mut examples = Vec::new();
    for t in &spanish_data().templates {
        problems.extend(template_problems(&t.rec, checker_limit, &mut examples));
    }
    assert!(examples.len() >= 19, "every template shows an example");
    let texts: Vec<String> = examples.iter().map(|e| e.2.clone()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    for ((what, pasted, text), got) in examples.iter().zip(&flags) {
        let got: Vec<&Value> = got
            .iter()
            .filter(|f| *pasted || f[1].as_str() != Some("length"))
            .collect();
        if !got.is_empty() {
            problems.push(format!(
                "{what}: the checker flags it with {got:?}:\n    {text}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What the Spanish connection-request guide says about lengths is true:
/// its assembled example has the count it states and passes the Spanish
/// checker, and the ranges it gives for the connection-note templates (room
/// left for your details, length of the filled-in examples) are theirs.
#[test]
fn the_spanish_guides_character_counts_are_true() {
    if !node_or_skip() {
        return;
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/es/guides/connection-request.md"
    );
    let guide = std::fs::read_to_string(path).expect("the Spanish guide");
    let number = |re: &str| -> Vec<usize> {
        let c = Regex::new(re).expect("regex").captures(&guide).expect(re);
        c.iter()
            .skip(1)
            .map(|m| m.expect("group").as_str().parse().expect("a number"))
            .collect()
    };
    let example = Regex::new(r"(?m)^### Todo junto\n\n> (.+)$").expect("regex");
    let example = example.captures(&guide).expect("the assembled example")[1].to_owned();
    assert_eq!(number(r"Son (\d+) caracteres")[0], example.chars().count());
    let notes: Vec<data::Template> = spanish_data()
        .templates
        .into_iter()
        .map(|t| t.rec)
        .filter(|t| t.channel == data::Channel::ConnectionNote)
        .collect();
    // Vigesimocuarta lectura (wording 3): the room for your details is 300
    // minus each template's fixed text, its bracketed placeholders removed
    // (your details replace them), counted in code points.
    let brackets = Regex::new(r"\[[^\[\]]*\]").expect("regex");
    let room: Vec<usize> = notes
        .iter()
        .map(|t| 300 - brackets.replace_all(&t.text, "").chars().count())
        .collect();
    let filled: Vec<usize> = notes
        .iter()
        .flat_map(|t| ejemplos(t.notes.as_deref().unwrap_or_default()))
        .map(|e| e.1)
        .collect();
    let stated = number(r"dejan entre (\d+) y (\d+) caracteres para tus detalles");
    let (lo, hi) = (
        *room.iter().min().expect("notes"),
        *room.iter().max().expect("notes"),
    );
    assert_eq!(
        stated,
        vec![lo, hi],
        "room {lo}..{hi}, the guide says {stated:?}"
    );
    let stated = number(r"los ejemplos completados van de (\d+) a (\d+) caracteres");
    assert_eq!(
        stated,
        vec![
            *filled.iter().min().expect("examples"),
            *filled.iter().max().expect("examples")
        ]
    );
    let out = flagship();
    let (errors, flags) = run_checker(&shipped_script(out), &spanish_rules(out), &[example]);
    assert!(errors.is_empty() && flags[0].is_empty(), "{flags:?}");
}

/// The lines of checker.rs's RECOMMENDED, written in Spanish as a reader
/// would (placeholders filled in, the longer ones paraphrased), each with
/// the seed line it rests on. The Spanish checker must raise no flag on any.
const RECOMMENDED: &[(&str, &str)] = &[
    (
        "tras firmar la oferta, «ya firmé» cuenta como algo de esa persona (el \\b tras la é nunca coincidía en JavaScript)",
        "Hola Dana: ya firmé, así que pronto podré aportar valor a tu empresa.",
    ),
    (
        "una empresa que fundó la persona (love-your-company la excusa; el \\b tras la ó nunca coincidía en JavaScript)",
        "Hola Marta, admiro la empresa que creó tu equipo y cómo publican sus postmortems. ¿Quién los escribe?",
    ),
    (
        "Careery, una solicitud aceptada (002:37)",
        "Tu hilo sobre priorización de producto cambió cómo gestiono mi backlog. Me encantaría seguir tus reflexiones.",
    ),
    (
        "Careery, una solicitud aceptada que menciona la candidatura (002:38)",
        "Envié mi candidatura para el puesto de PM —tu idea de «resultados antes que entregables» en la oferta es justo mi filosofía—. Me gustaría saber cómo se nota en el día a día.",
    ),
    // Issue #20, quinta lectura (C1): la misma línea aceptada, escrita con
    // la puntuación del teclado en lugar de la raya.
    (
        "Careery, la línea aceptada de 002:38 con coma en lugar de raya",
        "Hola, Dana: me postulé al puesto de PM, y tu idea de «resultados antes que entregables» en la oferta es justo mi filosofía. ¿Cómo se nota eso en el día a día?",
    ),
    (
        "Careery, la línea aceptada de 002:38 con punto y coma en lugar de raya",
        "Hola, Dana: me postulé al puesto de PM; tu idea de «resultados antes que entregables» en la oferta es justo mi filosofía. ¿Cómo se nota eso en el día a día?",
    ),
    (
        "Careery, la línea aceptada de 002:38 con guion en lugar de raya",
        "Me postulé al puesto de PM - tu idea de «resultados antes que entregables» en la oferta es justo mi filosofía. ¿Cómo se nota eso en el día a día?",
    ),
    // Issue #20, quinta lectura (C2): notas a un reclutador como dicen
    // alternatives.md#recruiter y la receta de Careery (002:118).
    (
        "Receta de Careery para reclutadores (002:118): el puesto por su nombre",
        "Hola, Jordan: me interesa el puesto de QA Engineer sénior en Lumen. Llevo seis años en automatización de pruebas, los últimos en Tallis. ¿Te parece bien que conectemos?",
    ),
    (
        "Receta de Careery para reclutadores (002:118): su oferta",
        "Hola, Jordan: vi tu oferta de QA Engineer sénior en Lumen. Llevo seis años en automatización de pruebas, los últimos en Tallis. ¿Te parece bien conectar?",
    ),
    // Issue #20, quinta lectura (C4): una recomendación ya hecha (001:28).
    (
        "Artículo sin título, menciona la recomendación (001:28)",
        "Hola, Dana: Sam Patel, de Lumen, tuvo la amabilidad de recomendarme para el puesto de QA Engineer sénior en tu equipo. Ya me he postulado y me gustaría saber cómo elegís qué pruebas automatizar.",
    ),
    // Issue #20, quinta lectura (L8).
    (
        "Guía after-they-accept#coffee, una llamada sin fecha (003:5)",
        "Gracias de nuevo por nuestro intercambio sobre turnos de noche, Omar. ¿Tendrías 15 minutos para una llamada este mes? Sin problema si estás liado.",
    ),
    (
        "Guía alternatives#recruiter, preguntar por el contacto adecuado",
        "Hola, Dana: tu publicación sobre revisiones asíncronas me encantó. ¿Podrías indicarme la persona indicada para preguntas sobre el puesto de QA?",
    ),
    (
        "Terkel, Michael Staton: una nota amable tras un no (003:17)",
        "Hola, Elena: me decepcionó no conseguir el puesto de analista, pero disfruté de nuestra conversación sobre modelos de abandono. Si tienes un momento, ¿qué habría hecho más fuerte mi candidatura?",
    ),
    (
        "Árbol hired-connect, una nota ya contratada (003:17)",
        "Hola, Dana: estoy encantada de incorporarme al equipo de QA el mes que viene y tengo muchas ganas de trabajar juntas. ¡Nos vemos el primer día!",
    ),
    (
        "Careery, una apertura concreta y luego el deseo de conectar (002:63)",
        "Hola, Dana: tu publicación sobre revisiones asíncronas cambió cómo llevo las nuestras. Me gustaría conectar y seguir lo que comparte tu equipo. ¿Cómo lograste que todos respetaran la regla de un día?",
    ),
    (
        "Careery, una solicitud aceptada entre antiguos alumnos (002:39)",
        "Yo también estudié en Ohio State: tu paso de ingeniería a dirección de producto es justo el que estoy recorriendo ahora.",
    ),
    (
        "Careery, una apertura concreta (002:44)",
        "Tu publicación sobre contratar por potencial y no por títulos me llegó de verdad.",
    ),
    (
        "Careery, una apertura concreta (002:45)",
        "Vi que tu equipo acaba de lanzar el nuevo proceso de pago: ¡enhorabuena!",
    ),
    (
        "Careery, una apertura que cuenta contactos en común (002:46)",
        "Tenemos 4 contactos en común en Lumen; pensé que nuestros círculos podrían cruzarse.",
    ),
    (
        "Careery, la misma apertura en una nota completa (002:46, 49, 54)",
        "Hola, Dana: tenemos 4 contactos en común en Lumen, así que pensé que nuestros círculos podrían cruzarse. Me interesa cómo abordas las pruebas inestables. Acabo de postularme al puesto de QA en tu equipo y me entusiasma su misión.",
    ),
    (
        "Careery, un motivo que no es pedir trabajo (002:32)",
        "Estoy explorando la automatización de pruebas y me encantaría seguir tu perspectiva.",
    ),
    (
        "Careery, un contacto en común (002:33)",
        "Compartimos un contacto, Sam Patel, así que pensé que podríamos tener cosas en común.",
    ),
    (
        "Careery, curiosidad por el equipo (002:34)",
        "El trabajo de tu equipo en el rediseño del proceso de pago me parece fascinante, y me gustaría saber más sobre cómo lo enfocaron.",
    ),
    (
        "Careery, a largo plazo (002:61, parafraseado)",
        "Hola, Dana: tu publicación sobre revisiones de código asíncronas me tocó de cerca. Llevo tiempo peleándome con revisiones atascadas y tu punto de vista cambió el mío. Me encantaría seguirte. Alex",
    ),
    (
        "Careery, una trayectoria (002:63, parafraseado)",
        "Hola, Dana: vi que pasaste de soporte a dirección de ingeniería, un camino que yo también estoy explorando. Me alegraría estar en contacto. Alex",
    ),
    (
        "Careery, la pregunta de la tercera semana (002:91)",
        "Me gustaría saber cómo aborda tu equipo las pruebas inestables.",
    ),
    (
        "Careery, mencionar el interés tras una relación real (002:93, parafraseado)",
        "Me han gustado mucho estos intercambios. Si algún día surge en tu equipo un puesto que encaje con mi perfil, me encantaría que contaras conmigo. En cualquier caso, gracias por el contacto.",
    ),
    (
        "Careery, el único recordatorio amable (002:122)",
        "Solo para que esto no quede enterrado. ¡Sin prisa si estás ocupada!",
    ),
    // Issue #20, cuarta lectura (C2): el recordatorio traducido con
    // naturalidad, y con saludo, pasa de los 80 caracteres a partir de los
    // que `nothing-specific` empieza a mirar.
    (
        "Careery, el recordatorio amable traducido con naturalidad (002:122)",
        "Solo quería asegurarme de que esto no se había perdido; ¡no te preocupes si estás ocupado!",
    ),
    (
        "Careery, el recordatorio amable con saludo (002:122, parafraseado)",
        "Hola, Dana: solo quería asegurarme de que mi mensaje no se ha quedado enterrado. ¡No te preocupes si estás muy ocupada!",
    ),
    (
        "Careery, una nota a un reclutador (002:118, parafraseado)",
        "Hola, Jordan: vi que publicaste el puesto de QA sénior en Lumen. Llevo seis años en automatización de pruebas, los últimos en Tallis. ¿Te parece bien que conectemos?",
    ),
    (
        "Guía de decisión, un paralelismo con el lanzamiento del equipo (000:10, parafraseado)",
        "Hola, Dana: construí el flujo de devoluciones en Tallis, que se parece mucho al proceso de pago que acaba de lanzar tu equipo. Me gustaría comparar notas sobre cómo lo probaron.",
    ),
    (
        "Networking Etiquette, un acercamiento informal que amplía tu red (004:11, parafraseado)",
        "Hola, Dana: me interesa postularme a Lumen en el futuro y me gustaría ir creando contactos con gente de tu equipo. ¿Qué buscas en una persona nueva para pruebas?",
    ),
    // Issue #20, séptima lectura (punto menor 6): como en inglés, donde
    // "build my network" pasa y "expand my network" no, "construir mi red"
    // pasa como comentario de paso; "ampliar mi red" es la frase de Careery.
    (
        "Networking Etiquette, el mismo acercamiento con «construir mi red», como «build my network» en inglés (004:11, parafraseado)",
        "Hola, Dana: me interesa postularme a Lumen en el futuro y me gustaría construir mi red con gente de tu equipo. ¿Qué buscas en una persona nueva para pruebas?",
    ),
    (
        "Networking Etiquette, una conversación breve sobre el puesto (004:7, parafraseado)",
        "¿Tendrías un rato para una conversación breve sobre el puesto?",
    ),
    (
        "Terkel, la pequeña petición de Zack McCarty (003:5, parafraseado)",
        "¿Te puedo invitar a un café algún día para conocer mejor Lumen?",
    ),
    (
        "Terkel, la llamada de 15 minutos de Deborah Bubis (003:23, parafraseado)",
        "¿Tendrías 15 minutos para una llamada sobre lo que más te gusta de trabajar en Lumen y cómo podría aportar al equipo de QA?",
    ),
    (
        "Terkel, Michael Staton después de un rechazo (003:17, parafraseado)",
        "Gracias de nuevo por la entrevista. ¿Qué podría haber hecho mejor? Si surge otra vacante en el futuro, escríbeme, por favor.",
    ),
    (
        "Artículo sin título, después de un evento (001:24, parafraseado)",
        "Hola, Dana: fue un placer conocerte ayer en TestBash. Tu idea sobre las pruebas inestables se me quedó grabada y me alegraría seguir en contacto.",
    ),
    (
        "Artículo sin título, después de una recomendación (001:28, parafraseado)",
        "Hola, Dana: Sam Patel me recomendó para el puesto de QA en tu equipo y quería saludarte y darte las gracias por tenerme en cuenta.",
    ),
    (
        "Artículo sin título, después de un evento, sin \"tu\" (001:24, parafraseado)",
        "Hola, Dana: me alegró mucho conocerte el martes en TestBash. La idea de aislar en un día una prueba inestable se me quedó grabada, y mi equipo ya la está probando.",
    ),
    (
        "Artículo sin título, charlar después de un panel (001:24, parafraseado)",
        "Hola, Dana: disfruté hablando contigo después del panel de TestBash. La idea de aislar en un día una prueba inestable se me quedó grabada y la estamos probando.",
    ),
    (
        "Artículo sin título, una charla ese mismo día (001:24, parafraseado)",
        "Hola, Dana: me encantó la charla de hoy después de tu panel en TestBash. Tu idea de aislar las pruebas inestables se me quedó grabada y la probaremos la semana que viene.",
    ),
    (
        "Artículo sin título, conocerse esta semana (001:24, parafraseado)",
        "Hola, Dana: un gusto coincidir esta semana en TestBash. Tu idea de una semana tranquila después de cada turno de guardia se me quedó grabada.",
    ),
    (
        "Artículo sin título, un panel sobre guardias (001:24, parafraseado; una guardia no es una llamada)",
        "Hola, Carla: tu panel de esta semana en DevOpsDays sobre el desgaste de las guardias me dejó pensando. ¿Cómo le planteaste a la dirección las semanas tranquilas?",
    ),
    (
        "Guía de decisión, un lanzamiento nombrado en tercera persona (000:10, parafraseado)",
        "Hola, Dana: en Tallis construí un flujo de devoluciones muy parecido al que acaba de lanzar Lumen, y me gustaría comparar notas sobre cómo lo probaron antes de publicarlo.",
    ),
    (
        "Guía de decisión, una oferta que da un contacto directo (000:9, parafraseado)",
        "Hola, Dana: la oferta pide a los candidatos que te escriban directamente, así que aquí va mi pregunta: ¿cómo reparte tu equipo las pruebas entre manuales y automatizadas?",
    ),
    // The contested questions the English RECOMMENDED settles (issue #20,
    // second read): the Spanish checker takes the same side on each.
    (
        "Guía when-to-reach-out#before-applying, una duda que la oferta no resuelve (004:7, 004:14)",
        "Antes de postularme, ¿podrías decirme si el puesto admite candidatos que trabajen en remoto?",
    ),
    (
        "Guía when-to-reach-out#before-applying, la misma duda tras leer la oferta (004:14); no es saltarse el proceso",
        "Hola, Dana: veo que la oferta del puesto de QA no dice nada de la ubicación, pero antes de postularme, ¿podrías decirme si el puesto admite candidatos en remoto?",
    ),
    (
        "Guía alternatives#recruiter, directo con un reclutador: primero el puesto que publicó (002:118)",
        "Hola, Jordan: me postulé al puesto de QA sénior que publicaste. Llevo seis años en automatización de pruebas, los últimos en Tallis. ¿Te parece bien que conectemos?",
    ),
    (
        "Guía alternatives#recruiter, un reclutador que la oferta indica como contacto (000:37, 002:118)",
        "Hola, Jordan: la oferta te indica como contacto para el puesto de QA sénior. Ya me postulé y llevo seis años en automatización de pruebas. ¿Te parece bien que conectemos?",
    ),
    (
        "Árbol pause-frustration, una pregunta breve y educada al reclutador (000:37)",
        "Hola, Jordan: hace dos semanas me postulé al puesto de QA sénior para el que estás contratando. ¿Hay un calendario aproximado para el siguiente paso?",
    ),
    (
        "Guía interviews-and-rejection#after-hired y árbol hired-connect, un agradecimiento ya contratada (003:17)",
        "Hola, Dana: gracias por la oferta. Acepto encantada y tengo muchas ganas de trabajar contigo y con el equipo.",
    ),
    (
        "Guía interviews-and-rejection#after-hired, el mismo agradecimiento con el puesto (003:17)",
        "Hola, Dana: gracias por ofrecerme el puesto de QA sénior. Tengo muchísimas ganas de trabajar contigo y con el equipo a partir de marzo.",
    ),
    // Issue #20, sexta lectura (C3): una nota a un reclutador que nombra el
    // puesto publicado con un título de una sola palabra.
    (
        "Guía alternatives#recruiter, una nota al reclutador con un título de una palabra (002:118)",
        "Hola, Jordan: vi el puesto de analista en Lumen. Tengo seis años en análisis de datos, el último en Tallis. Ya envié mi candidatura. ¿Te parece bien que conectemos por si surgen preguntas?",
    ),
    // Issue #20, novena lectura: tras un rechazo, pedir que te tengan en
    // cuenta, como dicen la guía de entrevistas y el desenlace del árbol.
    (
        "Guía interviews-and-rejection y pregunta after-rejection, tenme en cuenta (003:17)",
        "Hola, Dana: gracias por avisarme sobre el puesto de QA sénior. Disfruté nuestra conversación sobre las pruebas inestables; tenme en cuenta por si surge algo en el futuro.",
    ),
    (
        "Lo mismo, sin el tiempo (003:17)",
        "Hola, Dana: gracias por decírmelo y por el tiempo que dedicaste a la entrevista para el puesto de QA sénior. Te agradecería que me tuvieras en cuenta por si sale algo.",
    ),
    // Issue #20, sexta lectura (C4): el mensaje posterior que menciona tu
    // interés cuando ya hay confianza, con otras palabras.
    (
        "Guía after-they-accept#mention-interest y plantilla mention-interest, con otras palabras (002:92-93)",
        "Hola, Dana: he disfrutado mucho nuestros intercambios sobre revisiones asíncronas. Ahora estoy buscando un nuevo puesto y me encantaría que contaras conmigo por si surge algo en tu equipo. Sea como sea, gracias por las conversaciones.",
    ), // Issue #20, séptima lectura (contradicción 2): una nota a un reclutador
    // que nombra el puesto por su título sin nada detrás, o tras "al".
    (
        "FAQ message-recruiter, el puesto nombrado por su título y nada detrás (002:118)",
        "Hola, Jordan: me interesa el puesto de QA sénior. Tengo seis años de experiencia en automatización de pruebas en Tallis. ¿Estarías abierto a conectar?",
    ),
    (
        "FAQ message-recruiter, el puesto nombrado tras «al» (002:118)",
        "Hola, Jordan: tengo seis años de experiencia en automatización de pruebas en Tallis y la semana pasada me postulé al puesto de QA sénior en Lumen. ¿Estarías abierto a conectar?",
    ),
    (
        "FAQ message-recruiter, el puesto nombrado tras «del» (002:118)",
        "Hola, Jordan: te escribo por el anuncio del puesto de QA sénior. Tengo seis años de experiencia en automatización de pruebas en Tallis. ¿Estarías abierto a conectar?",
    ),
    // Issue #20, décima lectura: los desenlaces del árbol con las palabras
    // de un lector (véase checker.rs).
    (
        "Desenlace hired-connect y guía interviews-and-rejection#after-hired, las gracias tras la oferta (003:17)",
        "Hola, Dana: muchas gracias por todo durante el proceso. ¡Tengo muchas ganas de trabajar juntos!",
    ),
    (
        "Guía interviews-and-rejection#interview-booked, una llamada ya fijada y otra pregunta",
        "Hola, Dana: nos vemos en nuestra llamada de mañana, ¿quieres que prepare algo?",
    ),
    (
        "Lo mismo sin el signo de apertura",
        "Hola, Dana: tengo ganas de nuestra charla del martes que viene, hay algo que deba leer antes?",
    ),
    (
        "Desenlace pause-frustration, una pregunta al reclutador sobre la candidatura (000:37)",
        "Hola, Jordan: ¿podrías decirme en qué punto está mi candidatura al puesto de QA sénior? Me postulé hace tres semanas.",
    ),
    // Issue #20, undécima lectura (véase checker.rs).
    (
        "Pregunta after-rejection y desenlace ask-for-feedback (003:17)",
        "Hola, Dana: gracias por avisarme. ¿Podrías decirme brevemente qué habría reforzado mi candidatura? Me gustaría saber de futuras vacantes.",
    ),
    (
        "Lo mismo, tras la entrevista (003:17)",
        "Hola, Dana: gracias por tu tiempo y por la oportunidad de entrevistarme. Si tienes un momento, ¿qué podría haber hecho mejor? Tenme en cuenta si surge algo en el futuro.",
    ),
    (
        "Desenlace after-event y plantilla after-event (004:7)",
        "Hola, Dana: fue un placer charlar ayer en el meetup de QA de Berlín sobre pruebas inestables y cuarentenas. ¡Me alegrará seguir en contacto!",
    ),
    (
        "Lo mismo, con la conversación de ayer (004:7)",
        "Hola, Dana: me encantó la conversación de ayer en TestCon sobre las pruebas inestables. ¡Me alegrará seguir en contacto!",
    ),
    (
        "Desenlace hired-connect, con otras palabras (003:17)",
        "Hola, Dana: gracias por todo. Tengo muchas ganas de incorporarme en marzo y trabajar contigo y con el resto del equipo.",
    ),
    (
        "El único recordatorio de Careery, como lo pide el mensaje de la regla (002:122)",
        "Hola, Dana: creo que mi mensaje anterior puede haberse perdido entre tantos, así que te lo recuerdo. ¡Ninguna prisa si estás con mucho lío!",
    ),
    (
        "Lo mismo, con otras palabras (002:122)",
        "Hola, Dana: quería asegurarme de que mi último mensaje no se te perdió. ¡Si estás a tope, no te preocupes!",
    ),
    (
        "Una llamada ya fijada, con un guion y sin signo de apertura",
        "Hola, Dana: tengo ganas de nuestra llamada de mañana - quieres que prepare algo?",
    ),
    // Issue #20, duodécima lectura: una universidad o una empresa en común
    // dicha con palabras corrientes, y una frase de la oferta, los detalles
    // que cuentan la pregunta specific-hook y el desenlace engage-first.
    (
        "Pregunta specific-hook, una universidad en común (alternatives#shared-background)",
        "Hola, Dana: fuimos a la misma universidad, la Complutense, unos años después. Estoy pasando a liderar un equipo de QA.",
    ),
    (
        "Pregunta specific-hook, una empresa en común",
        "Hola, Dana: los dos trabajamos en Deloitte, aunque en años distintos. Ahora me dedico a la automatización de pruebas.",
    ),
    (
        "Lo mismo, en primera persona",
        "Hola, Dana: yo también trabajé en Deloitte, unos años después que tú. Ahora me dedico a la automatización de pruebas.",
    ),
    (
        "Desenlace engage-first, una frase de la propia oferta",
        "Hola, Dana: una frase de la oferta de QA sénior me llamó la atención, la de encargarse de la estrategia de pruebas de principio a fin.",
    ),
    (
        "Lo mismo, con otras palabras",
        "Hola, Dana: en la oferta para QA sénior se dice que el equipo se encarga de la estrategia de pruebas de principio a fin. Es lo que hago hoy.",
    ),
    (
        "Una conversación ya tenida, como el intercambio",
        "Hola, Dana: gracias de nuevo por el intercambio sobre pruebas inestables. Probé la cuarentena que describiste y funcionó muy bien.",
    ),
    // Issue #20, decimotercera lectura: formas naturales de notas que
    // piden el árbol, las plantillas y las guías, que marcaban seis reglas.
    (
        "El único recordatorio (002:122), diciendo que escribes de nuevo (decimotercera lectura)",
        "Hola, Dana: te escribo de nuevo por si mi mensaje sobre tu regla de responder en un día se perdió entre otros. Si estás con mucho trabajo, ninguna prisa.",
    ),
    (
        "Lo mismo, vuelvo a escribirte",
        "Hola, Dana: vuelvo a escribirte por si mi mensaje sobre tu regla de un día se perdió entre otros. Si estás con mucho lío, ninguna prisa.",
    ),
    (
        "Lo mismo, como pregunta por el mensaje",
        "Hola, Dana: ¿has podido leer mi mensaje sobre tu regla de un día? Si estás con mucho lío, ninguna prisa.",
    ),
    (
        "Desenlace ask-for-feedback, las gracias tras un rechazo (003:17)",
        "Hola, Dana: gracias por considerar mi candidatura para el puesto de QA sénior. Si tienes un momento, ¿qué habría hecho más sólida mi candidatura? Me encantará saber de futuras vacantes en tu equipo.",
    ),
    (
        "Lo mismo, revisar",
        "Hola, Dana: gracias por revisar mi candidatura y por la entrevista. ¿Qué podría haber hecho mejor? Me encantará saber de futuras vacantes.",
    ),
    (
        "Lo mismo, tener en cuenta",
        "Hola, Dana: gracias por tener en cuenta mi candidatura. ¿Qué podría haber hecho mejor? Me encantará saber de futuras vacantes.",
    ),
    (
        "Desenlace pause-frustration, el puesto con un título en inglés",
        "Hola, Jordan: ¿podrías decirme en qué punto está mi candidatura al puesto de Software Engineer? Me postulé hace tres semanas.",
    ),
    (
        "FAQ message-recruiter, la oferta nombrada por su título en inglés",
        "Hola, Jordan: vi la oferta de Software Engineer en Lumen. Tengo seis años de experiencia en desarrollo backend en Tallis. Ya me postulé y te agradecería conectar por si surgen preguntas. ¿Te parece bien?",
    ),
    (
        "Antes de postularte, una duda sobre el puesto, con «aplicar»",
        "Hola, Dana: antes de aplicar a la vacante, una duda que la oferta no resuelve: ¿cuánta parte del trabajo son pruebas manuales? Con una respuesta breve me basta. Gracias.",
    ),
    (
        "Desenlace engage-first, una charla que dio",
        "Hola, Dana: ¿vas a compartir las diapositivas de tu charla de esta semana en TestBash? Me quedé con ganas de repasar la parte de las pruebas inestables.",
    ),
    (
        "Lo mismo, tras conoceros",
        "Hola Dana, nos conocimos ayer en TestBash después de tu charla. ¿Compartirás las diapositivas de la charla de hoy?",
    ),
    (
        "Plantilla mention-interest (002:92-93), buscando empleo como un puesto",
        "Hola, Dana: ahora estoy buscando empleo como líder de QA, y el trabajo de tu equipo en el nuevo pago es justo lo que quiero hacer. Si surge algo adecuado, me encantaría que contaras conmigo.",
    ),
    (
        "Desenlace after-event, dónde os conocisteis con otras palabras (004:7)",
        "Hola, Dana: te conocí en TestBash y me quedé con lo que dijiste sobre responder cada revisión en un día. Ya lo estoy probando con mi equipo. Me alegrará seguir en contacto.",
    ),
    (
        "Pregunta specific-hook, una empresa en común con el verbo delante",
        "Hola, Dana: trabajamos los dos en Deloitte, yo en el equipo de auditoría entre 2018 y 2020. Ahora estoy dando el salto a producto. ¿Qué te ayudó más al pasar de consultoría a producto?",
    ),
    (
        "Pregunta specific-hook, antigua alumna",
        "Hola, Dana: soy antigua alumna de la Complutense, como tú. Ahora estoy planeando pasar de soporte a QA. ¿Qué te ayudó más al dar ese salto?",
    ),
    (
        "Mencionar la candidatura con «envié mi CV»",
        "Hola, Dana: tu publicación sobre revisiones asíncronas me dejó pensando. Encaja con cómo llevo las revisiones en mi equipo de QA. Ya envié mi CV por la web de empleo para el puesto de QA sénior y me pregunto qué pruebas automatiza primero tu equipo.",
    ),
    // Issue #20, decimocuarta lectura.
    (
        "Plantilla referred-by-employee y desenlace connect-with-referral, la recomendación seguida de una pregunta",
        "Hola Dana: Sam Patel tuvo la amabilidad de recomendarme para QA sénior; ¿cómo eligió tu equipo qué automatizar?",
    ),
    (
        "Lo mismo, con otras palabras",
        "Hola Dana: Sam Patel me hizo el favor de recomendarme, ¿qué pruebas automatiza primero tu equipo?",
    ),
    (
        "Desenlace hold-until-decision, el agradecimiento con la despedida de cortesía",
        "Hola Dana, gracias por la entrevista de hoy, disfruté la charla sobre pruebas inestables. Quedo a la espera de tu respuesta.",
    ),
    (
        "Desenlace contact-recruiter, el puesto nombrado como oportunidad",
        "Hola Jordan, me interesa mucho la oportunidad de QA sénior en Lumen. Llevo cinco años automatizando pruebas con Cypress y reduje las pruebas de cada versión de tres días a uno.",
    ),
    // Issue #20, decimoquinta lectura.
    (
        "FAQ when-to-mention-job y plantilla mention-interest: que te tengan en cuenta si surge algo en su equipo",
        "Hola Dana, he valorado mucho nuestros intercambios sobre revisiones. Busco mi próximo puesto de líder de QA; si surge algo en tu equipo, me encantaría que me tuvieras en cuenta.",
    ),
    (
        "Desenlace ask-for-feedback: qué habría reforzado tu candidatura, con «recomendar»",
        "Hola Dana, gracias por avisarme. Me hubiera encantado, pero lo entiendo. ¿Qué me recomendarías mejorar para una próxima vez? Me gustaría saber de futuras vacantes.",
    ),
    (
        "Guía connection-request, una pregunta ligera con «recomendar»",
        "Hola Dana, tu charla sobre pruebas de contrato me encantó. ¿Qué lectura me recomiendas para profundizar?",
    ),
    (
        "Desenlace connect-after-event: envía la solicitud pronto",
        "Hola Dana, te envío la solicitud porque hablamos hace un rato en la feria de empleo sobre pruebas de pago.",
    ),
    (
        "Lo mismo, «invitación», la palabra de LinkedIn en español",
        "Hola Dana: te envío la invitación porque nos conocimos en el congreso de QA. Me quedé con tu idea sobre los contratos.",
    ),
    (
        "Plantilla referral-request y desenlace warm-introduction, con el saludo personal",
        "Hola Sam, espero que estés muy bien. Como conoces a Dana Ruiz, ¿podrías presentarnos? Me postulo al puesto de QA sénior en su equipo porque su trabajo en pagos es justo lo mío. Te paso un texto breve para reenviar.",
    ),
    (
        "Desenlace contact-recruiter, el puesto tras «abierta»",
        "Hola Jordan, vi que tienen una posición abierta de QA senior en Lumen. Tengo 6 años de experiencia en automatización. ¿Podemos conectar?",
    ),
    (
        "alternatives.md#recruiter y Careery (002:118): a un reclutador, la candidatura primero y si le parece bien conectar",
        "Hola Jordan: me postulé al puesto de QA sénior en Lumen. Tengo seis años en automatización de pruebas. ¿Te parece bien que conectemos?",
    ),
    (
        "Desenlace send-specific-note: una pregunta sobre su trayectoria, la palabra del árbol",
        "Hola Dana, me gustaría aprender de tu trayectoria de desarrollo a QA. ¿Qué fue lo más difícil?",
    ),
    (
        "Desenlace pause-frustration: la pregunta de estado, diciendo que aún no hay noticias",
        "Hola, Jordan: ¿podrías decirme en qué punto está mi candidatura al puesto de QA sénior? Me postulé hace tres semanas y aún no he tenido noticias.",
    ),
    (
        "El único recordatorio (002:122), diciendo que aún no has sabido nada",
        "Hola Dana: solo un pequeño recordatorio de mi mensaje sobre tu charla de pruebas, por si se perdió. Todavía no he sabido nada, pero ninguna prisa.",
    ),
    (
        "Desenlace ask-for-feedback (003:17): pedir consejo tras un rechazo",
        "Hola Dana, gracias por avisarme. Entiendo la decisión. Me ayudaría mucho que me dieras algunos consejos para reforzar mi candidatura en el futuro.",
    ),
    // Issue #20, decimosexta lectura: formas naturales de lo que piden el
    // árbol, las plantillas y las FAQ, que marcaban diez reglas.
    (
        "Desenlace pause-frustration: la pregunta de estado con «cómo va el proceso» y «aún no he tenido noticias» (decimosexta lectura, 1)",
        "Hola Jordan, ¿me podrías decir cómo va el proceso para el puesto de QA senior? Postulé hace tres semanas y aún no he tenido noticias.",
    ),
    (
        "Lo mismo, «alguna novedad» y «aún no he sabido nada» (decimosexta lectura, 1)",
        "Hola Jordan, ¿hay alguna novedad sobre mi candidatura al puesto de QA senior? Me postulé hace tres semanas y aún no he sabido nada.",
    ),
    (
        "El único recordatorio (desenlace pause-frustration, when-to-reach-out.md): «te la dejo de nuevo por aquí» (decimosexta lectura, 1)",
        "Hola Dana, hace una semana te pregunté por tu charla sobre pruebas de carga y aún no he tenido respuesta. Te la dejo de nuevo por aquí, por si te viene bien.",
    ),
    (
        "Lo mismo, «te lo recuerdo una vez» (decimosexta lectura, 1)",
        "Hola Dana, hace una semana te pregunté por tu charla sobre pruebas de carga y todavía no he recibido respuesta, así que te lo recuerdo una vez. ¡Gracias!",
    ),
    (
        "Desenlace pause-frustration: el puesto nombrado como «puesto abierto de QA senior» (decimosexta lectura, 2)",
        "Hola Jordan, ¿podrías decirme en qué punto está mi candidatura al puesto abierto de QA senior? Me postulé hace tres semanas.",
    ),
    (
        "Lo mismo, «la vacante abierta de QA» (decimosexta lectura, 2)",
        "Hola Jordan, ¿podrías decirme en qué punto está mi candidatura a la vacante abierta de QA? Me postulé hace tres semanas.",
    ),
    (
        "Desenlace ask-for-feedback: la pregunta de la plantilla y que te tengan en cuenta si más adelante se abre algo (decimosexta lectura, 3)",
        "Hola Elena, gracias por contármelo. Si tienes un momento, ¿qué habría hecho más sólida mi candidatura? Y si más adelante se abre algo que encaje, me encantaría que me tengas en cuenta.",
    ),
    (
        "Lo mismo, «si en el futuro hay un puesto que encaje» (decimosexta lectura, 3)",
        "Hola Elena, gracias por el proceso y por tu respuesta. ¿Qué podría haber hecho mejor? Me encantaría que me tuvieras en cuenta si en el futuro hay un puesto que encaje.",
    ),
    (
        "Lo mismo, «¿qué me faltó?» (decimosexta lectura, 3)",
        "Hola Elena, gracias por todo. ¿Qué me faltó? Ojalá me tengas en cuenta si en el futuro encaja otro puesto.",
    ),
    (
        "Plantilla mention-interest y FAQ when-to-mention-job: «si se abre una vacante en tu equipo» (decimosexta lectura, 3)",
        "Hola Dana, gracias por nuestros intercambios sobre accesibilidad. Ahora busco un nuevo puesto de QA, y me encantaría que me tuvieras en cuenta si se abre una vacante en tu equipo.",
    ),
    (
        "Lo mismo, «si en algún momento se abre algo en tu equipo» (decimosexta lectura, 3)",
        "Hola Dana, gracias por nuestros intercambios sobre accesibilidad. Ahora busco un nuevo puesto de QA, y si en algún momento se abre algo en tu equipo, me encantaría que me tengas en cuenta.",
    ),
    (
        "Plantilla mention-interest de usted: «su equipo», «que contara conmigo» (decimosexta lectura, 4)",
        "Hola Dana, valoro mucho nuestras conversaciones sobre accesibilidad. Ahora estoy buscando trabajo en QA y lo que hace su equipo es justo lo que quiero hacer. Si surge algo, me encantaría que contara conmigo.",
    ),
    (
        "Lo mismo, «trabajar en su equipo si surge algo» (decimosexta lectura, 4)",
        "Hola Dana, valoro mucho nuestras conversaciones sobre accesibilidad. Estoy abierta a un nuevo puesto y me encantaría trabajar en su equipo si surge algo.",
    ),
    (
        "Plantilla referral-request y desenlace warm-introduction: saludo personal y «¿me podrías presentar a…?» (decimosexta lectura, 5)",
        "Hola Sam, espero que estés muy bien. ¿Me podrías presentar a Dana Reyes? Me postulé al puesto de QA senior en su equipo. Te paso un texto breve para reenviar.",
    ),
    (
        "Lo mismo, «¿me presentarías a…?» (decimosexta lectura, 5)",
        "Hola Sam, espero que te encuentres bien. ¿Me presentarías a Dana Reyes? Me postulé al puesto de QA senior en su equipo. Te paso un texto breve para reenviar.",
    ),
    (
        "Lo mismo, «sé que conoces a…, ¿me la presentarías?» (decimosexta lectura, 5)",
        "Hola Sam, espero que te encuentres bien. Sé que conoces a Dana Reyes, ¿me la presentarías? Me postulé al puesto de QA senior en su equipo.",
    ),
    (
        "Desenlace warm-introduction: «¿me recomendarías con Dana Reyes?» (decimosexta lectura, 5)",
        "Hola Sam, ¿me recomendarías con Dana Reyes? Me postulé al puesto de QA senior en su equipo y con dos líneas basta. Si te incomoda, no pasa nada.",
    ),
    (
        "Lo mismo, «vi que conoces a…» y «hablar bien de mí» (decimosexta lectura, 5)",
        "Hola Sam, vi que conoces a Dana Reyes. ¿Le podrías hablar bien de mí? Me postulé al puesto de QA en su equipo.",
    ),
    (
        "Lo mismo, «tú que conoces a…, ¿me recomiendas con ella?» (decimosexta lectura, 5)",
        "Hola Sam, tú que conoces a Dana Reyes, ¿me recomiendas con ella? Me postulé al puesto de QA senior en su equipo.",
    ),
    (
        "FAQ message-recruiter y desenlace contact-recruiter: «¿te importa si conectamos?» (decimosexta lectura, 6)",
        "Hola Jordan, me postulé al puesto de QA senior en Lumen. Tengo seis años de experiencia en automatización de pruebas. ¿Te importa si conectamos?",
    ),
    (
        "Lo mismo, «¿conectamos?» (decimosexta lectura, 6)",
        "Hola Jordan, envié mi candidatura para el puesto de QA senior en Lumen. Tengo seis años de experiencia en QA. ¿Conectamos?",
    ),
    (
        "Lo mismo, «¿podríamos conectar…?» (decimosexta lectura, 6)",
        "Hola Jordan, envié mi candidatura para el puesto de QA senior en Lumen. Tengo seis años de experiencia en QA. ¿Podríamos conectar por si surge alguna pregunta?",
    ),
    (
        "Lo mismo, «encantado de conectar si te parece bien» (decimosexta lectura, 6)",
        "Hola Jordan, envié mi candidatura para el puesto de QA senior en Lumen. Tengo seis años de experiencia en QA. Encantado de conectar si te parece bien.",
    ),
    (
        "Desenlace hired-connect: las gracias por la oferta y ganas de «empezar cuanto antes» (decimosexta lectura, 7)",
        "Hola Dana, ¡muchas gracias por la oferta! Acepto encantada y tengo ganas de empezar cuanto antes.",
    ),
    (
        "Lo mismo, «lo antes posible» (decimosexta lectura, 7)",
        "Hola Dana, ¡muchas gracias por la oferta! Acepto encantada y tengo ganas de empezar lo antes posible.",
    ),
    (
        "Desenlace connect-after-event: la solicitud «después de hablar hace una hora» (decimosexta lectura, 8)",
        "Hola Carla, te envío la solicitud después de hablar hace una hora en el stand de Finch. Tu consejo sobre Terraform me vino genial.",
    ),
    (
        "Lo mismo, «tras nuestra charla de hace un rato» (decimosexta lectura, 8)",
        "Hola Carla, te mando la solicitud tras nuestra charla de hace un rato en la feria de empleo. Me quedé con tu consejo sobre Terraform.",
    ),
    (
        "Lo mismo, «después de la charla de hace unas horas» (decimosexta lectura, 8)",
        "Hola Carla, te envío la solicitud después de la charla de hace unas horas en la feria de Finch. Me quedé con tu consejo sobre Terraform.",
    ),
    (
        "Lo mismo, «tras charlar hace un rato» (decimosexta lectura, 8)",
        "Hola Carla, te envío la solicitud tras charlar hace un rato en la feria. Me quedé con tu consejo sobre Terraform.",
    ),
    (
        "Desenlace connect-while-talking: «tras tu mensaje de hace un rato» (decimosexta lectura, 8)",
        "Hola Dana, gracias por tu mensaje sobre el puesto de QA senior. Te envío la solicitud tras tu mensaje de hace un rato, para seguir en contacto por aquí.",
    ),
    (
        "Desenlace hold-until-decision: las gracias «por la entrevista de hace unas horas» (decimosexta lectura, 8)",
        "Hola Dana, te envío estas líneas para darte las gracias por la entrevista de hace unas horas. Me encantó conocer al equipo de QA.",
    ),
    (
        "Lo mismo, «gracias por hablar conmigo… hace unas horas» (decimosexta lectura, 8)",
        "Hola Dana, gracias por hablar conmigo sobre mi candidatura hace unas horas. Me encantó conocer al equipo de QA.",
    ),
    (
        "Desenlace ask-for-feedback y FAQ after-rejection: consejos «para la próxima vez» (decimosexta lectura, 9)",
        "Hola Elena, gracias por tu respuesta y por todo el proceso. Me encantaría que me dieras algunos consejos para la próxima vez.",
    ),
    (
        "Lo mismo, «gracias por contármelo» y «qué mejorar» (decimosexta lectura, 9)",
        "Hola Elena, gracias por contármelo. Aunque me da pena, me encantaría que me dieras algunos consejos sobre qué mejorar.",
    ),
    (
        "FAQ send-resume: el CV que te pidieron, «como me pediste» (decimosexta lectura, 12)",
        "Hola Jordan, como me pediste, te envío mi CV para el puesto de QA senior.",
    ),
    (
        "Lo mismo, «tal como me pediste, adjunto mi currículum» (decimosexta lectura, 12)",
        "Hola Jordan, tal como me pediste, adjunto mi currículum.",
    ),
    (
        "FAQ ask-for-a-call: dejar que elija cuándo, «sería perfecto» (decimosexta lectura, 13)",
        "Hola Omar, gracias por tu respuesta sobre los turnos de noche. Si algún día tienes 15 minutos para contarme cómo planificaste el cuadrante, sería perfecto. Sin prisa.",
    ),
    (
        "Lo mismo, «cuando te venga bien sería perfecto» (decimosexta lectura, 13)",
        "Hola Omar, gracias por tu respuesta sobre los turnos de noche. ¿Te animarías a una llamada de 15 minutos algún día? Cuando te venga bien sería perfecto.",
    ),
    (
        "Desenlace connect-after-event: «¡sería perfecto seguir en contacto!» (decimosexta lectura, 13)",
        "Hola Carla, nos conocimos en la feria de empleo y me dijiste que te escribiera. ¡Sería perfecto seguir en contacto!",
    ),
    (
        "Plantilla mutual-connection: «me dijo que eres la mejor persona para preguntar» (decimosexta lectura, 13)",
        "Hola Dana, Sam Patel me dijo que eres la mejor persona para preguntar sobre pruebas de carga; trabajamos juntos en Tallis. ¿Cómo definís los umbrales en tu equipo?",
    ),
    (
        "Plantilla email-before-applying: pedir «una respuesta breve cuando puedas» (decimosexta lectura, 14)",
        "Hola Dana, antes de postularme al puesto de QA senior, una duda que la oferta no resuelve: ¿incluye guardias? Te agradecería una respuesta breve cuando puedas.",
    ),
    (
        "Desenlace send-specific-note: «en la empresa donde trabajo», «como describiste» (decimosexta lectura, 15)",
        "Hola Dana, en la empresa donde trabajo hacemos revisiones asíncronas como las que describiste en la JSConf. ¿Cómo mantienes el ritmo de un día?",
    ),
    (
        "Lo mismo, «en esta empresa en la que trabajo», «como explicaste» (decimosexta lectura, 15)",
        "Hola Dana, en esta empresa en la que trabajo llevamos un año con revisiones asíncronas, como explicaste en la JSConf. ¿Cómo mantenéis el ritmo?",
    ),
    (
        "Lo mismo, «el rediseño que lanzó la empresa» (decimosexta lectura, 15)",
        "Hola Dana, trabajo en QA y el rediseño del pago que lanzó la empresa el año pasado es el ejemplo que les paso a mis colegas. ¿Cómo eligieron los navegadores de prueba?",
    ),
    // Issue #20, decimoséptima lectura: notas naturales que siguen el consejo del sitio y antes se marcaban (C1-C20).
    (
        "C1 decimoséptima lectura: deja que elija cuándo (FAQ ask-for-a-call)",
        "Hola Marta, gracias por aceptar. ¿Te animarías a una llamada de 15 minutos sobre tu post de guardias? Si te parece, dime qué día te viene mejor.",
    ),
    (
        "C1 decimoséptima lectura: deja que elija cuándo (FAQ ask-for-a-call)",
        "Hola Marta, ¿tendrías 15 minutos para una llamada sobre tu charla de accesibilidad? Sin prisa: ¿cuándo tendrías un hueco?",
    ),
    (
        "C1 decimoséptima lectura: deja que elija cuándo (FAQ ask-for-a-call)",
        "Hola Marta, ¿te vendría bien una llamada breve sobre tu artículo? Tú eliges: ¿qué momento te va mejor?",
    ),
    (
        "C1 decimoséptima lectura: deja que elija cuándo (FAQ ask-for-a-call)",
        "Hola Marta, si te apetece una llamada corta sobre tu post de OKRs, dime cuándo estarías disponible y me adapto.",
    ),
    (
        "C1 decimoséptima lectura: deja que elija cuándo (FAQ ask-for-a-call)",
        "Hola Marta, gracias por escribirme por el puesto de QA sénior. ¿Qué día te viene bien para la llamada que me propusiste?",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si en tu equipo se abre algo, me encantaría que me tuvieras en cuenta.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si surgiera algo en tu equipo, me encantaría que me tuvieras en cuenta.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si se abriera algo en tu equipo, tenme en cuenta.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Cuando se abra una vacante en tu equipo, me encantaría que me consideraras.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si necesitan a alguien en tu equipo, me encantaría que me tuvieras en cuenta.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Ojalá me tengas en cuenta cuando haya algo en tu equipo.",
    ),
    (
        "C2 decimoséptima lectura: mention-interest, «si … en tu equipo»",
        "Estimada Marta: gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si en su equipo surgiera algo, le agradecería que me tuviera en cuenta.",
    ),
    (
        "C3 decimoséptima lectura: nota al reclutador, «quedo atento»",
        "Hola Jordan, te escribo por el cargo de analista de riesgos en Lumen. Tengo seis años de experiencia y ya envié mi candidatura. Quedo atento.",
    ),
    (
        "C3 decimoséptima lectura: nota al reclutador, «quedo atento»",
        "Hola Jordan, te escribo por la convocatoria de analista de riesgos. Tengo seis años de experiencia y ya envié mi candidatura. Quedo atento.",
    ),
    (
        "C3 decimoséptima lectura: nota al reclutador, «quedo atento»",
        "Hola Jordan, te escribo por el puesto de Scrum Master. Tengo seis años de experiencia y ya envié mi candidatura. Quedo atento.",
    ),
    (
        "C3 decimoséptima lectura: nota al reclutador, «quedo atento»",
        "Hola Jordan, te escribo por el puesto de abogada en Lumen. Tengo seis años de experiencia y ya envié mi candidatura. Quedo atento.",
    ),
    (
        "C3 decimoséptima lectura: nota al reclutador, «quedo atento»",
        "Hola Jordan, sé que estás llevando la búsqueda de QA sénior en Lumen. Tengo seis años de experiencia en QA. Ya me postulé. Quedo atento por si necesitas algo más.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento",
        "Hola Marta, te conocí en la feria de empleo de la UPM y me hablaste del equipo de datos. Quedo atento.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento",
        "Hola Marta, hablamos el jueves en la feria de empleo del ITAM. Quedo atento.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento",
        "Hola Marta, platicamos en la feria de empleo del ITAM sobre el área de riesgos. Ya envié mi CV por la página. Quedo pendiente.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento",
        "Hola Marta, te conocí ayer en el stand de Glovo en la feria de empleo de la UPM. Gracias por el consejo sobre el portafolio, ya lo estoy aplicando. Me encantaría seguir en contacto y saber más de la empresa.",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, ambas pasamos por Deloitte. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, vi que también pasaste por la UNAM. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, estudiamos los dos en el Tec. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, trabajamos en Indra en la misma época. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, estuve en Accenture igual que tú. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, fui compañero tuyo en BBVA. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, yo también vengo de Globant. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, vi que estudiaste en la UBA como yo. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, fui alumno de la UC3M, como tú. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, también me gradué de la Universidad de Chile. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, también soy de la Javeriana. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, somos de la misma promoción de Ingeniería Industrial en la UPV. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C5 decimoséptima lectura: universidad o empresa en común",
        "Hola Marta, también hice el máster de Data Science en la UOC. Ya envié mi candidatura. ¿Cómo fue tu llegada a la empresa?",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, agradezco la oportunidad y el tiempo de todo el equipo. ¿Qué aspectos de mi perfil debería reforzar? Ojalá coincidamos más adelante.",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, te agradezco la oportunidad. Aunque esta vez no se dio, ¿qué me aconsejarías reforzar? Me encantaría saber si se abre otra vacante en tu equipo.",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, muchas gracias por considerarme en el proceso. ¿Qué me aconsejarías mejorar? Me gustaría seguir en contacto por si surge otra oportunidad.",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, gracias por informarme. Aunque me hubiera gustado otro resultado, ¿tienes algún feedback para mí? Estaré atento a nuevas oportunidades en tu equipo.",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, fue una buena experiencia aunque no quedé. ¿Me compartes qué podría mejorar? Me gustaría que me consideraras para otra oportunidad en tu equipo.",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, gracias por avisar. Sigo buscando trabajo en QA, así que si se abre otra vacante me encantaría saberlo. ¿Qué me faltó?",
    ),
    (
        "C6 decimoséptima lectura: tras un rechazo (ask-for-feedback)",
        "Hola Marta, qué pena, pero gracias por el proceso. Estoy abierta a otras oportunidades en tu equipo más adelante. ¿Algo que debería mejorar?",
    ),
    (
        "C7 decimoséptima lectura: tras una oferta (hired-connect)",
        "Hola Marta, gracias por la propuesta, ya la firmé. Estoy con muchas ganas de sumarme a la empresa.",
    ),
    (
        "C7 decimoséptima lectura: tras una oferta (hired-connect)",
        "Hola Marta, ¡gracias por la propuesta! Ya acepté y tengo muchas ganas de formar parte de la empresa.",
    ),
    (
        "C7 decimoséptima lectura: tras una oferta (hired-connect)",
        "Hola Marta, gracias por elegirme. ¡Qué ganas de sumarme a tu empresa!",
    ),
    (
        "C7 decimoséptima lectura: tras una oferta (hired-connect)",
        "Hola Marta, gracias por seleccionarme. Estoy muy emocionada por esta nueva oportunidad y por trabajar con todo el equipo.",
    ),
    (
        "C8 decimoséptima lectura: agradecimiento tras la entrevista",
        "Hola Marta, gracias por recibirme ayer. Me quedé con muchas ganas de sumarme al proyecto de pagos. Quedo atento a los próximos pasos.",
    ),
    (
        "C8 decimoséptima lectura: agradecimiento tras la entrevista",
        "Hola Marta, muchas gracias por la videollamada de esta mañana. Me quedé con muchas ganas de sumarme al proyecto de pagos. Quedo atento a los próximos pasos.",
    ),
    (
        "C8 decimoséptima lectura: agradecimiento tras la entrevista",
        "Hola Marta, gracias por el tiempo que me dedicaste ayer. Me quedé con muchas ganas de sumarme al proyecto de pagos. Quedo atento a los próximos pasos.",
    ),
    (
        "C8 decimoséptima lectura: agradecimiento tras la entrevista",
        "Hola Marta, gracias por atenderme hoy. Me quedé con muchas ganas de sumarme al proyecto de pagos. Quedo atento a los próximos pasos.",
    ),
    (
        "C8 decimoséptima lectura: agradecimiento tras la entrevista",
        "Hola Marta, gracias por el espacio de ayer. Me quedé con muchas ganas de sumarme al proyecto de pagos. Quedo atento a los próximos pasos.",
    ),
    (
        "C9 decimoséptima lectura: pregunta de estado al reclutador",
        "Hola Jordan: ¿sabes si ya revisaron mi CV para la vacante de QA sénior? Lo envié hace tres semanas.",
    ),
    (
        "C9 decimoséptima lectura: pregunta de estado al reclutador",
        "Hola Jordan, ¿alcanzaste a ver mi postulación para el cargo de analista? Postulé hace 20 días.",
    ),
    (
        "C9 decimoséptima lectura: pregunta de estado al reclutador",
        "Hola Jordan, ¿sabes cuándo darán respuesta a los candidatos de QA sénior? Apliqué hace tres semanas y aún no he tenido noticias.",
    ),
    (
        "C9 decimoséptima lectura: pregunta de estado al reclutador",
        "Hola Jordan, ¿se sabe algo del proceso de QA sénior? Me postulé hace tres semanas y sigo sin noticias.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés bien. ¿Me podrías poner en contacto con Dana Reyes? Apliqué a la vacante de QA sénior.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés muy bien. ¿Le podrías hablar de mí a Dana Reyes? Me postulé al puesto de QA sénior en su equipo. Si te incomoda, no pasa nada.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés bien. ¿Me recomendarías con Dana Reyes? Apliqué a la vacante de QA sénior.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés bien. ¿Me conectas con Dana Reyes? Apliqué a la vacante de QA sénior.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés bien. ¿Me harías una intro con Dana Reyes? Apliqué a la vacante de QA sénior.",
    ),
    (
        "C10 decimoséptima lectura: pedir una presentación a un contacto",
        "Hola Sam, espero que estés bien. ¿Le pasarías mi contacto a Dana Reyes? Apliqué a la vacante de QA sénior.",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, tu tuit sobre guardias sostenibles me pareció muy sensato; en la empresa donde estoy ahora lo sufrimos bastante. Ya envié mi candidatura. ¿Cuántas personas rotan en las guardias?",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, tu masterclass de Platzi sobre SQL me ayudó muchísimo. Ya envié mi candidatura. ¿Qué base de datos usan en la empresa?",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, tu taller de accesibilidad en el Codemotion me cambió la forma de diseñar formularios. Ya envié mi postulación. ¿Cómo prueban la accesibilidad en la compañía?",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, tu tutorial de Cypress en YouTube es el que uso con mi equipo. Ya apliqué. ¿Siguen usando Cypress en la empresa?",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, tu curso de analítica en Coursera me ayudó a cambiar de carrera. Ya me postulé. ¿Qué herramientas usan en la empresa para los dashboards?",
    ),
    (
        "C11 decimoséptima lectura: su trabajo y «la empresa»",
        "Hola Marta, me encanta cómo tu empresa publica sus postmortems en abierto; tu último sobre la caída de marzo fue ejemplar. Ya me postulé. ¿Quién los escribe?",
    ),
    (
        "C12 decimoséptima lectura: contacto en común",
        "Hola Dana, Sam Patel me animó a escribirte; fuimos compañeros en Tallis. ¿Cómo organizan las revisiones en la empresa?",
    ),
    (
        "C12 decimoséptima lectura: contacto en común",
        "Hola Dana, Sam Patel (trabajamos juntos en Tallis) me comentó que te escribiera. ¿Cómo organizan las revisiones en la empresa?",
    ),
    (
        "C12 decimoséptima lectura: contacto en común",
        "Hola Dana, Sam Patel me pasó tu contacto; fuimos compañeros en Tallis. ¿Cómo organizan las revisiones en la empresa?",
    ),
    (
        "C12 decimoséptima lectura: contacto en común",
        "Hola Marta, tenemos varios conocidos en común en Lumen. Trabajo en QA. ¿Qué herramientas usan en la empresa?",
    ),
    (
        "C12 decimoséptima lectura: contacto en común",
        "Hola Marta, conocemos a varias personas en común en Lumen. Trabajo en QA. ¿Qué herramientas usan en la empresa?",
    ),
    (
        "C13 decimoséptima lectura: frase de la oferta",
        "Hola Marta, la oferta habla de \"calidad como cultura\" y me encantó. Ya envié mi candidatura. ¿Cómo se vive eso en la empresa?",
    ),
    (
        "C13 decimoséptima lectura: frase de la oferta",
        "Hola Marta, la oferta dice que \"la calidad es de todos\", y estoy totalmente de acuerdo. Ya envié mi candidatura. ¿Cómo se vive eso en la empresa?",
    ),
    (
        "C13 decimoséptima lectura: frase de la oferta",
        "Hola Marta, en la oferta ponen \"aquí se prueba antes de opinar\", me encantó. Ya me postulé. ¿Cómo lo aplican en el día a día de la compañía?",
    ),
    (
        "C14 decimoséptima lectura: connect-while-talking, «la oportunidad»",
        "Hola Marta, gracias por tu correo sobre la oportunidad en tu equipo. Te agrego por aquí; me encantaría seguir conversando.",
    ),
    (
        "C14 decimoséptima lectura: connect-while-talking, «la oportunidad»",
        "Hola Marta! Gracias por escribirme por la oportunidad. Te agrego para seguir la conversación. Quedo pendiente.",
    ),
    (
        "C15 decimoséptima lectura: gracias tras aceptar",
        "Hola Marta, muchas gracias por aceptar mi solicitud hace unas horas. Tu post sobre guardias me hizo replantear las nuestras. ¿Cómo lo hacen en vacaciones?",
    ),
    (
        "C15 decimoséptima lectura: gracias tras aceptar",
        "Marta, gracias por aceptar la solicitud que te envié hace un rato. Me quedé pensando en tu publicación sobre OKRs: ¿cómo los revisan?",
    ),
    (
        "C16 decimoséptima lectura: CV pedido («como quedamos»)",
        "Hola Marta, como quedamos, te envío mi CV.",
    ),
    (
        "C16 decimoséptima lectura: CV pedido («como quedamos»)",
        "Hola Marta, según lo conversado, te envío mi CV.",
    ),
    (
        "C16 decimoséptima lectura: CV pedido («como quedamos»)",
        "Hola Marta, según lo hablado ayer, te comparto mi hoja de vida.",
    ),
    (
        "C16 decimoséptima lectura: CV pedido («como quedamos»)",
        "Hola Marta, te envío mi CV como acordamos en la entrevista.",
    ),
    (
        "C17 decimoséptima lectura: «no te pido que revises»",
        "Hola Dana, tu publicación sobre revisiones asíncronas me dejó pensando. Envié mi candidatura para el puesto de QA sénior. No te pido que revises mi candidatura; solo me gustaría saber qué pruebas automatizan primero.",
    ),
    (
        "C17 decimoséptima lectura: «no te pido que revises»",
        "Hola Dana, tu post sobre revisiones asíncronas me encantó. Ya me postulé al puesto de QA sénior; no te pido que mires mi CV, solo quería preguntarte qué pruebas automatizan primero.",
    ),
    (
        "C17 decimoséptima lectura: «no te pido que revises»",
        "Hola Dana, tu artículo sobre revisiones me ayudó mucho. Me postulé al puesto de QA sénior, pero no te escribo para que revises mi postulación: ¿cómo deciden qué automatizar?",
    ),
    (
        "C18 decimoséptima lectura: duda que la oferta no aclara",
        "Hola Marta, antes de postularme: veo que la oferta pide enviar el CV por correo, pero no dice si aceptan candidatos de fuera de España. ¿Los aceptan?",
    ),
    (
        "C18 decimoséptima lectura: duda que la oferta no aclara",
        "Hola Marta, veo que la oferta pide postular a través de la web, pero no dice si hay guardias. ¿Las hay?",
    ),
    (
        "C18 decimoséptima lectura: duda que la oferta no aclara",
        "Hola Marta, antes de postularme: entiendo que la oferta pide mandar las candidaturas por el portal, pero no queda claro si el puesto es remoto. ¿Lo es?",
    ),
    (
        "C19 decimoséptima lectura: de usted, «le escribo para»",
        "Estimado Jordan, le escribo para preguntarle en qué punto está mi candidatura al puesto de QA sénior. Me postulé hace tres semanas.",
    ),
    (
        "C19 decimoséptima lectura: de usted, «le escribo para»",
        "Buenas tardes, Dra. Reyes. Le escribo para agradecerle la entrevista de ayer para el puesto de analista. Me gustó mucho conocer el proyecto de riesgos.",
    ),
    (
        "C19 decimoséptima lectura: de usted, «le escribo para»",
        "Hola Marta, le escribo para darle las gracias por la oferta. Tengo muchas ganas de trabajar con usted.",
    ),
    (
        "C19 decimoséptima lectura: de usted, «le escribo para»",
        "Estimada Marta: le escribo para comentarle que Sam Patel me recomendó para el puesto de analista en su equipo. Ya envié mi candidatura. ¿Qué herramientas usan?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, tu post sobre QA proactivo me encantó. Ya me postulé al puesto de QA sénior. ¿Cómo lo aplican en tu equipo?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, tu charla sobre mantenimiento proactivo en plantas industriales me pareció muy útil. Envié mi candidatura. ¿Qué sensores usan?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, tu artículo sobre liderazgo orientado a resultados y no a horas me encantó. Ya me postulé. ¿Cómo lo miden en tu equipo?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, la oferta de QA sénior pide a alguien \"proactivo con la calidad\"; en Tallis monté un programa de bug bash mensual. Ya me postulé. ¿Cómo lo viven en el equipo?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, tu regla de revisiones en un día sería perfecta para el equipo de QA donde trabajo. Ya me postulé. ¿Cómo la introdujiste?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, tu post sobre por qué Lumen es un lugar ideal para trabajar en remoto me pareció muy honesto. Ya envié mi candidatura. ¿Cómo organizan las reuniones?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, admiro la empresa que fundaste y sobre todo cómo publican sus postmortems. Ya me postulé al puesto de SRE. ¿Quién los escribe?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, sin considerarme experta en accesibilidad, tu charla en la T3chFest me abrió los ojos. Ya envié mi candidatura al puesto de UX. ¿Qué herramienta usan para auditar?",
    ),
    (
        "C20 decimoséptima lectura: palabra que describe su trabajo o a ti",
        "Hola Marta, aunque me considere principiante en Rust, tu post sobre ownership me lo aclaró todo. Ya me postulé al puesto de backend. ¿Cuánto Rust usan en el equipo?",
    ),
    (
        "C4 decimoséptima lectura: tras un evento, «nos cruzamos en»",
        "Hola Marta, nos cruzamos en la feria de empleo de la UPM. Me encantaría saber de oportunidades en tu equipo.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento, «estuvimos platicando en»",
        "Hola Marta, estuvimos platicando en el evento de Startup México. Me encantaría saber de oportunidades en tu equipo.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento, «nos presentaron en»",
        "Hola Marta, nos presentaron en el meetup de DataBeers. Me encantaría saber de oportunidades en tu equipo.",
    ),
    (
        "C4 decimoséptima lectura: tras un evento, «hablé contigo en»",
        "Hola Marta, hablé contigo en la feria de empleo de la UPM. Me encantaría saber de oportunidades en tu equipo.",
    ),
    (
        "C11 decimoséptima lectura: «tu blog» y «el puesto abierto»",
        "Hola Marta, leí tu blog sobre deuda técnica y me pareció muy útil. Me postulé al puesto abierto en la empresa. ¿Cómo lo aplican ustedes?",
    ),
    (
        "C11 decimoséptima lectura: «tu keynote» y «la vacante actual de frontend»",
        "Hola Marta, tu keynote en la JSConf sobre rendimiento me voló la cabeza. Me postulé a la vacante actual de frontend. ¿Qué métricas de rendimiento miran en tu equipo?",
    ),
    (
        "C11 decimoséptima lectura: «tu repositorio»",
        "Hola Marta, leí tu repositorio de GitHub sobre deuda técnica y me pareció muy útil. Me postulé al puesto abierto en la empresa. ¿Cómo lo aplican ustedes?",
    ),
    (
        "C10 decimoséptima lectura: «¿Le hablarías de mí a Dana?»",
        "Hola Sam, espero que estés muy bien. ¿Le hablarías de mí a Dana? Me postulé al puesto de QA sénior en su equipo. Si te incomoda, no pasa nada.",
    ),
    (
        "C10 decimoséptima lectura: «¿Me podrías recomendar con Dana Reyes?»",
        "Hola Sam, espero que estés muy bien. ¿Me podrías recomendar con Dana Reyes? Me postulé al puesto de QA sénior en su equipo. Si te incomoda, no pasa nada.",
    ),
    (
        "C2 decimoséptima lectura: «si en algún momento buscan a alguien en tu equipo»",
        "Hola Marta, gracias por nuestras conversaciones sobre accesibilidad de estas semanas. Estoy buscando mi próximo puesto de diseñadora UX. Si en algún momento buscan a alguien en tu equipo, tenme en cuenta.",
    ),
    // Issue #20, lectura de las cinco guías nuevas: lo que piden escribir.
    (
        "after-they-accept.md#nudge: el único recordatorio, con las palabras de la guía",
        "Hola Dana, aún no he tenido noticias sobre mi mensaje de las revisiones asíncronas; solo quería asegurarme de que no se perdió. No pasa nada si estás desbordada.",
    ),
    (
        "after-they-accept.md#nudge: el único recordatorio, con las palabras de la guía",
        "Hola Dana, todavía no he recibido respuesta a mi mensaje sobre las revisiones asíncronas, así que solo quería asegurarme de que no se quedó enterrado. No pasa nada si estás desbordada.",
    ),
    (
        "after-they-accept.md#nudge: el único recordatorio, con las palabras de la guía",
        "Hola Dana, todavía no he sabido nada de mi mensaje sobre las revisiones asíncronas. Solo quería asegurarme de que no se perdió entre otros; si estás desbordada, no pasa nada.",
    ),
    (
        "after-they-accept.md#nudge: el único recordatorio, con las palabras de la guía",
        "Hola Dana, un pequeño recordatorio: todavía no he recibido respuesta a mi mensaje sobre las revisiones asíncronas. Si estás muy ocupada, no pasa nada.",
    ),
    (
        "after-they-accept.md y FAQ when-to-mention-job: el mensaje posterior de interés",
        "Hola Dana, he disfrutado mucho de nuestras conversaciones sobre revisiones asíncronas. Si en tu equipo se abre algo que encaje con mi perfil, me encantaría que me tuvieras en cuenta. Gracias en cualquier caso.",
    ),
    (
        "after-they-accept.md y FAQ when-to-mention-job: el mensaje posterior de interés",
        "Hola Dana, he disfrutado mucho de nuestros intercambios. Me encantaría que me tuvieras en cuenta si hay alguna vacante en tu equipo que encaje con mi experiencia. ¡Gracias igualmente!",
    ),
    (
        "after-they-accept.md y FAQ when-to-mention-job: el mensaje posterior de interés",
        "Hola Dana, gracias por todo lo que me has ido contando sobre el nuevo pago. Quería comentarte que estoy buscando trabajo como ingeniero de QA; si en tu equipo se abre algo que encaje con mi perfil, me encantaría que me tuvieras en cuenta. Y si no, gracias igualmente.",
    ),
    (
        "after-they-accept.md: el mensaje posterior, «tenerme presente»",
        "Hola Dana, gracias por nuestras conversaciones sobre revisiones asíncronas. Estoy buscando trabajo y, si se abre algo que encaje, me encantaría que me tuvieras presente. Gracias en cualquier caso.",
    ),
    (
        "alternatives.md#warm-introduction: pedir a un contacto que te presente",
        "Hola Sam, espero que estés bien. ¿Podrías ponerme en contacto con Dana Reyes? Me he postulado al puesto de QA sénior en su equipo. Te paso un texto breve para reenviar. Si te incomoda, no pasa nada.",
    ),
    (
        "alternatives.md#warm-introduction: pedir a un contacto que te presente",
        "Hola Sam, ¿me recomendarías a Dana Reyes? Me postulé al puesto de QA sénior en su equipo. Te paso un texto breve. Si te incomoda, no pasa nada.",
    ),
    (
        "alternatives.md#warm-introduction: pedir a un contacto que te presente",
        "Gracias por aceptar, Dana. Como te comentaba en la nota, me interesa mucho cómo automatizáis las pruebas del pago. Sigo muy interesada en la vacante abierta, por cierto.",
    ),
    (
        "alternatives.md#warm-introduction: pedir a un contacto que te presente",
        "Gracias por aceptar, Dana. Como te comentaba en la nota, ¿cómo automatizáis las pruebas del pago? Por cierto, sigo muy interesada en el puesto abierto.",
    ),
    (
        "alternatives.md#warm-introduction: «¿me recomendarías a Dana Reyes?»",
        "Gracias por aceptar, Dana. Retomo lo que te decía en mi solicitud: ¿cómo elegís qué pruebas automatizar? Sigo con mucho interés el proceso de la vacante abierta.",
    ),
    (
        "after-they-accept.md: el agradecimiento, sigues interesada en el puesto abierto",
        "Gracias por conectar, Dana. Lo que te contaba en la nota sobre las pruebas inestables sigue en pie: ¿cómo las detectáis? Por cierto, la posición abierta me sigue interesando muchísimo.",
    ),
    (
        "after-they-accept.md: el agradecimiento, sigues interesada en el puesto abierto",
        "Hola Jordan, me postulé al puesto de QA sénior en Lumen. Tengo seis años de experiencia en QA. ¿Te parecería bien conectar?",
    ),
    (
        "after-they-accept.md: el agradecimiento, sigues interesada en el puesto abierto",
        "Hola Jordan, me postulé al puesto de QA sénior en Lumen. Tengo seis años de experiencia en QA y lidero la automatización en Tallis. ¿Te parecería bien que conectáramos?",
    ),
    // Issue #20, decimoctava lectura: notas naturales que siguen el consejo del sitio y antes se marcaban (#1-#5, #7, #8).
    (
        "#3 decimoctava lectura: gracias tras una oferta (hired-connect)",
        "Hola Dana, ¡qué alegría! Acepto la oferta con mucho gusto. Tengo ganas de formar parte de la empresa.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta (hired-connect)",
        "Hola Dana, ya es oficial: el lunes empiezo. Con muchas ganas de trabajar en la empresa.",
    ),
    (
        "#1 decimoctava lectura: pregunta de estado a un reclutador (desenlace pause-frustration)",
        "Hola Jordan, ¿podrías darme una actualización sobre mi candidatura al puesto de QA sénior? Todavía no he tenido noticias y me postulé hace tres semanas.",
    ),
    (
        "#1 decimoctava lectura: pregunta de estado a un reclutador (desenlace pause-frustration)",
        "Hola Jordan, ¿me podrías contar algo del proceso de QA sénior? Me postulé hace un mes y aún no he recibido respuesta.",
    ),
    (
        "#1 decimoctava lectura: pregunta de estado a un reclutador (desenlace pause-frustration)",
        "Hola Jordan, ¿sigue abierto el proceso para QA sénior? Me postulé hace tres semanas y todavía no he sabido nada.",
    ),
    (
        "#1 decimoctava lectura: pregunta de estado a un reclutador (desenlace pause-frustration)",
        "Hola Jordan, ¿sabes algo de mi candidatura para QA sénior? Me postulé hace tres semanas y todavía no he recibido respuesta.",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Hola, Dana. Gracias por comunicarme la decisión. Me gustaría saber qué podría mejorar y que me tuvieras en cuenta en el futuro.",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Hola Dana, gracias por informarme. Si puedes, me encantaría que me dieras algunos consejos para mejorar de cara a futuras vacantes.",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Hola Dana, lamento no haber quedado, pero gracias por el trato durante todo el proceso. ¿Hubo algo en particular que me faltara? Me gustaría seguir en contacto por si surge alguna oportunidad más adelante.",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Hola Dana, gracias por la entrevista. ¿Me recomiendas algo para la próxima vez?",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Hola Dana, gracias por comunicarme la decisión. Si pudieras recomendarme en qué enfocarme, te lo agradecería.",
    ),
    (
        "#2 decimoctava lectura: tras un rechazo (desenlace ask-for-feedback)",
        "Le agradecería que me tuviera en cuenta en el futuro.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Muchas gracias, Dana. Estoy muy feliz de unirme a la empresa y con ganas de empezar.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, acepté la oferta. Mil gracias. Tengo muchas ganas de formar parte de la compañía.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, ¡ya firmé! Estoy deseando empezar a trabajar en la empresa y conocer al equipo.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, gracias, ¡qué buena noticia! Estoy muy contenta de formar parte de la empresa a partir de marzo.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, gracias por la confianza. Estoy con muchas ganas de empezar a trabajar en la compañía.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, gracias por recibirme hoy. Me quedé con muchas ganas de formar parte de la empresa.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, gracias por la reunión de hoy. Me dejó con más ganas de entrar en la empresa.",
    ),
    (
        "#3 decimoctava lectura: gracias tras una oferta o una entrevista (hired-connect, hold-until-decision)",
        "Hola Dana, gracias por el tiempo que me dedicaste. Me interesa todavía más trabajar en la empresa.",
    ),
    (
        "#4 decimoctava lectura: duda antes de postularte (apply-first, when-to-reach-out)",
        "Hola Dana, me interesa mucho la vacante abierta en tu equipo. Antes de aplicar, ¿podrías decirme si es remota?",
    ),
    (
        "#4 decimoctava lectura: duda antes de postularte (apply-first, when-to-reach-out)",
        "Hola Dana, me interesa mucho la vacante abierta en tu equipo. Antes de enviar mi CV, ¿podrías decirme si es remota?",
    ),
    (
        "#4 decimoctava lectura: duda antes de postularte (apply-first, when-to-reach-out)",
        "Hola Dana, tengo interés en el puesto abierto en tu equipo y una duda antes de mandar mi hoja de vida: ¿es híbrido?",
    ),
    (
        "#5 decimoctava lectura: nota directa a un reclutador (contact-recruiter)",
        "Hola Jordan: me postulé al puesto de QA sénior. Tengo seis años de experiencia en automatización de pruebas en Tallis. Quedo atento a cualquier pregunta.",
    ),
    (
        "#5 decimoctava lectura: nota directa a un reclutador (contact-recruiter)",
        "Hola Jordan, apliqué a la vacante de QA sénior. Tengo 6 años de experiencia en QA.",
    ),
    (
        "#5 decimoctava lectura: nota directa a un reclutador (contact-recruiter)",
        "Hola Jordan, envié mi candidatura al puesto de QA sénior. Seis años en QA.",
    ),
    (
        "#7 decimoctava lectura: pedir a un contacto que te presente (warm-introduction)",
        "Hola Sam, hace mucho que no hablamos, espero que estés bien. ¿Conoces a Dana Reyes de Lumen? Si es así, ¿me la podrías presentar? Me postulé a un puesto en su equipo.",
    ),
    (
        "#7 decimoctava lectura: pedir a un contacto que te presente (warm-introduction)",
        "Hola Sam, ¿le podrías hablar bien de mí a Dana Reyes? Me postulé al puesto de QA en su equipo.",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        "Gracias por aceptar, Dana. Tu post sobre pruebas inestables me ayudó mucho. ¿Me recomiendas algún libro para profundizar en el tema?",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        "Hola Dana, tu charla sobre accesibilidad me abrió los ojos. Trabajo en QA móvil. ¿Me recomiendas algún recurso para empezar con lectores de pantalla?",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        "Hola Dana, nos conocimos en TestBash y hablamos de accesibilidad. ¿Me recomiendas alguna herramienta para empezar con las auditorías que mencionaste?",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        "Hola, Dana: yo también estudié en Ohio State. Tu paso de soporte a dirección de ingeniería se parece al que planeo. ¿Me recomiendas algún curso que te ayudara en ese salto?",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        // Vigesimotercera lectura, F3: antes abría con «me postulé al puesto
        // de QA sénior en tu equipo.», la apertura que el sitio desaconseja
        // y que ahora se marca; la candidatura va después de su charla.
        "Hola Dana, tu charla sobre pruebas de contrato me hizo pensar. Me postulé al puesto de QA sénior en tu equipo. ¿Me recomendarías alguna lectura sobre cómo lo aplican?",
    ),
    (
        "#8 decimoctava lectura: «¿me recomiendas…?» pide consejo (send-specific-note, play-long-game)",
        "Hola Dana, leí tu post sobre pruebas de carga. ¿Me recomiendas k6 o Gatling para un equipo pequeño?",
    ),
    // Issue #20, decimonovena lectura (7): «me encantaría conectar» como cierre de una nota que dice dónde os conocisteis o sigue su trabajo.
    (
        "#7 decimonovena lectura: dónde os conocisteis y de qué hablasteis, luego el cierre (connect-after-event, when-to-reach-out.md)",
        "Hola Dana, fue un placer conocerte en la TestBash ayer y charlar sobre pruebas inestables. ¡Me encantaría conectar!",
    ),
    (
        "#7 decimonovena lectura: su post, y conectar para seguir lo que publica (lo que pide el mensaje de la regla)",
        "Hola Dana, tu post sobre revisiones asíncronas me encantó. Trabajo en QA y me encantaría conectar para seguir lo que publicas.",
    ),
    // Issue #20, decimonovena lectura (8): «espero que estés bien» a secas, el saludo del recordatorio, no es la fórmula hecha.
    (
        "#8 decimonovena lectura: el único recordatorio amable con «espero que estés bien» (polite-follow-up; la regla inglesa pasa «hope you're well»)",
        "Hola Dana, espero que estés bien. Solo un recordatorio de mi mensaje sobre el puesto de QA, por si se perdió. Sin prisa.",
    ),
    // Issue #20, vigésima lectura (4, 5): ampliar la red como coletilla junto a su charla y una pregunta; tenerte en cuenta «si alguna vez surge una oportunidad» en su equipo.
    (
        "#4 vigésima lectura: «hacer crecer mi red» como coletilla junto a su charla y una pregunta (el «por qué» del caso expand-my-network, Networking Etiquette)",
        "Hola, Dana: tu charla sobre guardias me pareció muy clara. Trabajo en QA y me gustaría hacer crecer mi red en fintech. ¿Cómo repartís las guardias?",
    ),
    (
        "#5 vigésima lectura: el mensaje posterior de Careery, «si alguna vez surge una oportunidad en tu equipo… que me tuvieras en cuenta» (after-they-accept.md, 002:92-93)",
        "Hola, Dana: valoro mucho nuestros intercambios. Si alguna vez surge una oportunidad en tu equipo que encaje con mi perfil, me encantaría que me tuvieras en cuenta. Gracias igualmente.",
    ),
    // Issue #20, vigesimoprimera lectura (1, 2): líneas que el sitio recomienda y el revisor marcaba.
    (
        "1a vigesimoprimera lectura: «robar 15 minutos» con la pregunta concreta detrás (el comentario de pick-your-brain; after-they-accept.md#asking-for-a-call)",
        "Hola, Dana: ¿te puedo robar 15 minutos para preguntarte cómo organizáis las guardias?",
    ),
    (
        "1b vigesimoprimera lectura: el CV que te pidieron, «como lo conversamos» (FAQ send-resume: «a menos que te lo pida»)",
        "Hola, Jordan: te comparto mi hoja de vida como lo conversamos.",
    ),
    (
        "1b vigesimoprimera lectura: el CV que te pidieron, «como me dijiste» (FAQ send-resume)",
        "Hola, Jordan: como me dijiste, aquí tienes mi CV.",
    ),
    (
        "1b vigesimoprimera lectura: el CV que te pidieron, «según me comentaste» (FAQ send-resume)",
        "Hola, Jordan: según me comentaste, te mando mi currículum.",
    ),
    (
        "1b vigesimoprimera lectura: el CV que te pidieron, «tal como lo acordamos» (FAQ send-resume)",
        "Hola, Jordan: te comparto mi CV, tal como lo acordamos en la llamada.",
    ),
    (
        "2a vigesimoprimera lectura: «monitorización proactiva» de su equipo, un término técnico, no un adjetivo sobre ti",
        "Gracias por aceptar, Marta. Vi que tu equipo apuesta por la monitorización proactiva. ¿Qué alertas os han dado más resultado?",
    ),
    (
        "2a vigesimoprimera lectura: «mantenimiento proactivo» de su equipo",
        "Hola, Marta: tu equipo hace mantenimiento proactivo en la planta de Burgos y me parece admirable. Trabajo en fiabilidad. ¿Cómo empezasteis?",
    ),
    (
        "2a vigesimoprimera lectura: «tu enfoque proactivo», lo suyo",
        "Gracias por aceptar, Marta. Me encantó tu enfoque proactivo de la seguridad en tu última publicación. ¿Cómo lo aplicáis en el equipo?",
    ),
    (
        "2a vigesimoprimera lectura: «proactiva» dentro del tema de su hilo",
        "Hola, Dana: leí tu hilo sobre por qué buscáis gente proactiva en QA. ¿Cómo lo detectáis en una entrevista?",
    ),
    (
        "2a vigesimoprimera lectura: «tu paso de autodidacta», su trayectoria",
        "Hola, Marta: tu paso de autodidacta a directora de ingeniería me inspira mucho. ¿Qué te ayudó más al principio?",
    ),
    (
        "2a vigesimoprimera lectura: «buen trabajador» dentro del tema de su reflexión",
        "Hola, Dana: me gustó tu reflexión sobre lo que significa ser buen trabajador en remoto. ¿Cómo lo medís en tu equipo?",
    ),
    (
        "2b vigesimoprimera lectura: el mensaje posterior de mention-interest, «una oportunidad en tu equipo… que contaras conmigo» (after-they-accept.md#mention-interest)",
        "Hola, Dana: estas semanas he aprendido mucho de lo que me has contado sobre QA. Si alguna vez hay una oportunidad en tu equipo, me encantaría que contaras conmigo. Gracias en cualquier caso.",
    ),
    (
        "2b vigesimoprimera lectura: «si hay alguna oportunidad en tu equipo» tras un intercambio real (after-they-accept.md#mention-interest)",
        "Hola, Dana: gracias por tus respuestas sobre las pruebas inestables. Te comento que estoy buscando un nuevo trabajo en QA; si hay alguna oportunidad en tu equipo, me encantaría saberlo.",
    ),
    (
        "2c vigesimoprimera lectura: «revisé mi CV siguiendo tus consejos» cuenta lo que hiciste, no pide nada",
        "Hola, Dana: tu publicación sobre currículums de una página me convenció: revisé mi CV siguiendo tus consejos. ¿Qué sección recortarías primero?",
    ),
    (
        "2d vigesimoprimera lectura: las gracias al contacto que pasó tu CV (alternatives.md#warm-introduction)",
        "Hola, Sam: gracias por pasar mi CV a Dana; ya me ha escrito. ¡Te debo un café!",
    ),
    (
        "2e vigesimoprimera lectura: una llamada breve que le deja elegir cuándo (after-they-accept.md#asking-for-a-call, FAQ ask-for-a-call)",
        "Hola, Omar: ¿tendrías 15 minutos para una llamada la semana que viene, o cuando mejor te venga, sobre cómo planificaste los turnos?",
    ),
    (
        "2f vigesimoprimera lectura: el único recordatorio, que promete no mandar otro (after-they-accept.md#no-reply)",
        "Hola, Dana: un recordatorio de mi mensaje sobre tu charla, por si se perdió. No te mandaré otro recordatorio; si estás liada, no pasa nada.",
    ),
    (
        "2g vigesimoprimera lectura: «¿hay alguna actualización…?» al reclutador (desenlace pause-frustration)",
        "Hola, Jordan: ¿hay alguna actualización sobre mi postulación al puesto de analista? La envié hace tres semanas y sigo sin noticias.",
    ),
    (
        "2g vigesimoprimera lectura: «¿sabes algo del proceso…?» al reclutador (desenlace pause-frustration)",
        "Hola, Jordan: ¿sabes algo del proceso de QA sénior? Me postulé hace tres semanas y sigo sin respuesta.",
    ),
    (
        "1a vigesimosegunda lectura: nota directa al reclutador con el puesto nombrado y «Hola, Jordan:» con coma (alternatives.md#recruiter)",
        "Hola, Jordan: me postulé al puesto de QA sénior en Lumen. Tengo seis años en QA; lo último, automatizar pagos en Tallis. Quedo atento por si surgen preguntas.",
    ),
    (
        "1a vigesimosegunda lectura: «quería contarte que me postulé» al reclutador, con «Hola, Jordan:» (alternatives.md#recruiter)",
        "Hola, Jordan: quería contarte que me postulé al puesto de QA sénior en Lumen. Tengo seis años en QA; lo último, automatizar pagos en Tallis. Quedo atento por si surgen preguntas.",
    ),
    (
        "1a vigesimosegunda lectura: «Buenos días, Jordan: he enviado mi candidatura…» al reclutador (alternatives.md#recruiter)",
        "Buenos días, Jordan: he enviado mi candidatura al puesto de QA sénior. Tengo seis años en QA; lo último, automatizar pagos en Tallis.",
    ),
    (
        "1b vigesimosegunda lectura: «dar seguimiento a mi postulación… ¿en qué etapa va?» al reclutador (desenlace pause-frustration)",
        "Hola, Jordan: te escribo para dar seguimiento a mi postulación al puesto de QA sénior: ¿me podrías contar en qué etapa va el proceso?",
    ),
    (
        "1b vigesimosegunda lectura: «dar seguimiento a mi postulación… ¿en qué etapa está?» al reclutador (desenlace pause-frustration)",
        "Hola, Jordan: te escribo para dar seguimiento a mi postulación al puesto de QA sénior: ¿en qué etapa está?",
    ),
    (
        "1c vigesimosegunda lectura: el agradecimiento tras la entrevista con saludo con nombre, «Estimada Sra. Reyes:» (interviews-and-rejection.md)",
        "Estimada Sra. Reyes: muchas gracias por la entrevista de ayer para el puesto de QA sénior. Disfruté la conversación sobre pruebas inestables. Un saludo, Alex Kim",
    ),
    (
        "1c vigesimosegunda lectura: la nota de recomendación de usted, «me pongo en contacto con usted porque…» (desenlace connect-with-referral)",
        "Buenos días, señora Reyes: me pongo en contacto con usted porque Laura Martín me recomendó para el puesto de analista de datos en su equipo. Ya envié mi candidatura. ¿Qué proyectos tiene ahora el equipo?",
    ),
    (
        "1d vigesimosegunda lectura: gracias por un artículo que te envió «hace un rato» (after-they-accept.md#timeline)",
        "Hola, Dana: gracias por el artículo que me enviaste hace un rato sobre pruebas de contrato. Lo leo esta tarde.",
    ),
    (
        "1d vigesimosegunda lectura: «envié tu artículo a mi equipo hace unas horas» (alternatives.md#engage)",
        "Hola, Dana: envié tu artículo a mi equipo hace unas horas y ya lo estamos comentando. ¿Tienes pensado escribir una segunda parte?",
    ),
    (
        "1d vigesimosegunda lectura: «me inscribí a tu taller… hace un rato» (alternatives.md#engage)",
        "Hola, Dana: me inscribí a tu taller de Cypress hace un rato y ya tengo ganas de que llegue. ¿Hace falta traer algo preparado?",
    ),
    (
        "1d vigesimosegunda lectura: «mi solicitud de hace unas horas» es la de conexión (after-they-accept.md)",
        "Hola, Dana: gracias por responder a mi solicitud de hace unas horas. Tu charla sobre QA fue genial.",
    ),
    (
        "2a vigesimosegunda lectura: «cuanto antes» dentro del tema de su publicación (connection-request.md#specific-curious)",
        "Hola, Dana: tu publicación sobre detectar los fallos cuanto antes en el pipeline me pareció muy útil. Trabajo en QA de integración continua. ¿Qué pruebas ejecutáis en cada commit?",
    ),
    (
        "2a vigesimosegunda lectura: «lo antes posible» dentro del tema de su charla (connection-request.md#specific-curious)",
        "Hola, Dana: tu charla sobre por qué conviene probar lo antes posible me pareció muy útil. Trabajo en QA de integración continua. ¿Qué pruebas ejecutáis en cada commit?",
    ),
    (
        "2a vigesimosegunda lectura: «es urgente» dentro del tema de su artículo (connection-request.md#specific-curious)",
        "Hola, Dana: tu artículo sobre por qué la accesibilidad es urgente en la banca online me pareció muy útil. ¿Qué herramientas usáis para auditarla?",
    ),
    (
        "2a vigesimosegunda lectura: «a la brevedad» dentro del tema de su hilo (connection-request.md#specific-curious)",
        "Hola, Dana: tu hilo sobre parchear vulnerabilidades a la brevedad me pareció muy útil. ¿Cómo priorizáis los parches?",
    ),
    (
        "2b vigesimosegunda lectura: el CV que te pidió, «me pediste que te enviara mi CV» (FAQ send-resume)",
        "Hola, Dana: gracias por aceptar. Me pediste que te enviara mi CV después de la feria, así que aquí lo tienes.",
    ),
    (
        "2b vigesimosegunda lectura: el CV que te pidió, «me dijiste que te enviara mi CV» (FAQ send-resume)",
        "Hola, Dana: nos conocimos en la feria de empleo de Valencia y me dijiste que te enviara mi CV; aquí te lo dejo. ¡Gracias por la charla!",
    ),
    (
        "2b vigesimosegunda lectura: «según lo que hablamos, te envío mi currículum» (FAQ send-resume)",
        "Hola, Dana: según lo que hablamos, te envío mi currículum.",
    ),
    // Vigesimocuarta lectura: falsas alertas que el inglés no levanta.
    (
        "F1 vigesimocuarta lectura: la nota de «ya estáis hablando» (desenlace connect-while-talking; «I'd love to connect here in the meantime» pasa en inglés)",
        "Hola, Paul: gracias por escribirme la semana pasada sobre el puesto de plataforma. Tengo ganas de nuestra llamada; mientras tanto, me encantaría conectar por aquí.",
    ),
    (
        "F2 vigesimocuarta lectura: las gracias por la conversación en el evento («thanks for the great chat at TestBash»)",
        "Hola, Dana: gracias por la conversación en TestBash. Me encantaría conectar.",
    ),
    (
        "F2 vigesimocuarta lectura: las gracias por la charla en el evento",
        "Hola, Dana: gracias por la charla en TestBash. Me encantaría conectar.",
    ),
    (
        "F2 vigesimocuarta lectura: «¡gracias por la charla tan buena en TestBash!»",
        "Hola, Dana: ¡gracias por la charla tan buena en TestBash! Me encantaría conectar.",
    ),
    (
        "F3 vigesimocuarta lectura: el trabajo concreto de su equipo («I've admired your team's work on the checkout redesign»)",
        "Hola, Dana: soy ingeniero de QA en Tallis y admiro el trabajo de tu equipo en el rediseño del pago. Me encantaría conectar.",
    ),
    (
        "F4 vigesimocuarta lectura: la pregunta tras un rechazo que recomienda Staton (003:17), «ser mejor candidata»",
        "Hola, Dana: gracias por avisarme. Me da pena, pero disfruté conociendo al equipo. ¿Hay algo que pueda hacer para ser mejor candidata la próxima vez?",
    ),
    (
        "F4 vigesimocuarta lectura: lo mismo, «ser mejor candidato»",
        "Hola, Dana: gracias por avisarme. Me da pena, pero disfruté conociendo al equipo. ¿Hay algo que pueda hacer para ser mejor candidato la próxima vez?",
    ),
];

/// Spanish lines of the kinds the articles say get declined or ignored,
/// the stock phrases of Spanish LinkedIn notes among them, each with the
/// rule that must flag it; every rule fires on at least one.
const DECLINED: &[(&str, &str, &str)] = &[
    (
        "Careery, la frase de las 42 solicitudes rechazadas (002:2)",
        "learn-from-experience",
        "Hola, Dana: me encantaría conectar y aprender de tu experiencia.",
    ),
    (
        "Careery, una frase hecha (002:18)",
        "came-across-profile",
        "Me encontré con tu perfil y me encantaría conectar.",
    ),
    (
        "Careery, una frase hecha (002:19)",
        "expand-network",
        "Estoy ampliando mi red con profesionales del sector fintech.",
    ),
    (
        "Careery, una frase hecha (002:20)",
        "love-to-connect",
        "Conectemos y veamos si podemos ayudarnos mutuamente.",
    ),
    (
        "Careery, una solicitud rechazada (002:37)",
        "love-to-connect",
        "Me encantaría conectar y saber más.",
    ),
    (
        "Careery, el candidato perfecto (002:22)",
        "selling-yourself",
        "Me postulé al puesto de QA y soy la candidata perfecta porque tengo seis años de experiencia.",
    ),
    (
        "Careery, por qué deberías contratarme (002:23)",
        "selling-yourself",
        "Me encantaría trabajar en Lumen. Te cuento por qué deberías contratarme.",
    ),
    (
        "Careery, tenga en cuenta mi candidatura (002:24)",
        "review-my-application",
        "Vi que estás contratando. Te agradecería que consideraras mi candidatura.",
    ),
    // Issue #20, cuarta lectura (L8): el imperativo de tú, tal cual.
    (
        "Careery, ten en cuenta mi candidatura (002:24)",
        "review-my-application",
        "Vi que estás contratando. Por favor, ten en cuenta mi candidatura.",
    ),
    (
        "Careery, una nota que podría ir a cualquiera (002:107), sin puesto",
        "nothing-specific",
        "Hola: me interesa el puesto de trabajo en tu empresa y creo que podría aportar mucho valor al equipo. Quedo pendiente de tus noticias.",
    ),
    (
        "Careery, pedir un favor sin relación previa (002:25): hablar bien de ti",
        "asking-a-favor",
        "¿Te importaría hablarle bien de mí al equipo de selección?",
    ),
    (
        "Careery, la candidata perfecta (002:22), como la persona indicada",
        "selling-yourself",
        "Soy la persona indicada para este puesto.",
    ),
    (
        "Careery, agilizar tu candidatura (002:25, 002:59)",
        "asking-a-favor",
        "¿Podrías agilizar mi candidatura para el puesto de QA?",
    ),
    (
        "Careery, pedir una entrevista en lugar de preguntar (002:91)",
        "asking-a-favor",
        "Hola, Dana: ¿puedo hacer una entrevista para un puesto en tu equipo?",
    ),
    (
        "Careery, una apertura que solo dice que te postulaste (002:38)",
        "leading-with-i-applied",
        "Hola, Dana: envié mi candidatura para un puesto en tu equipo.",
    ),
    (
        "Careery, una apertura que solo dice que te postulaste, sin coma (002:38)",
        "leading-with-i-applied",
        "Hola Dana, me postulé a un puesto en tu equipo.",
    ),
    (
        "Careery, robarte unos minutos (002:5)",
        "pick-your-brain",
        "Hola, Dana: me encantaría robarte unos minutos algún día.",
    ),
    (
        "Careery, abierto a oportunidades en la nota (002:98)",
        "open-to-opportunities",
        "Hola, Dana: estoy abierta a nuevas oportunidades en QA, por si surge algo.",
    ),
    (
        "Careery, pedirle que revise tu candidatura (002:102)",
        "review-my-application",
        "¡Gracias por aceptar! ¿Podrías revisar mi candidatura para el puesto de QA?",
    ),
    (
        "Careery, el currículum no solicitado (002:103)",
        "resume-attached",
        "Gracias por aceptar. Te adjunto mi CV para que veas mi experiencia.",
    ),
    (
        "Careery, insistir una y otra vez (002:104)",
        "repeated-follow-ups",
        "Vuelvo a escribirte por mis últimos tres mensajes.",
    ),
    (
        "Careery, insistir en concertar llamadas (002:105)",
        "pressing-for-a-meeting",
        "¡Gracias por aceptar! ¿Podemos tener una llamada esta semana?",
    ),
    (
        "Careery, demasiado formal (002:100)",
        "too-formal",
        "Estimado señor o señora: le escribo para solicitar una conexión.",
    ),
    (
        "Careery, demasiado formal, con barra (002:100)",
        "too-formal",
        "Estimado/a responsable de selección: me pongo en contacto con usted para presentarme.",
    ),
    (
        "Careery, demasiado formal: la fórmula de carta (002:100)",
        "too-formal",
        "Le escribo para presentarle mi candidatura.",
    ),
    (
        "Careery, el currículum no solicitado, sin más (002:103)",
        "resume-attached",
        "Adjunto mi CV para que lo tengas.",
    ),
    (
        "Careery, un simple elogio a la empresa (002:28)",
        "love-your-company",
        "¡Me encanta tu empresa!",
    ),
    (
        "Careery, por encima de los 300 caracteres (002:99)",
        "too-long",
        "Hola, Grace: espero que este mensaje te encuentre bien. Quería ponerme en contacto contigo porque llevo mucho tiempo siguiendo a Norrland Energy y admiro de verdad el trabajo que hace tu equipo en almacenamiento con baterías. Tengo formación en ingeniería eléctrica y en gestión de proyectos y creo que podría aportar mucho. Te agradecería cualquier rato que pudieras dedicarme.",
    ),
    (
        "Careery, una nota que podría ir a cualquiera (002:107)",
        "nothing-specific",
        "Hola: me interesan mucho las oportunidades en tu organización y creo que podría aportar valor. Quedo pendiente de tus noticias.",
    ),
    (
        "Careery, cada palabra cuenta (002:9)",
        "finds-you-well",
        "Espero que este mensaje te encuentre bien.",
    ),
    (
        "Careery, cada palabra cuenta, de usted (002:9)",
        "finds-you-well",
        "Espero que este mensaje le encuentre bien.",
    ),
    (
        "Careery, cada palabra cuenta: un saludo de relleno (002:9)",
        "finds-you-well",
        "Hola, Dana: espero que te encuentres bien al recibir este mensaje.",
    ),
    (
        "Careery, pedir un favor sin relación previa (002:25)",
        "asking-a-favor",
        "No nos conocemos, pero ¿podrías recomendarme para la vacante?",
    ),
    (
        "Guía de decisión, minutos después de postularte (000:15)",
        "minutes-after-applying",
        "Envié mi candidatura a tu vacante de QA hace diez minutos.",
    ),
    (
        "Guía de decisión, una nota que exige respuesta (000:15)",
        "frustration",
        "Todavía no he recibido respuesta y te agradecería una respuesta lo antes posible.",
    ),
    (
        "Guía de decisión, repetir el currículum (000:15)",
        "buzzwords",
        "Soy muy trabajadora, aprendo rápido y soy proactiva.",
    ),
    (
        "Guía de decisión, ignorar la indicación de no contactar (000:14)",
        "going-around-process",
        "Sé que la oferta pide enviar las preguntas al equipo de selección, pero quería escribirte directamente.",
    ),
    (
        "Networking Etiquette, una invitación inmediata a un café (004:7)",
        "pressing-for-a-meeting",
        "¡Gracias por aceptar! ¿Te invito a un café la próxima semana para hablar de trabajo?",
    ),
    (
        "Careery, insistir en concertar llamadas: la fecha antes de la llamada (002:105)",
        "pressing-for-a-meeting",
        "¿Estás libre mañana para una llamada rápida?",
    ),
    (
        "Careery, una plantilla sin rellenar (002:55)",
        "placeholder",
        "Hola, [Nombre]: tu publicación sobre [tema] me llamó la atención.",
    ),
    (
        "Terkel, Michael Staton: pregunta qué podrías haber hecho mejor, no por qué (003:17)",
        "arguing-a-rejection",
        "Me decepcionó no conseguir el puesto. ¿Por qué eligieron a otra persona?",
    ),
    // Issue #20, sexta lectura: lo que las reglas más flexibles deben
    // seguir marcando.
    (
        "Careery, una nota genérica sin puesto (002:107): «de empleo» no es un título",
        "nothing-specific",
        "Hola: vi la vacante de empleo en tu empresa y creo que podría aportar mucho valor. Quedo pendiente de tus noticias.",
    ),
    (
        "Careery, una nota genérica sin puesto (002:107): «de empleo» sin lugar detrás tampoco es un título",
        "nothing-specific",
        "Hola: me interesa la vacante de empleo. Creo que podría aportar mucho valor a la empresa. Quedo pendiente de tus noticias, gracias.",
    ),
    (
        "Careery, una nota genérica (002:107): «la oferta de empleo» no nombra ninguna frase de ella",
        "nothing-specific",
        "Hola: leí la oferta de empleo de tu empresa y creo que podría aportar mucho valor al equipo. Quedo pendiente de tus noticias.",
    ),
    // Issue #20, decimoquinta lectura: «tu equipo» a secas no dice nada de
    // la persona; solo el trabajo de su equipo, o una pregunta sobre cómo
    // trabaja, lo hace.
    (
        "Careery, una nota genérica (002:107): «tu equipo» sin nada suyo",
        "nothing-specific",
        "Hola, Dana: soy ingeniera de QA con seis años de experiencia y me encantaría aportar valor a tu equipo.",
    ),
    (
        "Careery, una nota genérica (002:107): oportunidades «en tu equipo»",
        "nothing-specific",
        "Hola, Dana: me interesan las oportunidades en tu gran equipo y me gustaría conectar.",
    ),
    (
        "La nota anotada de connection-request, no «soy perfecto para el puesto»",
        "selling-yourself",
        "Hola, Dana: tu charla sobre pruebas inestables fue genial. Soy perfecto para el puesto: llevo seis años haciendo justo eso.",
    ),
    (
        "Guía short-answer, no pedir que te tengan en cuenta",
        "review-my-application",
        "Hola, Dana: tu publicación sobre revisiones fue genial. Ya me postulé; por favor, ténganme en cuenta para el puesto.",
    ),
    (
        "El caso repeated-follow-ups, contar los mensajes",
        "repeated-follow-ups",
        "Hola, Dana: te he escrito ya dos veces sobre el puesto de QA sénior. Responde cuando puedas, por favor.",
    ),
    (
        "Careery, pedir una recomendación antes de tener relación (002:25), con el pronombre delante",
        "asking-a-favor",
        "Hola Dana, ¿me podrías recomendar para el puesto?",
    ),
    (
        "FAQ before-or-after-applying: antes de postularte, nunca pides que te tengan en cuenta",
        "review-my-application",
        "Hola Dana, pienso postularme al puesto de QA senior; ¿me tendrías en cuenta?",
    ),
    (
        "Guía short-answer: ni «por favor, tenme en cuenta»",
        "review-my-application",
        "Hola Dana: tu post sobre revisiones me gustó. Me postulé al puesto de QA sénior; por favor, tenme en cuenta.",
    ),
    (
        "Una invitación de calendario sigue siendo pedir una cita",
        "pressing-for-a-meeting",
        "Hola Dana, ¿te mando una invitación para una llamada el martes?",
    ),
    (
        "Careery, un mensaje genérico de «busco oportunidades» (002:118)",
        "open-to-opportunities",
        "Hola, Jordan: estoy buscando nuevas oportunidades. Me encantaría saber si tienes algo.",
    ),
    (
        "Careery, la búsqueda de empleo en la nota, sin nada detrás (002:98)",
        "open-to-opportunities",
        "Hola, Kevin: soy diseñador de producto en salud y me gustaría conectar por si surge algo.",
    ),
    // Issue #20, decimosexta lectura: lo que debe seguir marcado junto a
    // cada arreglo, y lo que pasaba sin marcar (10, 11).
    (
        "El caso frustrated-follow-up sigue marcado sin pregunta de estado ni recordatorio (decimosexta lectura, 1)",
        "frustration",
        "Hola Jordan, me postulé hace tres semanas y todavía no he sabido nada. Te agradecería una respuesta lo antes posible.",
    ),
    (
        "Un recordatorio que exige respuesta sigue marcado (decimosexta lectura, 1)",
        "frustration",
        "Hola Dana, te envié un mensaje hace una semana y aún no he tenido respuesta. Necesito una respuesta cuanto antes.",
    ),
    (
        "Un «puesto abierto» sin su título sigue siendo genérico (decimosexta lectura, 2)",
        "nothing-specific",
        "Hola Dana, me interesa el puesto abierto en tu empresa y creo que encajaría bien.",
    ),
    (
        "Antes de postularte, nunca pides que te tengan en cuenta, aunque digas «si hay una vacante» (decimosexta lectura, 3)",
        "review-my-application",
        "Hola Dana, vi que buscáis gente de QA. Si hay una vacante, ¿me tendrías en cuenta?",
    ),
    (
        "De usted, la búsqueda sin vincularla a su equipo sigue marcada (decimosexta lectura, 4)",
        "open-to-opportunities",
        "Hola Dana, estoy buscando trabajo en QA. ¿Sabe si su empresa contrata?",
    ),
    (
        "El saludo de relleno sigue marcado cuando «presentar» es presentar la candidatura (decimosexta lectura, 5)",
        "finds-you-well",
        "Hola Dana, espero que este mensaje te encuentre bien. Quería presentar mi candidatura al puesto.",
    ),
    (
        "Pedirle al responsable que te recomiende «con tu equipo» sigue siendo un favor (decimosexta lectura, 5)",
        "asking-a-favor",
        "Hola Dana, ¿me recomendarías con tu equipo de selección?",
    ),
    (
        "Empezar por la candidatura sin preguntar si conectar sigue marcado (decimosexta lectura, 6)",
        "leading-with-i-applied",
        "Hola Dana, me postulé a un puesto en tu equipo. ¿Te importa si te hago una pregunta?",
    ),
    (
        "«Cuanto antes» sin ganas de empezar sigue marcado tras una oferta (decimosexta lectura, 7)",
        "frustration",
        "Hola Dana, gracias por la oferta. Necesito saber el salario cuanto antes.",
    ),
    (
        "«¿Hablamos?» propone hablar, no dice que os conocisteis (decimosexta lectura, 11)",
        "minutes-after-applying",
        "Hola Dana, me postulé hace una hora al puesto de QA. ¿Hablamos?",
    ),
    (
        "«Tras hablar» con otra persona no es el tiempo desde la conversación (decimosexta lectura, 8)",
        "minutes-after-applying",
        "Envié mi candidatura hace diez minutos; tras hablar con mi mentor decidí escribirte.",
    ),
    (
        "Pedir consejos a un desconocido que acaba de aceptar sigue marcado (decimosexta lectura, 9)",
        "pick-your-brain",
        "Hola Dana, gracias por aceptar. Me encantaría que me dieras algunos consejos sobre tu carrera.",
    ),
    (
        "Guía short-answer: nunca pedir que te tengan en cuenta, «¿podrías tenerme en cuenta?» (decimosexta lectura, 10)",
        "review-my-application",
        "Hola Dana, voy a postularme al puesto de QA senior; ¿podrías tenerme en cuenta?",
    ),
    (
        "Lo mismo, «que me consideres para el puesto» (decimosexta lectura, 10)",
        "review-my-application",
        "Hola Dana, antes de postularme al puesto de QA senior quería pedirte que me consideres para el puesto.",
    ),
    (
        "Guía connection-request: una nota genérica no se salva con «¿Hablamos?» (decimosexta lectura, 11)",
        "nothing-specific",
        "Hola Dana, me interesa mucho trabajar en tu empresa. ¿Hablamos?",
    ),
    (
        "Lo mismo, «¿Charlamos?» (decimosexta lectura, 11)",
        "nothing-specific",
        "Hola Dana, me interesan las oportunidades en tu equipo. ¿Charlamos?",
    ),
    (
        "Un CV que no te pidieron sigue marcado (decimosexta lectura, 12)",
        "resume-attached",
        "Hola Jordan, aunque no me lo pediste, te envío mi CV para el puesto.",
    ),
    (
        "Venderte sigue marcado: «podría ser la mejor persona para el puesto» (decimosexta lectura, 13)",
        "selling-yourself",
        "Creo que podría ser la mejor persona para el puesto.",
    ),
    (
        "Lo mismo, «sería perfecto para el puesto» (decimosexta lectura, 13)",
        "selling-yourself",
        "Sería perfecto para el puesto: llevo seis años con Cypress.",
    ),
    (
        "Exigir una respuesta «cuanto antes» antes de postularte sigue marcado (decimosexta lectura, 14)",
        "frustration",
        "Hola Dana, antes de postularme, una duda: ¿incluye guardias? Te agradecería una respuesta cuanto antes.",
    ),
    (
        "«La empresa» sin nada sobre esa persona sigue marcada (decimosexta lectura, 15)",
        "nothing-specific",
        "Hola Dana, me encantaría trabajar en la empresa y creo que encajo bien.",
    ),
    // Issue #20, decimoséptima lectura: lo que los arreglos dejan marcado (guardas).
    (
        "Guarda, decimoséptima lectura",
        "nothing-specific",
        "Hola Dana, me encantaría trabajar en la empresa y creo que encajo bien.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "nothing-specific",
        "Hola Dana, me interesa mucho formar parte de tu empresa. Quedo atento.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "nothing-specific",
        "Hola Dana, busco una oportunidad en tu equipo. ¿Hablamos?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "pressing-for-a-meeting",
        "Hola Marta, ¿qué día te viene mejor esta semana para una llamada?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "pressing-for-a-meeting",
        "Hola Marta, ¿cuándo estarías disponible mañana para hablar?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "review-my-application",
        "Hola Dana, ¿podrías considerarme para el puesto de QA?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "review-my-application",
        "Hola Dana, me gustaría que me consideraras para el puesto de QA.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "review-my-application",
        "Hola Dana, no te pido mucho: ¿podrías revisar mi candidatura?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "too-formal",
        "Hola Marta, le escribo para manifestar mi interés en la vacante.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "buzzwords",
        "Hola Marta, tu post sobre pruebas me encantó. Soy proactivo y orientado a resultados.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "selling-yourself",
        "Hola Marta, creo que sería perfecta para el puesto de QA.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "love-your-company",
        "Hola Marta, tu post sobre pruebas me gustó. ¡Me encanta tu empresa!",
    ),
    (
        "Guarda, decimoséptima lectura",
        "going-around-process",
        "Sé que la oferta pide enviar las preguntas al equipo de selección, pero quería escribirte directamente.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "resume-attached",
        "Hola Marta, aunque no hablamos de ello, te envío mi CV.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "minutes-after-applying",
        "Hola Marta, me postulé hace una hora al puesto de QA. ¿Podrías revisar mi perfil?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "finds-you-well",
        "Hola Marta, espero que este mensaje te encuentre bien. Me postulé al puesto de QA en tu equipo.",
    ),
    // Issue #20, decimoséptima lectura: frases que el sitio o la regla citan como error y antes pasaban (C21).
    (
        "C21 decimoséptima lectura",
        "pick-your-brain",
        "unos minutos para hacerte unas preguntas",
    ),
    (
        "C21 decimoséptima lectura",
        "pick-your-brain",
        "Hola Marta, ¿tendrías unos minutos para hacerte unas preguntas?",
    ),
    (
        "C21 decimoséptima lectura",
        "pick-your-brain",
        "Hola Marta, ¿tienes unos minutos para unas preguntas?",
    ),
    (
        "C21 decimoséptima lectura",
        "pick-your-brain",
        "Hola Marta, me encantaría robarte 15 minutos para que me cuentes de tu experiencia.",
    ),
    (
        "C21 decimoséptima lectura",
        "asking-a-favor",
        "Hola Marta, ¿me podrías conseguir una entrevista con tu equipo?",
    ),
    (
        "C21 decimoséptima lectura",
        "asking-a-favor",
        "Hola Marta, ¿hay alguna forma de que me des una entrevista?",
    ),
    (
        "C21 decimoséptima lectura",
        "asking-a-favor",
        "Hola Marta, ¿podrías reenviar mi hoja de vida a recursos humanos?",
    ),
    (
        "C21 decimoséptima lectura",
        "frustration",
        "Hola Marta, te escribo porque todavía no me han respondido y ya pasaron tres semanas. Necesito una respuesta.",
    ),
    (
        "C21 decimoséptima lectura",
        "repeated-follow-ups",
        "Hola Marta, otra vez yo. ¿Pudiste leer mis mensajes?",
    ),
    (
        "C21 decimoséptima lectura",
        "repeated-follow-ups",
        "Hola Marta, perdona que insista otra vez, ¿tuviste tiempo de ver mis mensajes?",
    ),
    (
        "C21 decimoséptima lectura",
        "too-formal",
        "Hola Marta, por medio de la presente quiero expresar mi interés en la vacante.",
    ),
    (
        "C21 decimoséptima lectura",
        "too-formal",
        "Hola Marta, me permito escribirle para manifestar mi interés en el cargo.",
    ),
    (
        "C21 decimoséptima lectura",
        "finds-you-well",
        "Hola Marta, un gusto saludarte. Espero que este correo te encuentre muy bien.",
    ),
    (
        "C21 decimoséptima lectura",
        "finds-you-well",
        "Buen día Marta, espero este mensaje la encuentre bien. Me interesa la vacante.",
    ),
    (
        "C21 decimoséptima lectura",
        "review-my-application",
        "Hola Marta, antes de postularme al puesto de QA, ¿crees que mi perfil encaja?",
    ),
    (
        "C21 decimoséptima lectura",
        "review-my-application",
        "Hola Marta, estoy pensando en postularme al puesto de analista. ¿Podrías decirme si tengo posibilidades?",
    ),
    (
        "C21 decimoséptima lectura",
        "review-my-application",
        "Hola Marta, ¿vale la pena que me postule? Tengo 3 años en QA. ¿Qué opinas de mi perfil?",
    ),
    (
        "C21 decimoséptima lectura",
        "arguing-a-rejection",
        "Hola Marta, ¿podrías explicarme por qué no pasé a la siguiente fase?",
    ),
    (
        "C21 decimoséptima lectura",
        "arguing-a-rejection",
        "Hola Marta, no entiendo por qué me descartaron, tengo toda la experiencia que pedían.",
    ),
    (
        "C21 decimoséptima lectura",
        "minutes-after-applying",
        "Hola Marta, hace 10 minutos envié mi CV para la vacante de analista.",
    ),
    (
        "C21 decimoséptima lectura",
        "selling-yourself",
        "Hola Marta, me interesa el puesto. ¿Me puedes contratar?",
    ),
    (
        "C21 decimoséptima lectura",
        "selling-yourself",
        "Hola Marta, no te vas a arrepentir si me contratas.",
    ),
    (
        "C21 decimoséptima lectura",
        "asking-a-favor",
        "Hola Marta, ¿me puedes ayudar a conseguir trabajo en tu empresa?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "nothing-specific",
        "Hola Dana, me interesan las oportunidades en tu equipo. ¿Platicamos?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "nothing-specific",
        "Hola Marta, reciba un saludo cordial. Me interesa la vacante publicada.",
    ),
    (
        "Guarda, decimoséptima lectura",
        "finds-you-well",
        "Hola Sam, espero que este mensaje te encuentre bien. ¿Me podrías recomendar con tu equipo de selección?",
    ),
    (
        "Guarda, decimoséptima lectura",
        "review-my-application",
        "Hola Dana, vi que buscáis gente de QA. Si necesitan a alguien, ¿me tendrías en cuenta?",
    ),
    // Issue #20, lectura de las cinco guías nuevas: lo que debe seguir marcado.
    (
        "Caso coffee-too-soon: un café con fecha",
        "pressing-for-a-meeting",
        "Hola Dana, ¿quedamos para un café la semana que viene?",
    ),
    (
        "Caso repeated-follow-ups: el tercer mensaje",
        "repeated-follow-ups",
        "Hola Dana, te escribo otra vez, es mi tercer mensaje.",
    ),
    (
        "Regla going-around-process: la instrucción vista y dejada de lado",
        "going-around-process",
        "Hola Dana, vi que la oferta pide no contactar directamente, pero quería escribirte igualmente.",
    ),
    (
        "Careery, una nota genérica (002:107): sin el puesto abierto sigue siendo genérica",
        "nothing-specific",
        "Hola, vi el puesto abierto en tu empresa y me encantaría aportar valor. Quedo atento.",
    ),
    (
        "Caso open-to-opportunities: la búsqueda en una primera nota, aunque pida tenerte presente",
        "open-to-opportunities",
        "Hola, estoy buscando trabajo, ¿me tienes presente?",
    ),
    // Issue #20, decimoctava lectura: frases que el sitio cita como error y antes pasaban (#6), y guardas de los arreglos.
    (
        "#6 decimoctava lectura: «Robarte unos minutos» (connection-request.md)",
        "pick-your-brain",
        "Hola Dana, ¿te puedo robar unos minutos?",
    ),
    (
        "#6 decimoctava lectura: «Robarte unos minutos» (connection-request.md)",
        "pick-your-brain",
        "Hola Dana, ¿le puedo robar unos minutos?",
    ),
    (
        "#6 decimoctava lectura: «Robarte unos minutos» (connection-request.md)",
        "pick-your-brain",
        "Hola Dana, ¿te puedo robar 10 minutos para que me cuentes sobre tu experiencia?",
    ),
    (
        "#6 decimoctava lectura: «Me gusta tu empresa» no cuenta (árbol)",
        "love-your-company",
        "Hola Dana, me gusta tu empresa.",
    ),
    (
        "#6 decimoctava lectura: «Me gusta tu empresa» no cuenta (árbol)",
        "love-your-company",
        "Hola Dana, me gusta mucho tu empresa. ¿Conectamos?",
    ),
    (
        "Guarda #8 decimoctava lectura",
        "asking-a-favor",
        "Hola Dana, ¿me recomiendas para el puesto de QA?",
    ),
    (
        "Guarda #8 decimoctava lectura",
        "asking-a-favor",
        "Hola Dana, ¿me recomiendas?",
    ),
    (
        "Guarda #8 decimoctava lectura",
        "asking-a-favor",
        "Hola Dana, no nos conocemos. ¿Me recomendarías en tu empresa?",
    ),
    (
        "Guarda #8 decimoctava lectura",
        "asking-a-favor",
        "Hola Dana, ¿me podrías recomendar para la vacante de QA?",
    ),
    (
        "Guarda #7 decimoctava lectura",
        "asking-a-favor",
        "Hola Sam, ¿le podrías hablar bien de mí al equipo de selección?",
    ),
    (
        "Guarda #2 decimoctava lectura",
        "review-my-application",
        "Hola Dana, me gustaría que me tuvieras en cuenta.",
    ),
    (
        "Guarda #1 decimoctava lectura",
        "frustration",
        "Hola Dana, todavía no he recibido respuesta. Necesito una respuesta cuanto antes.",
    ),
    (
        "Guarda #4 decimoctava lectura",
        "nothing-specific",
        "Hola Dana, me interesa mucho la vacante abierta. Antes de enviar nada, quería conectar.",
    ),
    // Issue #20, decimonovena lectura (1): un «tu equipo» suelto ya no exime el anuncio de la búsqueda.
    (
        "#1 decimonovena lectura: «formar parte de tu equipo» no vincula la búsqueda a nada (open-to-opportunities)",
        "open-to-opportunities",
        "Hola, Kevin: estoy buscando trabajo activamente y me encantaría formar parte de tu equipo.",
    ),
    (
        "#1 decimonovena lectura: «¿tu equipo está contratando?» tras anunciar la búsqueda (open-to-opportunities)",
        "open-to-opportunities",
        "Hola Kevin! Actualmente estoy en búsqueda de empleo, ¿tu equipo está contratando?",
    ),
    // Issue #20, decimonovena lectura (2): «a» o «con» seguidos de tu, su, el o la no nombran a quien te presenta.
    (
        "#2 decimonovena lectura: «recomendarme con tu equipo» es el favor (engage-before-asking)",
        "asking-a-favor",
        "Hola Rosa, ¿podrías recomendarme con tu equipo?",
    ),
    (
        "#2 decimonovena lectura: «recomendar a tu jefa» es el favor (engage-before-asking)",
        "asking-a-favor",
        "Hola Rosa, ¿me podrías recomendar a tu jefa para el puesto?",
    ),
    (
        "#2 decimonovena lectura: «hablarle bien de mí a tu equipo» es el favor (engage-before-asking)",
        "asking-a-favor",
        "Hola Rosa, ¿podrías hablarle bien de mí a tu equipo?",
    ),
    // Issue #20, decimonovena lectura (3): la indicación de la oferta dejada de lado, sin «sé que» delante.
    (
        "#3 decimonovena lectura: «la oferta pide… pero quería escribirte directamente» (ignoring-no-contact)",
        "going-around-process",
        "Hola Chris, la oferta pide mandar las preguntas al reclutador, pero quería escribirte directamente.",
    ),
    // Issue #20, decimonovena lectura (4): el elogio a la empresa con «compañía» o con un adverbio.
    (
        "#4 decimonovena lectura: «me encanta tu compañía» (vague-interest)",
        "love-your-company",
        "Hola Priya, me encanta tu compañía.",
    ),
    (
        "#4 decimonovena lectura: «admiro mucho tu empresa» (vague-interest)",
        "love-your-company",
        "Hola Priya, admiro mucho tu empresa y me encantaría trabajar con ustedes.",
    ),
    // Issue #20, decimonovena lectura (5): «encajaría muy bien» es venderse.
    (
        "#5 decimonovena lectura: «encajaría muy bien en tu equipo», el «I'd be a great fit» inglés (resume-rehash)",
        "selling-yourself",
        "Hola Dev, tengo 6 años en producto y creo que encajaría muy bien en tu equipo.",
    ),
    // Issue #20, decimonovena lectura (6): «tu trayectoria» y «crecer mi red».
    (
        "#6 decimonovena lectura: «aprender de ti y de tu trayectoria», el «learn from you and your career» inglés (pick-your-brain)",
        "learn-from-experience",
        "Hola Marcus, me encantaría aprender de ti y de tu trayectoria.",
    ),
    (
        "#6 decimonovena lectura: «crecer mi red», el «grow my professional network» inglés (expand-my-network)",
        "expand-network",
        "Hola Tara, quiero crecer mi red profesional en fintech.",
    ),
    // Issue #20, decimonovena lectura (9-12): peticiones de siempre dichas de otra forma.
    (
        "#9 decimonovena lectura: «acabo de postularme… ¿ya la has visto?» (minutes-after-applying)",
        "minutes-after-applying",
        "Hola Sam, acabo de postularme a tu vacante de analista, ¿ya la has visto?",
    ),
    (
        "#9 decimonovena lectura: «recién postulé… ¿La puedes revisar?» (minutes-after-applying)",
        "minutes-after-applying",
        "Hola Sam, recién postulé a la vacante de analista senior. ¿La puedes revisar?",
    ),
    (
        "#10 decimonovena lectura: «darle un vistazo a mi CV» (review-my-application)",
        "review-my-application",
        "Hola Lena, ¿podrías darle un vistazo a mi CV? Postulé al puesto de UX Researcher.",
    ),
    (
        "#10 decimonovena lectura: «mi CV… ¿le puedes echar un ojo?» (review-my-application)",
        "review-my-application",
        "Hola Dana, acabo de mandar mi CV para la vacante de QA, ¿le puedes echar un ojo?",
    ),
    (
        "#11 decimonovena lectura: «¿te puedo hacer unas preguntas sobre tu carrera?» (pick-your-brain, connection-request.md)",
        "pick-your-brain",
        "Hola Marcus, ¿te puedo hacer unas preguntas sobre tu carrera?",
    ),
    (
        "#11 decimonovena lectura: «¿me regalas unos minutos para conversar…?» (pick-your-brain)",
        "pick-your-brain",
        "Hola Marcus, ¿me regalas unos minutos para conversar sobre tu experiencia?",
    ),
    (
        "#11 decimonovena lectura: «¿tendrías unos minutos para charlar sobre tu experiencia?» (pick-your-brain)",
        "pick-your-brain",
        "Hola Marcus, ¿tendrías unos minutos para charlar sobre tu experiencia? Me ayudaría mucho.",
    ),
    (
        "#12 decimonovena lectura: «llevo semanas esperando una respuesta… contéstame pronto» (frustrated-follow-up)",
        "frustration",
        "Hola Dana, llevo semanas esperando una respuesta, por favor contéstame pronto.",
    ),
    (
        "#12 decimonovena lectura: «¿me puedes responder por favor?» (frustrated-follow-up)",
        "frustration",
        "Hola Dana, ¿me puedes responder por favor? Ya son tres semanas sin noticias.",
    ),
    // Issue #20, decimonovena lectura (13-15): insistir, fijar la fecha y discutir el rechazo, dichos de otra forma.
    (
        "#13 decimonovena lectura: «mis mensajes anteriores» (repeated-follow-ups)",
        "repeated-follow-ups",
        "Hola Dana, te vuelvo a escribir porque no he recibido respuesta a mis mensajes anteriores.",
    ),
    (
        "#13 decimonovena lectura: «ya van tres mensajes que te mando» (repeated-follow-ups)",
        "repeated-follow-ups",
        "Hola Sam, ya van tres mensajes que te mando y nada. ¿Me puedes contestar?",
    ),
    (
        "#14 decimonovena lectura: «hablar por teléfono esta semana» (coffee-too-soon)",
        "pressing-for-a-meeting",
        "Hola Omar, gracias por conectar! ¿Podemos hablar por teléfono esta semana sobre posibles vacantes en tu empresa?",
    ),
    (
        "#14 decimonovena lectura: «te propongo una videollamada el martes a las 5» (coffee-too-soon)",
        "pressing-for-a-meeting",
        "Hola Omar, gracias por aceptar. Te propongo una videollamada el martes a las 5 para conocernos.",
    ),
    (
        "#15 decimonovena lectura: «¿por qué no fui seleccionado?» (after-rejection)",
        "arguing-a-rejection",
        "Hola Dana, ¿por qué no fui seleccionado? Cumplía con todos los requisitos.",
    ),
    (
        "#15 decimonovena lectura: «¿cuál fue el motivo del rechazo?» (after-rejection)",
        "arguing-a-rejection",
        "Hola Elena, ¿cuál fue el motivo del rechazo?",
    ),
    // Issue #20, decimonovena lectura (16-17): «pensé en agregarte» sin motivo, y un arranque corto antes de «ya apliqué».
    (
        "#16 decimonovena lectura: «así que pensé en agregarte» tras unos contactos en común (mutual-connection)",
        "love-to-connect",
        "Hola Ana, tenemos 12 contactos en común, así que pensé en agregarte.",
    ),
    (
        "#17 decimonovena lectura: «quería avisarte que ya apliqué» sigue empezando por la candidatura (leading-with-i-applied)",
        "leading-with-i-applied",
        "Hola Dev, quería avisarte que ya apliqué a la vacante de PM en tu equipo.",
    ),
    // Issue #20, decimonovena lectura (4, 9): otras formas de las mismas frases en el corpus del lector.
    (
        "#4 decimonovena lectura: «admiro mucho a tu compañía», con la «a» personal (vague-interest)",
        "love-your-company",
        "Hola Priya, admiro mucho a tu compañía y me encantaría trabajar allí.",
    ),
    (
        "#9 decimonovena lectura: «te acabo de mandar mi postulación… ¿la pudiste ver?» (minutes-after-applying)",
        "minutes-after-applying",
        "Hola Sam, te acabo de mandar mi postulación para analista senior, ¿la pudiste ver?",
    ),
    // Issue #20, vigésima lectura (3): recordarle la candidatura es reclamarla (pause-frustration), como «nudge my application».
    (
        "#3 vigésima lectura: «solo quería recordarte mi candidatura» (pause-frustration: no le escribas para reclamar tu candidatura)",
        "frustration",
        "Hola, Dana: solo quería recordarte mi candidatura al puesto de QA sénior. Me postulé hace tres semanas.",
    ),
    (
        "#3 vigésima lectura: «te escribo para hacer seguimiento de mi candidatura» (pause-frustration)",
        "frustration",
        "Hola, Dana: te escribo para hacer seguimiento de mi candidatura al puesto de QA sénior.",
    ),
    // Issue #20, vigésima lectura (1, 6-16): frases que la regla inglesa marca y la española dejaba pasar.
    (
        "#1 vigésima lectura: «me postulé esta mañana», el mismo día (when-to-reach-out.md, let-it-land)",
        "minutes-after-applying",
        "Hola, Sam: tu publicación sobre resúmenes semanales daba en el clavo. Me postulé esta mañana al puesto de analista. ¿Has tenido ocasión de mirarla ya?",
    ),
    (
        "#1 vigésima lectura: «envié mi postulación hoy… ¿ya la viste?» (let-it-land)",
        "minutes-after-applying",
        "Hola, Sam: envié mi postulación hoy al puesto de analista. ¿Ya la viste?",
    ),
    (
        "#6 vigésima lectura: «mis tres mensajes anteriores» (repeated-follow-ups)",
        "repeated-follow-ups",
        "Hola, Sam: te escribo otra vez por mis tres mensajes anteriores. ¿Los recibiste? Dímelo en cualquier caso, por favor.",
    ),
    (
        "#7 vigésima lectura: «¿por qué elegisteis a otra persona?», de vosotros (after-rejection)",
        "arguing-a-rejection",
        "Hola, Elena: me decepcionó mucho no conseguir el puesto. ¿Me puedes explicar por qué elegisteis a otra persona?",
    ),
    (
        "#8 vigésima lectura: «¿me consigues una entrevista?» (engage-before-asking)",
        "asking-a-favor",
        "Hola, Ben: estudiamos en la misma universidad. ¿Me consigues una entrevista con tu equipo?",
    ),
    (
        "#9 vigésima lectura: «¿te va bien el martes para un café…?», con la fecha delante (coffee-too-soon)",
        "pressing-for-a-meeting",
        "Hola Omar! Gracias por conectar. ¿Te va bien el martes para un café y hablamos de vacantes en tu empresa?",
    ),
    (
        "#10 vigésima lectura: «soy la persona adecuada» (leading-with-i-applied)",
        "selling-yourself",
        "Hola, Dana: soy la persona adecuada para este puesto.",
    ),
    (
        "#11 vigésima lectura: «considérame para el puesto» (review-my-application)",
        "review-my-application",
        "Hola, Dana: por favor, considérame para el puesto de QA sénior.",
    ),
    (
        "#12 vigésima lectura: «¿puedo enviarte mi CV?» (unsolicited-resume)",
        "resume-attached",
        "Hola, Dana: ¿puedo enviarte mi CV?",
    ),
    (
        "#12 vigésima lectura: «te puedo mandar mi CV si quieres» (unsolicited-resume)",
        "resume-attached",
        "Hola, Dana: te puedo mandar mi CV si quieres.",
    ),
    (
        "#13 vigésima lectura: «busco trabajo… avísame si surge algo» (open-to-opportunities)",
        "open-to-opportunities",
        "Hola Kevin: busco trabajo en diseño de producto; avísame si surge algo.",
    ),
    (
        "#14 vigésima lectura: «perdona que te escriba directamente; sé que la oferta pide…» (ignoring-no-contact)",
        "going-around-process",
        "Hola, Chris: perdona que te escriba directamente; sé que la oferta pide pasar por el equipo de selección. ¿Podríamos hablar del puesto?",
    ),
    (
        "#15 vigésima lectura: «te escribo para expresarte mi interés» (too-formal)",
        "too-formal",
        "Hola, Dana: te escribo para expresarte mi interés en el puesto de QA sénior.",
    ),
    (
        "#16 vigésima lectura: «ojalá que este mensaje te encuentre muy bien» (over-300-characters)",
        "finds-you-well",
        "Hola Grace, ojalá que este mensaje te encuentre muy bien.",
    ),
    // Issue #20, vigesimoprimera lectura (3): frases que la regla inglesa marca y su equivalente español no.
    (
        "3 vigesimoprimera lectura: «Estimados señores… para mostrar mi interés» (too-formal; «Dear Sir or Madam» en inglés)",
        "too-formal",
        "Estimados señores: les escribo para mostrar mi interés en el puesto.",
    ),
    (
        "3 vigesimoprimera lectura: «A la atención del responsable de selección» (too-formal)",
        "too-formal",
        "A la atención del responsable de selección: les escribo por la vacante.",
    ),
    (
        "3 vigesimoprimera lectura: «me encantaría hacerte unas preguntas sobre QA» («pick your brain about QA»)",
        "pick-your-brain",
        "Hola, Dana: me encantaría hacerte unas preguntas sobre QA.",
    ),
    (
        "3 vigesimoprimera lectura: «trabajadora, detallista y con espíritu de equipo» («hard-working, detail-oriented team player»)",
        "buzzwords",
        "Hola, Dana: soy una persona trabajadora, detallista y con espíritu de equipo.",
    ),
    (
        "3 vigesimoprimera lectura: «resolutiva y con iniciativa, enfocada en resultados» («results-driven self-starter»)",
        "buzzwords",
        "Hola, Dana: soy resolutiva y con iniciativa, enfocada en resultados.",
    ),
    (
        "3 vigesimoprimera lectura: «tengo el perfil ideal» («I'm the ideal candidate»)",
        "selling-yourself",
        "Hola, Dana: tengo el perfil ideal para este puesto.",
    ),
    (
        "3 vigesimoprimera lectura: «encajo como anillo al dedo» («the perfect fit»)",
        "selling-yourself",
        "Hola, Dana: encajo como anillo al dedo en este puesto.",
    ),
    (
        "3 vigesimoprimera lectura: «puedo sumar mucho a tu equipo» («I can add value to your team»)",
        "nothing-specific",
        "Hola, Dana: puedo sumar mucho a tu equipo.",
    ),
    (
        "3 vigesimoprimera lectura: «me interesa la vacante que tienen en su empresa» («the open position at your company»)",
        "nothing-specific",
        "Hola, Dana: me interesa la vacante que tienen en su empresa.",
    ),
    (
        "3 vigesimoprimera lectura: «¿podrías interceder por mí…?» («put in a good word»)",
        "asking-a-favor",
        "Hola, Dana: ¿podrías interceder por mí ante el equipo de selección?",
    ),
    (
        "3 vigesimoprimera lectura: «¿podrías mover mi candidatura…?» («fast-track my application»)",
        "asking-a-favor",
        "Hola, Dana: ¿podrías mover mi candidatura para que la revisen antes?",
    ),
    (
        "3 vigesimoprimera lectura: «necesito saber algo pronto» («need an answer soon»)",
        "frustration",
        "Hola, Jordan: todavía no sé nada y necesito saber algo pronto.",
    ),
    (
        "3 vigesimoprimera lectura: «respóndeme en cuanto puedas… es urgente» («reply as soon as possible»)",
        "frustration",
        "Hola, Jordan: respóndeme en cuanto puedas, por favor, es urgente.",
    ),
    (
        "3 vigesimoprimera lectura: «¿qué tenía la otra persona…?» («why did you pick someone else?»)",
        "arguing-a-rejection",
        "Hola, Dana: ¿qué tenía la otra persona que no tuviera yo?",
    ),
    (
        "3 vigesimoprimera lectura: «disponible para nuevos proyectos» («open to new opportunities»)",
        "open-to-opportunities",
        "Hola, Dana: estoy disponible para nuevos proyectos.",
    ),
    (
        "3 vigesimoprimera lectura: «en plena búsqueda de empleo» («job hunting»)",
        "open-to-opportunities",
        "Hola, Dana: estoy en plena búsqueda de empleo.",
    ),
    (
        "3 vigesimoprimera lectura: «tu empresa me parece increíble y sería un sueño trabajar allí» («a dream to work there»)",
        "love-your-company",
        "Hola, Dana: tu empresa me parece increíble y sería un sueño trabajar allí.",
    ),
    (
        "3 vigesimoprimera lectura: «¿me tendrías en consideración…?» («would you consider me for the role?»)",
        "review-my-application",
        "Hola, Dana: ¿me tendrías en consideración para el puesto?",
    ),
    (
        "3 vigesimoprimera lectura: «conectar con profesionales afines» («like-minded professionals»)",
        "love-to-connect",
        "Hola, Dana: me gustaría conectar con profesionales afines.",
    ),
    // Vigesimotercera lectura, F3: el puesto nombrado por su título no
    // exime la frase si la sitúa «en tu equipo», como en inglés.
    (
        "F3 vigesimotercera lectura: «me postulé al puesto de QA sénior en tu equipo.» («I applied for the Senior QA Engineer role on your team.»)",
        "leading-with-i-applied",
        "Hola, Dana: me postulé al puesto de QA sénior en tu equipo.",
    ),
    (
        "F3 vigesimotercera lectura: «me he postulado al puesto de QA sénior en tu equipo.» y después su publicación",
        "leading-with-i-applied",
        "Hola, Dana: me he postulado al puesto de QA sénior en tu equipo. Tu publicación sobre revisiones asíncronas se me quedó grabada.",
    ),
    (
        "F3 vigesimotercera lectura: «envié mi candidatura para el puesto de QA sénior en tu equipo.»",
        "leading-with-i-applied",
        "Hola, Dana: envié mi candidatura para el puesto de QA sénior en tu equipo.",
    ),
    // Vigesimocuarta lectura: frases que el revisor dejaba pasar.
    (
        "M1 vigesimocuarta lectura: «abierta a nuevos puestos» («open to new roles»)",
        "open-to-opportunities",
        "Hola, Kim: estoy abierta a nuevos puestos en ciencia de datos.",
    ),
    (
        "M1 vigesimocuarta lectura: «abierto a nuevos puestos»",
        "open-to-opportunities",
        "Hola, Kim: estoy abierto a nuevos puestos en ciencia de datos.",
    ),
    (
        "M2 vigesimocuarta lectura: «¡Avísame si tu equipo está contratando!» («Let me know if your team is hiring!»)",
        "open-to-opportunities",
        "Hola, Dana: tu charla sobre pruebas me gustó mucho. ¡Avísame si tu equipo está contratando!",
    ),
    (
        "M2 vigesimocuarta lectura: «avísame si hay vacantes en tu equipo»",
        "open-to-opportunities",
        "Hola, Dana: por favor, avísame si hay vacantes en tu equipo.",
    ),
    (
        "M1 vigesimocuarta lectura: «estoy buscando trabajo de QA» («looking for a job in QA»)",
        "open-to-opportunities",
        "Hola, Dana: te escribo porque estoy buscando trabajo de QA.",
    ),
    (
        "M1 vigesimocuarta lectura: «busco un nuevo puesto en UX»",
        "open-to-opportunities",
        "Hola, Kim: busco un nuevo puesto en UX. ¿Hay vacantes en tu equipo?",
    ),
    (
        "M7 vigesimocuarta lectura: «reflotar mi candidatura» («just bumping my application»)",
        "review-my-application",
        "Hola, Lee: solo quería reflotar mi candidatura del mes pasado. ¿Alguna novedad?",
    ),
    (
        "M7 vigesimocuarta lectura: reflotar un mensaje otra vez («bumping my last message again»)",
        "repeated-follow-ups",
        "Hola, Sam: solo quería reflotar mi mensaje otra vez.",
    ),
    (
        "M8 vigesimocuarta lectura: «mis dos últimos mensajes» («my last two messages»)",
        "repeated-follow-ups",
        "Hola, Sam: vuelvo a escribirte por mis dos últimos mensajes. ¿Los recibiste?",
    ),
    (
        "M8 vigesimocuarta lectura: «mis tres últimos mensajes»",
        "repeated-follow-ups",
        "Hola, Sam: vuelvo a escribirte por mis tres últimos mensajes. ¿Los recibiste?",
    ),
    (
        "M9 vigesimocuarta lectura: «échale un vistazo a mi currículum» («take a look at my resume»)",
        "review-my-application",
        "Hola, Laura: vi que estás contratando. Por favor, échale un vistazo a mi currículum.",
    ),
    (
        "M3 vigesimocuarta lectura: «¿te importaría pasarle mi CV al equipo de selección?»",
        "asking-a-favor",
        "Hola, Rosa: ¿te importaría pasarle mi CV al equipo de selección?",
    ),
    (
        "M3 vigesimocuarta lectura: «¿te importaría pasarle mi nombre al equipo de selección?»",
        "asking-a-favor",
        "Hola, Dana: ¿te importaría pasarle mi nombre al equipo de selección?",
    ),
    (
        "M3 vigesimocuarta lectura: «¿podrías darme una recomendación para el puesto?» («give me a referral»)",
        "asking-a-favor",
        "Hola, Dana: ¿podrías darme una recomendación para el puesto de QA?",
    ),
    (
        "M4 vigesimocuarta lectura: la llamada con fecha dicha sin pregunta («I'd love to hop on a call this Friday»)",
        "pressing-for-a-meeting",
        "Hola, Dana: me encantaría hacer una llamada este viernes para hablar del puesto.",
    ),
    (
        "M10 vigesimocuarta lectura: «me encantaría formar parte del equipo» tras un saludo en frío («Would love to be part of the team»)",
        "nothing-specific",
        "Hola, Dana: ¡soy fan de Lumen! Me encantaría formar parte del equipo.",
    ),
    (
        "M10 vigesimocuarta lectura: «creo que sería un gran activo para tu equipo» («I'd be an asset to your team»)",
        "selling-yourself",
        "Hola, Dana: creo que sería un gran activo para tu equipo. ¿Hablamos?",
    ),
];

#[test]
fn the_spanish_checker_flags_spanish_stock_phrases_and_passes_what_the_sources_recommend() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = spanish_rules(out);
    let ids: Vec<&str> = rules["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let mut texts: Vec<String> = RECOMMENDED.iter().map(|r| r.1.to_owned()).collect();
    texts.extend(DECLINED.iter().map(|d| d.2.to_owned()));
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    let mut wrong = Vec::new();
    for ((source, text), got) in RECOMMENDED.iter().zip(&flags) {
        if !got.is_empty() {
            wrong.push(format!(
                "recommended by {source}, but flagged {got:?}:\n    {text}"
            ));
        }
    }
    for ((source, rule, text), got) in DECLINED.iter().zip(&flags[RECOMMENDED.len()..]) {
        if !got.iter().any(|f| f[0].as_str() == Some(*rule)) {
            wrong.push(format!(
                "declined per {source}, but `{rule}` does not flag it ({got:?}):\n    {text}"
            ));
        }
    }
    let covered: BTreeSet<&str> = DECLINED.iter().map(|d| d.1).collect();
    for id in &ids {
        if !covered.contains(id) {
            wrong.push(format!("Spanish rule `{id}` has no declined line"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What each Spanish rule's message tells the reader to do instead,
/// written as a line that does it, as checker.rs's ADVICE: (rule, words of
/// its message, the line). The line must not raise that rule.
const ADVICE: &[(&str, &str, &str)] = &[
    (
        "placeholder",
        "rellena cada hueco",
        "Hola, Dana: tu publicación sobre revisiones de código asíncronas se me quedó grabada. ¿Cómo consiguen que sean tan rápidas?",
    ),
    (
        "too-long",
        "300 caracteres",
        "Hola, Grace: tu publicación sobre la planta de almacenamiento de Norrland explicaba muy bien el equilibrio de la red. ¿Qué fue lo que más sorprendió a tu equipo?",
    ),
    (
        "nothing-specific",
        "nombra una publicación, un proyecto, una charla, o una persona o una universidad",
        "Hola, Dana: tu publicación sobre aislar en un día las pruebas inestables cambió cómo clasifica mi equipo los fallos. ¿Cómo lograste que los desarrolladores lo aceptaran?",
    ),
    (
        "nothing-specific",
        "nombra una publicación, un proyecto, una charla, o una persona o una universidad",
        "Hola, Dana: Sam Patel me sugirió que te escribiera; trabajamos juntos tres años en Tallis. Me gustaría saber cómo se organiza el equipo de QA.",
    ),
    (
        "nothing-specific",
        "nombra una publicación, un proyecto, una charla, o una persona o una universidad",
        "Hola, Ben: yo también estudié ingeniería en Ohio State. Estoy haciendo ahora el mismo cambio de ingeniería civil a software. ¿Qué fue lo que más te ayudó?",
    ),
    (
        "nothing-specific",
        "a un reclutador, el puesto que publicó, con su nombre",
        "Hola, Jordan: me postulé al puesto de QA sénior en Lumen. Tengo seis años de experiencia en automatización de pruebas en Tallis. ¿Estarías abierto a conectar?",
    ),
    (
        "nothing-specific",
        "en el único recordatorio de Careery, que tu mensaje anterior puede haberse perdido",
        "Hola, Dana: te escribo por si mi mensaje anterior se perdió en una semana complicada. ¡Sin problema si no has tenido tiempo!",
    ),
    (
        "love-to-connect",
        "di en su lugar qué te gustaría aprender o seguir",
        "Me gustaría seguir lo que escribes sobre las pruebas inestables.",
    ),
    (
        "expand-network",
        "di qué te atrae de su trabajo",
        "Tu artículo sobre aislar las pruebas inestables es lo que me atrae del trabajo de tu equipo.",
    ),
    (
        "came-across-profile",
        "di qué encontraste en su trabajo",
        "Encontré tu artículo sobre pruebas inestables mientras investigaba cómo aislarlas, y respondió dudas que tenía desde hacía meses.",
    ),
    (
        "pick-your-brain",
        "haz una sola pregunta concreta",
        "¿Cómo decides cuándo hay que aislar una prueba inestable?",
    ),
    (
        "learn-from-experience",
        "haz una sola pregunta concreta",
        "¿Qué fue lo que más te ayudó al pasar de soporte a dirección de ingeniería?",
    ),
    (
        "finds-you-well",
        "empieza con un detalle concreto sobre esa persona",
        "Tu publicación sobre revisiones asíncronas cambió cómo trabaja mi equipo.",
    ),
    (
        "love-your-company",
        "señala mejor algo concreto que haya hecho su equipo",
        "La auditoría de accesibilidad que publicó tu equipo sobre la app Harbor era muy completa.",
    ),
    (
        "too-formal",
        "LinkedIn es conversacional",
        "Hola, Helen: tu hilo sobre formar al personal del almacén con vídeos cortos fue genial. ¿Cómo convenciste a los supervisores?",
    ),
    (
        "open-to-opportunities",
        "guardar la búsqueda de empleo para más adelante",
        "Me han gustado mucho estos intercambios. Si algún día surge en tu equipo un puesto que encaje con mi perfil, me encantaría que contaras conmigo.",
    ),
    (
        "open-to-opportunities",
        "vincúlala a su equipo o al puesto que buscas",
        "Hola, Dana: valoro mucho nuestras charlas. Ahora busco mi próximo puesto de líder de QA, y me encantaría que contaras conmigo si surge algo en tu equipo.",
    ),
    (
        "leading-with-i-applied",
        "empieza con algo sobre esa persona y menciona la candidatura después",
        "Hola, Dev: la frase de la oferta sobre publicar cada semana coincide con cómo llevé mi última hoja de ruta. Acabo de postularme al puesto de PM.",
    ),
    (
        "selling-yourself",
        "muestra la coincidencia con un paralelismo concreto de tu trabajo",
        "En Tallis reduje las pruebas de cada versión de tres días a uno, muy en la línea de lo que busca tu equipo con las entregas semanales.",
    ),
    (
        "buzzwords",
        "elige una experiencia que conecte con su trabajo",
        "Monté el enrutamiento de cross-docking para un centro del tamaño de tu nuevo almacén de Leeds.",
    ),
    (
        "review-my-application",
        "tu candidatura le llega de todos modos",
        "Gracias por aceptar, Lena. ¿Cómo decide tu equipo cuándo un proyecto necesita un estudio de diario?",
    ),
    (
        "resume-attached",
        "duplica tu candidatura",
        "Gracias por aceptar, Omar. Este caso sobre pausar suscripciones me hizo pensar en tu publicación sobre la pérdida de clientes.",
    ),
    (
        "asking-a-favor",
        "interésate primero por su trabajo",
        "Tu idea de asignar un compañero a cada persona nueva coincide con lo que vi en mi último trabajo.",
    ),
    (
        "pressing-for-a-meeting",
        "pídelo una sola vez y deja que elija cuándo",
        "Si algún día tienes 15 minutos para una llamada, me gustaría saber cómo organizaste los turnos. Sin problema si este mes vas con mucho trabajo.",
    ),
    (
        "minutes-after-applying",
        "deja que la candidatura llegue primero",
        "Envié mi candidatura para el puesto de analista la semana pasada, y me gustaría saber qué métrica discute más tu equipo.",
    ),
    (
        "frustration",
        "guarda el único recordatorio amable para un mensaje tuyo",
        "Solo recupero mi mensaje de la semana pasada por si se quedó enterrado. No te preocupes si estás con mucho trabajo.",
    ),
    (
        "repeated-follow-ups",
        "un único recordatorio amable al cabo de una semana",
        "Hola, Sam: un pequeño recordatorio de mi pregunta de la semana pasada, por si se te pasó.",
    ),
    (
        "going-around-process",
        "usa el canal que indica la oferta",
        "Hola, Jordan: la oferta dice que te escriba directamente con las preguntas, así que aquí va la mía: ¿qué valora el equipo que la oferta no menciona?",
    ),
    (
        "arguing-a-rejection",
        "preguntar qué podrías haber hecho mejor",
        "Gracias de nuevo por la entrevista. ¿Qué podría haber hecho mejor?",
    ),
];

#[test]
fn every_spanish_rules_advice_passes_that_rule() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = spanish_rules(out);
    let list = rules["rules"].as_array().expect("rules");
    let mut wrong = Vec::new();
    for r in list {
        let id = r["id"].as_str().unwrap_or_default();
        let m = r["message"].as_str().unwrap_or_default();
        if !ADVICE.iter().any(|a| a.0 == id && m.contains(a.1)) {
            wrong.push(format!(
                "`{id}`: no row in ADVICE does what it says:\n    {m}"
            ));
        }
    }
    let texts: Vec<String> = ADVICE.iter().map(|a| a.2.to_owned()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    for ((id, words, text), got) in ADVICE.iter().zip(&flags) {
        if got.iter().any(|f| f[0].as_str() == Some(*id)) {
            wrong.push(format!("`{id}` says \"{words}\", but flags:\n    {text}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Expert quotes stay verbatim in English on Spanish pages, so each must
/// say so with `lang="en"` (WCAG 3.1.2), on the figure or its blockquote.
#[test]
fn quotes_on_spanish_pages_are_marked_as_english() {
    let out = flagship();
    let mut seen = 0;
    let mut unmarked = Vec::new();
    for file in out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("es/") && f.ends_with(".html"))
    {
        let all = tags(&out.read(&file));
        for (i, t) in all.iter().enumerate() {
            let quote = t.name == "figure"
                && t.attr("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "quote"));
            if !quote {
                continue;
            }
            seen += 1;
            let blockquote = all[i + 1..].iter().find(|b| b.name == "blockquote");
            if t.attr("lang") != Some("en") && blockquote.and_then(|b| b.attr("lang")) != Some("en")
            {
                unmarked.push(file.clone());
            }
        }
    }
    assert!(
        seen >= 3,
        "the Spanish guides embed expert quotes ({seen} found)"
    );
    assert!(
        unmarked.is_empty(),
        "quotes without lang=\"en\" on {unmarked:?}"
    );
}

/// Nothing on a Spanish page links to a page that does not exist: what is
/// not translated links to the English page (#18, item 3).
#[test]
fn no_spanish_page_links_to_a_missing_page() {
    let out = flagship();
    let broken: Vec<String> =
        crate::common::broken_links(&out.dir, "https://casebook.example.org/")
            .into_iter()
            .filter(|b| b.contains("/es/"))
            .collect();
    assert!(broken.is_empty(), "{broken:#?}");
}

/// What the Spanish connection-request guide says the checker does: every
/// line of its "Frases que conviene quitar" list links a rule, and the
/// Spanish checker flags each phrase the line quotes under that rule.
#[test]
fn the_phrases_the_spanish_guide_says_the_checker_flags_are_flagged_by_their_rule() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let problems = super::checker::phrases_to_cut_problems(
        out,
        &spanish_rules(out),
        "content/es/guides/connection-request.md",
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Spanish search shows its results' kinds and template channels in
/// Spanish (#18): the manifest's badges and the summaries' context lines.
#[test]
fn spanish_search_results_are_labelled_in_spanish() {
    let out = flagship();
    let manifest: Value = serde_json::from_str(&out.read("es/search/manifest.json")).unwrap();
    let labels: Vec<&str> = manifest["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k[1].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"Plantilla") && !labels.contains(&"Template"),
        "{labels:?}"
    );
    let summaries: String = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("es/search/r"))
        .map(|f| out.read(&f))
        .collect();
    assert!(summaries.contains("Nota de conexión de LinkedIn"));
    assert!(!summaries.contains("LinkedIn connection note"));
}

/// The Spanish templates page names its groups in Spanish (#20, read on a
/// phone): each template's `context` has a label in `[languages.labels]`,
/// shown as the group's heading and its chip, never the English slug made
/// readable ("Warm path").
#[test]
fn spanish_template_groups_are_named_in_spanish() {
    let out = flagship();
    let page = out.read("es/templates/index.html");
    let heading = Regex::new(r#"id="?context-([a-z-]+)-h"?>([^<]+)<"#).unwrap();
    let groups: Vec<(String, String)> = heading
        .captures_iter(&page)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect();
    let contexts: BTreeSet<String> = spanish_data()
        .templates
        .iter()
        .map(|t| t.rec.context.clone())
        .collect();
    assert_eq!(
        groups
            .iter()
            .map(|(s, _)| s.clone())
            .collect::<BTreeSet<_>>(),
        contexts,
        "one group per context"
    );
    let english: Vec<&(String, String)> = groups
        .iter()
        .filter(|(slug, title)| *title == casebook::text::humanize(slug))
        .collect();
    assert!(
        english.is_empty(),
        "groups without a Spanish label in site.toml's [languages.labels]: {english:?}"
    );
    let chip = Regex::new(r#"href="?#context-([a-z-]+)"?>([^<]+)<"#).unwrap();
    let chips: Vec<(String, String)> = chip
        .captures_iter(&page)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect();
    assert_eq!(chips, groups, "each chip reads as its group's heading");
}

/// Spanish pages show Spanish tags (#20, read on a phone): the translated
/// guides and the Spanish tags page name no tag in English ("messages",
/// "warm-paths").
#[test]
fn spanish_pages_show_spanish_tags() {
    let out = flagship();
    let shown =
        Regex::new(r#"class="?(?:tag|chip)"? href="?/es/tags/[^/]+/"?[^>]*>([^<]+)<"#).unwrap();
    let english: BTreeSet<String> = std::fs::read_dir(out.dir.join("tags"))
        .expect("English tags")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".html"))
        .collect();
    let mut pages = vec!["es/tags/index.html".to_owned()];
    pages.extend(
        out.files()
            .into_iter()
            .filter(|f| f.starts_with("es/guides/") && f.ends_with("/index.html")),
    );
    let mut seen = 0;
    for page in &pages {
        for c in shown.captures_iter(&out.read(page)) {
            let name = c[1].trim();
            seen += 1;
            assert!(
                !english.contains(name),
                "{page} shows the English tag «{name}»"
            );
        }
    }
    assert!(seen > 10, "only {seen} tags found on {pages:?}");
}

/// Every case is in Spanish too (#20: the checker's "see the case" links
/// and the do/don't page no longer send a Spanish reader to English), and
/// its examples behave in the Spanish checker as the English ones do in
/// the English checker: each "don't" is flagged (by the rule that names
/// the case, where one does), each "do" is clean.
#[test]
fn every_case_is_translated_and_its_examples_behave_in_the_spanish_checker() {
    let en = flagship_data();
    let es = spanish_data();
    let mut want = ids(&en.cases, |c| &c.id);
    let mut have = ids(&es.cases, |c| &c.id);
    want.sort();
    have.sort();
    assert_eq!(have, want, "every case has a Spanish record");
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = spanish_rules(out);
    // (label, text, the rules one of which must flag it: None for clean,
    // Some(empty) for any rule)
    let mut notes: Vec<(String, String, Option<Vec<String>>)> = Vec::new();
    for c in &es.cases {
        let c = &c.rec;
        let own: Vec<String> = es
            .checks
            .iter()
            .filter(|k| k.rec.case == c.id)
            .map(|k| k.rec.id.clone())
            .collect();
        if let Some(t) = c.dont.example.as_ref().filter(|t| !t.trim().is_empty()) {
            notes.push((format!("`{}` dont.example", c.id), t.clone(), Some(own)));
        }
        if let Some(t) = c.do_.example.as_ref().filter(|t| !t.trim().is_empty()) {
            notes.push((format!("`{}` do.example", c.id), t.clone(), None));
        }
    }
    assert!(notes.len() >= 40, "only {} examples", notes.len());
    let texts: Vec<String> = notes.iter().map(|n| n.1.clone()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    let mut wrong = Vec::new();
    for ((label, text, rule), got) in notes.iter().zip(&flags) {
        let ids: Vec<&str> = got.iter().filter_map(|f| f[0].as_str()).collect();
        match rule {
            None if !ids.is_empty() => {
                wrong.push(format!("{label} is flagged {ids:?}:\n    {text}"))
            }
            Some(_) if ids.is_empty() => wrong.push(format!("{label} raises no flag:\n    {text}")),
            Some(own) if !own.is_empty() && !own.iter().any(|r| ids.contains(&r.as_str())) => wrong
                .push(format!(
                    "{label} is flagged {ids:?}, by none of its own rules {own:?}:\n    {text}"
                )),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Positions the Spanish pages hold after the twenty-fourth read: (file
/// under content/es, a pattern, whether it must be found, why).
const POSITIONS: &[(&str, &str, bool, &str)] = &[
    // Contradictions 1 and 2: a named recruiter means writing to the
    // recruiter, whatever the manager's activity; the one exception, which
    // the tree routes first, is a referral from a current employee.
    (
        "guides/alternatives.md",
        r"salvo que el responsable sea (?:claramente )?activo",
        false,
        "C1: the manager's LinkedIn activity does not override a named recruiter",
    ),
    (
        "guides/alternatives.md",
        r"Que el responsable sea activo en LinkedIn no cambia eso",
        true,
        "C1: the which-route list says a named recruiter holds",
    ),
    // Twenty-fifth read (contradiction 1): only a warm path comes before a
    // named recruiter, a referral or an introduction (made through the
    // contact, not as a cold note); everywhere, as in English.
    (
        "guides/alternatives.md",
        r"es la única excepción",
        false,
        "25-C1: the referral is no longer the only exception",
    ),
    (
        "guides/alternatives.md",
        r"o, como dicen los dos puntos siguientes, una recomendación o una presentación\.",
        true,
        "25-C1: the which-route list names both warm paths",
    ),
    (
        "guides/alternatives.md",
        r"La presentación llega a través de esa persona; no es una nota tuya en frío",
        true,
        "25-C1: the introduction goes through the contact",
    ),
    (
        "decisions/should-i-message.yaml",
        r"una recomendación de alguien que trabaja allí, o que alguien que te conoce a ti y al responsable te presente",
        true,
        "25-C1: the welcome help names both warm paths",
    ),
    (
        "guides/when-to-reach-out.md",
        r"o que alguien que te conoce a ti y al responsable te \[presente\]\(@/guides/alternatives\.md#warm-introduction\)",
        true,
        "25-C1: the timing guide names both warm paths",
    ),
    (
        "data/faqs.yaml",
        r"La excepción que hace este sitio es una recomendación",
        false,
        "25-C1: the large-company FAQ no longer makes the referral the only exception",
    ),
    (
        "data/faqs.yaml",
        r"si la oferta nombra a uno, escríbele a él por muy activo que sea el responsable\. Solo un camino cercano va antes",
        true,
        "25-D1: the large-company FAQ says a named recruiter holds however active the manager is",
    ),
    (
        "data/faqs.yaml",
        r"Si alguien te conoce a ti y al responsable, pídele que te presente",
        true,
        "25-C1: the large-company FAQ names the introduction",
    ),
    (
        "data/cases.yaml",
        r"o pedir a un contacto en común que te presente",
        false,
        "25-C1: the large-company case does not offer an introduction as a mere alternative",
    ),
    (
        "data/cases.yaml",
        r"Solo va antes un camino cercano \(que ya conozcas al responsable en persona, una recomendación de alguien de la plantilla o que te presente alguien",
        true,
        "25-C1: the large-company case names both warm paths",
    ),
    // Twenty-fifth read (contradiction 2): the note asks for nothing.
    (
        "data/checks.yaml",
        r"Una nota de conexión no pide nada; cuando acepte, una llamada breve puede ser tu única petición, y el café espera a alguien con quien ya has hablado",
        true,
        "25-C2, 26-C2: the meeting message agrees with after-they-accept (call once they accept, coffee after talking)",
    ),
    // Twenty-sixth read: having met the manager in person is a warm path
    // too (the tree asks how you know them first), and the note after
    // applying opens with the team, not the role.
    (
        "guides/alternatives.md",
        r"Solo va antes un camino cercano: que ya \[conozcas al responsable en persona\]",
        true,
        "26-C4: meeting in person comes before a named recruiter",
    ),
    (
        "data/faqs.yaml",
        r"Si ya conoces al responsable en persona, conecta pronto",
        true,
        "26-C4: the large-company FAQ names meeting in person",
    ),
    (
        "guides/when-to-reach-out.md",
        r"Sé conciso: empieza por algo que esté haciendo el equipo",
        true,
        "26-C1: the note after applying opens with the team",
    ),
    (
        "guides/when-to-reach-out.md",
        r"Sé conciso: nombra el puesto",
        false,
        "26-C1: the note after applying opens with the team",
    ),
    // Twenty-fifth read (difference 2): the already-applied exception.
    (
        "data/faqs.yaml",
        r"Un puesto al que ya te postulaste es distinto: puedes decirlo una vez en tu agradecimiento",
        true,
        "25-D2: when-to-mention-job carries the already-applied exception",
    ),
    (
        "guides/after-they-accept.md",
        r"\(Decir una vez que te postulaste a un puesto y que te interesa va en \[el agradecimiento\]\(#thank-you\)\.\)",
        true,
        "25-D2: mention-interest carries the already-applied exception",
    ),
    // Twenty-fifth read (contradiction 3, difference 3): an offer you accept.
    (
        "decisions/should-i-message.yaml",
        r"Una oferta que aceptas cumple las dos condiciones",
        true,
        "25-D3: the hired outcome keeps the English hedge",
    ),
    (
        "decisions/should-i-message.yaml",
        r"El resultado ya se conoce",
        false,
        "25-D3: the hired outcome does not tie connecting to any offer",
    ),
    (
        "guides/interviews-and-rejection.md",
        r"Con la oferta en la mano",
        false,
        "25-D3: after-hired does not tie connecting to any offer",
    ),
    (
        "guides/interviews-and-rejection.md",
        r"Cuando ya tengas el puesto, o hayas aceptado la oferta, conecta",
        true,
        "25-D3: after-hired, once hired or the offer accepted",
    ),
    (
        "decisions/should-i-message.yaml",
        r"aunque se cumpla cualquier otra señal",
        false,
        "C2: the welcome help no longer says the recruiter rule has no exception",
    ),
    (
        "decisions/should-i-message.yaml",
        r"Solo hay una excepción, que el árbol ya ha comprobado: si alguien que trabaja allí te recomendó",
        false,
        "25-C1: the welcome help no longer makes the referral the only exception",
    ),
    (
        "guides/when-to-reach-out.md",
        r"La única excepción es que alguien que trabaja allí te haya recomendado",
        false,
        "25-C1: the timing guide no longer makes the referral the only exception",
    ),
    // Contradiction 3: talking directly keeps to the default when the
    // process is formal or run by a recruiter.
    (
        "guides/when-to-reach-out.md",
        r"si el proceso es formal o lo lleva un reclutador, quédate con la opción por defecto: guarda la solicitud hasta que haya una decisión\. La \[guía de entrevistas\]\(@/guides/interviews-and-rejection\.md#before-interview\)",
        true,
        "C3: the already-talking paragraph gives the recruiter-run exception",
    ),
    // Contradiction 4: saying once that you applied is a fact, not an ask.
    (
        "guides/after-they-accept.md",
        r"Es un dato, no una petición",
        true,
        "C4: the thank-you may state the application once, asking nothing",
    ),
    (
        "guides/after-they-accept.md",
        r"Esta sección trata de los puestos a los que no te has postulado y de pedirle que cuente contigo",
        true,
        "C4: mention-interest is about roles not applied for and asking to be considered",
    ),
    (
        "data/faqs.yaml",
        r"puedes decirlo una vez, como un dato, sin pedirle que te tenga en cuenta",
        true,
        "C4: the after-they-accept FAQ agrees with the guide",
    ),
    // Sources 1 and 2: what each article says, and what is the site's own.
    (
        "guides/when-to-reach-out.md",
        r"nombrando algo concreto de él",
        false,
        "S1: Networking Etiquette does not say to name something specific (004:11)",
    ),
    (
        "data/faqs.yaml",
        r"nombrando algo concreto de él",
        false,
        "S1: Networking Etiquette does not say to name something specific (004:11)",
    ),
    (
        "guides/alternatives.md",
        r"A nuestro entender, por eso escribirles no es saltarse el proceso",
        true,
        "S2: not going around the process is the site's reading of the decision guide",
    ),
    // Wording 1: with an offer in hand, connect, said plainly.
    (
        "guides/interviews-and-rejection.md",
        r"cada una a su manera|\(\*job offer\*\)|\(\*hired\*\)",
        false,
        "W1: no 'each uses their own word'",
    ),
    (
        "decisions/should-i-message.yaml",
        r"cada una su propia palabra|\(\*job offer\*\)|\(\*hired\*\)",
        false,
        "W1: the hired outcome says it plainly",
    ),
    (
        "decisions/should-i-message.yaml",
        r"Cuando hayas aceptado la oferta, o ya te hayan contratado, conecta",
        true,
        "W1, 26-C3: the hired outcome says it plainly, and only an accepted offer or being hired",
    ),
    // Wording 4, 6, 7: one neutral Spanish, tú throughout, no flippant opener.
    (
        "data/cases.yaml",
        r"(?i)\ba tope\b|\bliad[oa]\b|\bhasta arriba\b",
        false,
        "W4: no Peninsular colloquialisms in the examples",
    ),
    (
        "data/templates.yaml",
        r"(?i)\bde baja\b",
        false,
        "W4: no Peninsular colloquialisms in the examples",
    ),
    (
        "guides/short-answer.md",
        r"ténganme",
        false,
        "W6: tú, as everywhere",
    ),
    (
        "data/faqs.yaml",
        r"Hay opiniones para todo",
        false,
        "W7: opinions are divided, not 'there is an opinion for everything'",
    ),
    // Wording 5: the warm-up to cut is the one Spanish writers use.
    (
        "guides/connection-request.md",
        r#"Quita el calentamiento\.\*\* En una nota a alguien que no te conoce, "Espero que estés bien""#,
        true,
        "W5: the filler Spanish writers really use",
    ),
];

#[test]
fn the_spanish_pages_hold_the_twenty_fourth_reads_positions() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/content/es/");
    let mut wrong = Vec::new();
    for (file, pattern, want, why) in POSITIONS {
        let text = std::fs::read_to_string(format!("{root}{file}")).expect(file);
        let found = Regex::new(pattern).expect("regex").is_match(&text);
        if found != *want {
            let verb = if *want { "lacks" } else { "still has" };
            wrong.push(format!("{file} {verb} /{pattern}/: {why}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The two sources whose English headlines the Spanish edition keeps are
/// marked `lang="en"` on its pages, so a screen reader speaks them in
/// English (WCAG 3.1.2); the three it describes in Spanish are not.
#[test]
fn english_source_headlines_on_spanish_pages_carry_lang_en() {
    let out = flagship();
    let expected = [
        ("decision-guide", Some("en")),
        ("networking-etiquette", Some("en")),
        ("connect-hiring-manager", None),
        ("careery-connection-messages", None),
        ("terkel-hiring-managers", None),
    ];
    let list = out.page("/es/sources/");
    let items = tags(&list);
    for (id, lang) in expected {
        let at = items
            .iter()
            .position(|t| t.name == "li" && t.attr("id") == Some(id))
            .unwrap_or_else(|| panic!("/es/sources/ lists no {id}"));
        let title = items[at..]
            .iter()
            .find(|t| t.attr("class") == Some("source-title"))
            .expect("a title");
        assert_eq!(title.attr("lang"), lang, "/es/sources/#{id}");
    }
    // The guide's own list of sources (its text names them in Spanish).
    let page = out.page("/es/guides/alternatives/");
    let guide = &page[page.find("sources-heading").expect("a list of sources")..];
    for (id, lang) in expected {
        let link = tags(guide)
            .into_iter()
            .find(|t| {
                t.name == "a"
                    && t.attr("href")
                        .is_some_and(|h| h.ends_with(&format!("/es/sources/#{id}")))
            })
            .unwrap_or_else(|| panic!("the alternatives guide cites no {id}"));
        assert_eq!(
            link.attr("lang"),
            lang,
            "the alternatives guide's link to {id}"
        );
    }
}
