//! The founding example: runs the whole core natively on the fixture page and compares the
//! insight with `tests/fixtures/seed-maroc-france/expected.json` (names compare without accents
//! or honorifics; a meeting matches when its participants match as a pair).

use serde_json::Value;

fn fold(s: &str) -> String {
    rendezvous::extract::fold(s)
}

fn contains(hay: &str, needle: &str) -> bool {
    fold(hay).contains(&fold(needle))
}

#[test]
fn founding_example_insight() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-maroc-france"
    );
    let html = std::fs::read_to_string(format!("{dir}/source.html")).unwrap();
    let exp: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap())
            .unwrap();
    let run = rendezvous::analyze_html(&html, &Default::default());
    let ins = &run.analysis.insight;

    // people, with roles and organisation
    for p in exp["people"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let got = ins
            .people
            .iter()
            .find(|x| fold(&x.name) == fold(name))
            .unwrap_or_else(|| {
                panic!(
                    "person {name} missing: {:?}",
                    ins.people.iter().map(|p| &p.name).collect::<Vec<_>>()
                )
            });
        for w in p["role_words"].as_array().unwrap() {
            let w = w.as_str().unwrap();
            assert!(
                got.roles.iter().any(|r| contains(r, w)),
                "{name}: role word {w} not in {:?}",
                got.roles
            );
        }
        if let Some(org) = p.get("org").and_then(|o| o.as_str()) {
            assert_eq!(got.org.as_deref(), Some(org), "{name}: organisation");
        }
        assert!(!got.evidence.is_empty());
    }
    for n in exp["not_people"].as_array().unwrap() {
        let n = n.as_str().unwrap();
        assert!(
            !ins.people.iter().any(|p| fold(&p.name) == fold(n)),
            "{n} is a byline, not a person of the story"
        );
    }
    // organisations: acronym with its expansion read from the text
    for o in exp["organizations"].as_array().unwrap() {
        let acr = o["acronym"].as_str().unwrap();
        let got = ins
            .organizations
            .iter()
            .find(|x| x.acronym.as_deref() == Some(acr))
            .unwrap_or_else(|| panic!("organisation {acr} missing"));
        for w in o["name_words"].as_array().unwrap() {
            assert!(
                contains(&got.name, w.as_str().unwrap()),
                "{acr}: {} lacks {w}",
                got.name
            );
        }
    }
    // places
    for p in exp["places"].as_array().unwrap() {
        let p = p.as_str().unwrap();
        assert!(
            ins.places.iter().any(|x| fold(&x.name) == fold(p)),
            "place {p} missing"
        );
    }
    // meetings
    let max = exp["max_meetings"].as_u64().unwrap() as usize;
    assert!(
        ins.meetings.len() <= max,
        "{} meetings, at most {max}",
        ins.meetings.len()
    );
    for m in exp["meetings"].as_array().unwrap() {
        let parts: Vec<&str> = m["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let got = ins
            .meetings
            .iter()
            .find(|x| {
                parts
                    .iter()
                    .all(|p| x.participants.iter().any(|q| fold(q) == fold(p)))
            })
            .unwrap_or_else(|| panic!("meeting {parts:?} missing"));
        assert_eq!(
            got.place.as_deref(),
            m["place"].as_str(),
            "{parts:?}: place"
        );
        let d = got.date.as_ref().expect("date");
        assert_eq!(d.start, m["date"]["start"].as_str().unwrap());
        assert_eq!(
            d.end.as_deref().unwrap_or(&d.start),
            m["date"]["end"].as_str().unwrap()
        );
        for w in m["topic_words"].as_array().unwrap() {
            let w = w.as_str().unwrap();
            assert!(
                got.topics.iter().any(|t| contains(t, w)),
                "{parts:?}: topic word {w} not in {:?}",
                got.topics
            );
        }
        assert!(!got.evidence.sentence.is_empty());
        let idx = got.evidence.element as usize;
        let node = run
            .doc
            .by_index(idx as u32)
            .expect("evidence element exists");
        assert!(
            contains(
                &rendezvous::text::collapse(&run.doc.text_content(node)),
                &got.evidence.sentence
            ),
            "evidence sentence is in its element"
        );
    }
    let all_topics: Vec<&String> = ins
        .meetings
        .iter()
        .flat_map(|m| &m.topics)
        .chain(ins.topics.iter().map(|t| &t.text))
        .collect();
    for w in exp["topic_words_anywhere"].as_array().unwrap() {
        let w = w.as_str().unwrap();
        assert!(
            all_topics.iter().any(|t| contains(t, w)),
            "topic word {w} nowhere"
        );
    }
}
