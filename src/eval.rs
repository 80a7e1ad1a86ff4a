//! The evaluation schema of `shared/docs/EVAL.md` (`rendezvous analyze --eval`).

use serde_json::{json, Value};

use crate::insight::Analysis;

pub fn to_eval(a: &Analysis) -> Value {
    let i = &a.insight;
    json!({
        "lang": a.meta.lang,
        "published": a.meta.published,
        "people": i.people.iter().map(|p| json!({"name": p.name, "roles": p.roles, "org": p.org, "country": p.country})).collect::<Vec<_>>(),
        "organizations": i.organizations.iter().map(|o| json!({"name": o.name, "acronym": o.acronym})).collect::<Vec<_>>(),
        "places": i.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "meetings": i.meetings.iter().map(|m| {
            let mut v = json!({
                "participants": m.participants,
                "place": m.place,
                "date": m.date.as_ref().map(|d| json!({"start": d.start, "end": d.end.clone().unwrap_or_else(|| d.start.clone()), "text": d.text})),
                "topics": m.topics,
                "evidence": m.evidence.sentence,
            });
            if m.status == "planned" {
                v["status"] = json!("planned");
            }
            v
        }).collect::<Vec<_>>(),
    })
}
