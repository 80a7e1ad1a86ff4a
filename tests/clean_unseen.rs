//! Comment systems and pages the rules were not written for: no `comment` class anywhere, other
//! languages, non-articles.

use rendezvous::{analyze_html, text::visible_page_text, Options};

fn article_html(after: &str) -> String {
    let para = "The minister met the delegation on Tuesday to discuss trade, security and the \
                long-delayed agreement on fisheries, officials said in a statement. ";
    let body: String = (0..6).map(|i| format!("<p>{i} {para}{para}</p>")).collect();
    format!(
        "<!DOCTYPE html><html lang=en><head><title>Talks</title></head><body>\
         <div class=wrap><div class=x1><h1>Talks</h1><div class=x2>{body}</div></div>{after}</div>\
         </body></html>"
    )
}

#[test]
fn repeated_units_with_date_and_reply_are_comments() {
    let unit = |who: &str, what: &str| {
        format!(
            "<li class=u><img class=pic src='https://secure.gravatar.com/a.png'><b>{who}</b> \
             <span class=when>March 3, 2024 at 10:12</span><div>{what}</div>\
             <a href='?replytocom=1'>Reply</a></li>"
        )
    };
    let list = format!(
        "<div class=zz><h3>3 Responses</h3><ul class=yy>{}{}{}</ul></div>",
        unit(
            "Ann",
            "I disagree entirely with this reading of the fisheries deal."
        ),
        unit(
            "Bob",
            "Great piece, thanks for covering the trade talks so closely."
        ),
        unit(
            "Cy",
            "Will there be a follow-up on the security part of the talks?"
        )
    );
    let run = analyze_html(&article_html(&list), &Options::default());
    let visible = visible_page_text(&run.doc, &run.layout);
    assert!(!visible.contains("I disagree entirely"), "{visible}");
    assert!(!visible.contains("follow-up on the security"));
    assert!(run.article.plain().contains("0 The minister met"));
    assert!(run.analysis.hidden.iter().any(|h| h.kind == "comments"));
    assert!(run.layout.is_article);
}

#[test]
fn german_heading_and_bare_form() {
    let after = "<section><h2>Kommentare</h2><div><p>Leser1: Das sehe ich ganz anders als \
                 der Autor, die Fischerei ist nicht das Problem.</p></div></section>\
                 <section><h3>Schreiben Sie einen Kommentar</h3><form action=/post>\
                 <textarea name=t></textarea><input name=n><input type=email name=e>\
                 <button>Senden</button></form></section>";
    let run = analyze_html(&article_html(after), &Options::default());
    let visible = visible_page_text(&run.doc, &run.layout);
    assert!(!visible.contains("Das sehe ich ganz anders"), "{visible}");
    assert!(!visible.contains("Schreiben Sie einen Kommentar"));
    let kinds: Vec<&str> = run
        .analysis
        .hidden
        .iter()
        .map(|h| h.kind.as_str())
        .collect();
    assert!(
        kinds.contains(&"comments") && kinds.contains(&"comment-form"),
        "{kinds:?}"
    );
    assert_eq!(run.article.blocks.len(), 6);
}

#[test]
fn french_reply_heading_and_counter() {
    let after = "<div class=bloc><h4>Laisser un commentaire</h4><p>Votre adresse e-mail ne sera \
                 pas publiée.</p><form><textarea></textarea><input name=author>\
                 <input name=email></form></div><div class=m><a href='#commentaires'>Réagissez</a></div>";
    let run = analyze_html(&article_html(after), &Options::default());
    let visible = visible_page_text(&run.doc, &run.layout);
    assert!(!visible.contains("Laisser un commentaire"), "{visible}");
    assert!(!visible.contains("Réagissez"));
    assert!(!visible.contains("Votre adresse"));
}

#[test]
fn home_pages_and_empty_pages_are_not_articles() {
    let teaser = |i: usize| {
        format!(
            "<div class=card><h3><a href='/s{i}'>Headline number {i} about the day's events</a></h3>\
             <p>A short summary of story {i}, with a few words, to tempt a reader.</p></div>"
        )
    };
    let cards: String = (0..12).map(teaser).collect();
    let home = format!("<html><body><div class=grid>{cards}</div></body></html>");
    let run = analyze_html(&home, &Options::default());
    assert!(!run.layout.is_article);
    let empty = analyze_html("<html><body></body></html>", &Options::default());
    assert!(!empty.layout.is_article);
    assert!(empty.article.blocks.is_empty());
}
