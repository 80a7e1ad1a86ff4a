//! General behaviour of the extractor on small hand-written pages (no corpus facts): honorifics
//! and titles, resolution of a surname, meetings with place, relative dates, planned meetings,
//! bylines, demonyms, articles without meetings.

use rendezvous::extract::fold;
use rendezvous::insight::Insight;

fn page(lang: &str, published: &str, paras: &[&str]) -> Insight {
    let head =
        format!("<meta property=\"article:published_time\" content=\"{published}T09:00:00Z\">");
    analyze(&format!(" lang=\"{lang}\""), &head, paras).insight
}

/// The analysis of an article page made of `paras`, with `html_attrs` on <html> and `head` extra.
fn analyze(html_attrs: &str, head: &str, paras: &[&str]) -> rendezvous::insight::Analysis {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!DOCTYPE html><html{html_attrs}><head><title>t</title>{head}</head>\
         <body><article><h1>News</h1>{body}</article></body></html>"
    );
    rendezvous::analyze_html(&html, &Default::default()).analysis
}

fn pair(ins: &Insight, a: &str, b: &str) -> Option<rendezvous::insight::Meeting> {
    ins.meetings
        .iter()
        .find(|m| {
            let f: Vec<String> = m.participants.iter().map(|x| fold(x)).collect();
            f.contains(&fold(a)) && f.contains(&fold(b))
        })
        .cloned()
}

#[test]
fn english_meeting_with_title_place_and_weekday() {
    let ins = page(
        "en",
        "2019-11-20",
        &[
            "Defence Secretary Mark Esper met French President Emmanuel Macron in Paris on Tuesday.",
            "Mr Esper said the two men discussed the future of the alliance and arms sales.",
            "By Jane Doe",
        ],
    );
    let m = pair(&ins, "Mark Esper", "Emmanuel Macron").expect("meeting Esper–Macron");
    assert_eq!(m.place.as_deref(), Some("Paris"));
    let d = m.date.expect("date");
    assert_eq!(d.start, "2019-11-19", "Tuesday before Wednesday 2019-11-20");
    assert_eq!(m.status, "held");
    assert!(
        m.topics.iter().any(|t| t.contains("alliance")),
        "{:?}",
        m.topics
    );
    let esper = ins
        .people
        .iter()
        .find(|p| p.name == "Mark Esper")
        .expect("Mark Esper");
    assert!(
        esper.roles.iter().any(|r| r.contains("Defence Secretary")),
        "{:?}",
        esper.roles
    );
    assert!(
        !ins.people.iter().any(|p| p.name == "Esper"),
        "Mr Esper resolves to Mark Esper"
    );
    assert!(
        !ins.people.iter().any(|p| p.name.contains("Jane")),
        "the byline is not a person of the story"
    );
    let macron = ins
        .people
        .iter()
        .find(|p| p.name == "Emmanuel Macron")
        .unwrap();
    assert_eq!(macron.country.as_deref(), Some("France"));
}

#[test]
fn french_planned_meetings_one_per_host() {
    let ins = page(
        "fr",
        "2024-03-10",
        &["Le 12 mars, la ministre des Affaires étrangères Anne Martin rencontrera à Berlin le chancelier allemand Hans Weber et le ministre de l’Économie Paul Richter."],
    );
    let a = pair(&ins, "Anne Martin", "Hans Weber").expect("Martin–Weber");
    let b = pair(&ins, "Anne Martin", "Paul Richter").expect("Martin–Richter");
    for m in [&a, &b] {
        assert_eq!(m.status, "planned");
        assert_eq!(m.place.as_deref(), Some("Berlin"));
        assert_eq!(m.date.as_ref().unwrap().start, "2024-03-12");
    }
    assert!(pair(&ins, "Hans Weber", "Paul Richter").is_none());
    let weber = ins.people.iter().find(|p| p.name == "Hans Weber").unwrap();
    assert_eq!(weber.country.as_deref(), Some("Allemagne"));
}

#[test]
fn french_range_acronyms_and_visit_frame() {
    let ins = page(
        "fr",
        "2024-07-01",
        &[
            "En visite officielle au Canada, du 3 au 5 juillet 2024, le Directeur général de la Sécurité civile (DGSC), M. Paul Durand, a eu des entretiens avec ses homologues.",
            "Il a notamment rencontré Mme Claire Dubois, Présidente de l’Agence spatiale canadienne.",
        ],
    );
    let m = pair(&ins, "Paul Durand", "Claire Dubois").expect("Durand–Dubois");
    assert_eq!(m.place.as_deref(), Some("Canada"));
    let d = m.date.unwrap();
    assert_eq!(
        (d.start.as_str(), d.end.as_deref()),
        ("2024-07-03", Some("2024-07-05"))
    );
    let org = ins
        .organizations
        .iter()
        .find(|o| o.acronym.as_deref() == Some("DGSC"))
        .expect("DGSC");
    assert!(org.name.contains("Sécurité civile"), "{}", org.name);
    assert_eq!(
        ins.meetings.len(),
        1,
        "{:?}",
        ins.meetings
            .iter()
            .map(|m| &m.participants)
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_meeting_in_a_crime_report() {
    let ins = page(
        "en",
        "2019-11-20",
        &[
            "Police arrested John Smith, 34, on Monday after a traffic stop on Main Street.",
            "Officers found drugs in the car, Lt. Mark Jones said. Smith was held in the county jail.",
        ],
    );
    assert!(
        ins.meetings.is_empty(),
        "{:?}",
        ins.meetings
            .iter()
            .map(|m| &m.participants)
            .collect::<Vec<_>>()
    );
    assert!(ins.people.iter().any(|p| p.name == "Mark Jones"));
}

#[test]
fn english_between_and_phone() {
    let ins = page(
        "en",
        "2017-11-16",
        &[
            "Talks between Prime Minister Jane Holt and the unions resumed on Monday.",
            "Mr Holt's rival, President Ali Mansour, told Prime Minister Jane Holt by telephone on Wednesday that he would attend.",
        ],
    );
    let m = pair(&ins, "Ali Mansour", "Jane Holt").expect("phone call");
    assert_eq!(
        m.date.as_ref().map(|d| d.start.as_str()),
        Some("2017-11-15"),
        "{m:?}"
    );
    assert!(ins
        .meetings
        .iter()
        .any(|m| m.participants.iter().any(|p| p.starts_with("the unions"))));
}

#[test]
fn english_hosts_places_and_planned() {
    let ins = page(
        "en",
        "2024-05-15",
        &[
            "Secretary of State Antony Blinken held talks with Chinese Foreign Minister Wang Yi in Beijing on Friday.",
            "President Joe Biden hosted Japanese Prime Minister Fumio Kishida at the White House on Wednesday to discuss trade and security.",
            "Russian President Vladimir Putin will meet Xi Jinping next week, the Kremlin said.",
            "A photo shows Mr Biden, left, meets Queen Anne Smith in 2006.",
        ],
    );
    let a = pair(&ins, "Antony Blinken", "Wang Yi").expect("Blinken–Wang");
    assert_eq!(a.place.as_deref(), Some("Beijing"));
    assert_eq!(a.date.as_ref().unwrap().start, "2024-05-10");
    let b = pair(&ins, "Joe Biden", "Fumio Kishida").expect("Biden–Kishida");
    assert_eq!(
        b.place.as_deref(),
        Some("White House"),
        "not the place of another paragraph"
    );
    assert!(
        b.topics.iter().any(|t| t.contains("trade")),
        "{:?}",
        b.topics
    );
    let c = pair(&ins, "Vladimir Putin", "Xi Jinping").expect("Putin–Xi");
    assert_eq!(c.status, "planned");
    assert!(
        pair(&ins, "Joe Biden", "Anne Smith").is_none(),
        "a meeting years ago is background"
    );
    let wang = ins.people.iter().find(|p| p.name == "Wang Yi").unwrap();
    assert_eq!(wang.country.as_deref(), Some("China"));
}

#[test]
fn a_title_case_headline_does_not_lengthen_a_name() {
    // the headline as a paragraph of the article (a teaser line), where it is read as text
    let ins = page(
        "en",
        "2024-05-02",
        &[
            "The singer Maria Lindqvist has asked her former label to return the recordings of her first four albums.",
            "Why Maria Lindqvist Wants Her Old Songs Back",
            "Maria Lindqvist said on Tuesday that the label had refused to sell them back to her.",
            "Her lawyers are now studying the contracts signed by the band in 2009.",
        ],
    );
    let names: Vec<&str> = ins.people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Maria Lindqvist"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Wants")), "{names:?}");
}

#[test]
fn document_topics_skip_contractions_and_generic_words() {
    let ins = page(
        "en",
        "2024-05-02",
        &[
            "Residents say the water supply has failed three times this winter, and they don't know why.",
            "The council must make sure the water supply is repaired, residents don't know when the pipes will be replaced.",
            "Engineers will make sure the old pipes are inspected before the most recent repairs are paid for.",
            "The most recent inspection found cracks in the water supply pipes under the main road.",
        ],
    );
    let topics: Vec<String> = ins.topics.iter().map(|t| t.text.to_lowercase()).collect();
    assert!(
        topics.iter().any(|t| t.contains("water supply")),
        "{topics:?}"
    );
    for junk in ["don't know", "don’t know", "make sure", "most recent"] {
        assert!(
            !topics.iter().any(|t| t.contains(junk)),
            "{junk} in {topics:?}"
        );
    }
}

#[test]
fn no_document_topics_in_a_language_without_function_words() {
    // German has boilerplate tables but no function-word table: its content words cannot be told
    // from its function words, so no topics rather than "wird dabei".
    let ins = page(
        "de",
        "2024-05-02",
        &[
            "Die Stadt wird dabei unter anderem die Wasserleitungen erneuern, die im Winter mehrfach gebrochen sind.",
            "Die Arbeiten sollen unter anderem im Sommer beginnen, wird dabei von der Verwaltung betont.",
            "Die Kosten werden unter anderem von der Landesregierung getragen.",
        ],
    );
    assert!(
        ins.topics.is_empty(),
        "{:?}",
        ins.topics.iter().map(|t| &t.text).collect::<Vec<_>>()
    );
}

#[test]
fn meeting_topics_do_not_start_or_end_with_reporting_words() {
    let ins = page(
        "fr",
        "2024-06-27",
        &["Le ministre Jean Dufresne a rencontré mardi à Rabat son homologue Karim Bennani. Les deux responsables ont évoqué la coopération sécuritaire, la lutte contre le terrorisme et le communiqué commun."],
    );
    let m = pair(&ins, "Jean Dufresne", "Karim Bennani").expect("the meeting");
    assert!(
        m.topics
            .iter()
            .any(|t| t.contains("coopération sécuritaire")),
        "{:?}",
        m.topics
    );
    assert!(
        !m.topics.iter().any(|t| t.starts_with("communiqué")),
        "{:?}",
        m.topics
    );
}

#[test]
fn organisations_leave_out_a_former_and_a_dateline() {
    let ins = page(
        "en",
        "2024-05-02",
        &[
            "MARLBOROUGH, Mass. — Former National Transport Council official Peter Halvorsen told the committee on Monday that the rail plan was late.",
            "The National Transport Council has not answered the committee's questions.",
        ],
    );
    let names: Vec<&str> = ins.organizations.iter().map(|o| o.name.as_str()).collect();
    assert!(names.contains(&"National Transport Council"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Former") || n.contains("MARLBOROUGH")),
        "{names:?}"
    );
}

fn analysis(html_attrs: &str, paras: &[&str]) -> rendezvous::insight::Analysis {
    analyze(html_attrs, "", paras)
}

#[test]
fn the_text_says_its_language_when_the_page_declares_none_or_another() {
    let fr = [
        "Le ministre de l’Intérieur Jean Dufresne a rencontré mardi à Rabat son homologue Karim Bennani.",
        "Les deux responsables ont évoqué la coopération sécuritaire et la lutte contre le terrorisme.",
    ];
    for declared in ["", " lang=\"en\""] {
        let a = analysis(declared, &fr);
        assert_eq!(a.meta.lang.as_deref(), Some("fr"), "declared {declared:?}");
        assert!(
            pair(&a.insight, "Jean Dufresne", "Karim Bennani").is_some(),
            "{:?}",
            a.insight.meetings
        );
    }
}

#[test]
fn a_language_without_tables_gets_a_notice_instead_of_guesses() {
    let a = analysis(
        " lang=\"en\"",
        &[
            "Il sindaco Marco Bellandi ha incontrato martedì mattina una delegazione di pescatori del porto vecchio per discutere della nuova diga.",
            "Durante la riunione, che si è svolta nella sala consiliare del municipio, i pescatori hanno chiesto garanzie sui tempi dei lavori.",
        ],
    );
    assert_eq!(a.meta.lang.as_deref(), Some("it"));
    assert_eq!(a.meta.declared_lang.as_deref(), Some("en"));
    assert!(a.insight.people.is_empty() && a.insight.meetings.is_empty());
    assert!(
        a.notices
            .iter()
            .any(|n| n.starts_with("language: it people,")),
        "{:?}",
        a.notices
    );
}

#[test]
fn each_meeting_says_what_kind_of_contact_it_was() {
    use rendezvous::insight::MeetingKind;
    let ins = page(
        "en",
        "2024-05-02",
        &[
            "Foreign Minister Anna Keller spoke by phone with Prime Minister Tomas Varga on Monday.",
            "Interior Minister Paul Brenner met his counterpart Luis Ortega in Madrid on Tuesday.",
        ],
    );
    let kind = |a: &str, b: &str| pair(&ins, a, b).map(|m| m.kind);
    assert_eq!(kind("Anna Keller", "Tomas Varga"), Some(MeetingKind::Call));
    assert_eq!(
        kind("Paul Brenner", "Luis Ortega"),
        Some(MeetingKind::Meeting)
    );
    let fr = page(
        "fr",
        "2024-06-27",
        &["Lors de sa visite à Rabat, le ministre Jean Dufresne a rencontré mardi son homologue Karim Bennani."],
    );
    let m = pair(&fr, "Jean Dufresne", "Karim Bennani").expect("the meeting");
    assert_eq!(m.kind, MeetingKind::Visit);
}
