//! The built-in guide: complete, wired as the plan says, and inclusive.

use rekindle::content::{ChecklistEntries, Guide, StepAction, default_guide};

fn guide() -> Guide {
    default_guide().unwrap_or_else(|problems| panic!("the built-in pack has problems:\n{problems}"))
}

#[test]
fn the_reconcile_path_has_the_eight_steps_in_order() {
    let guide = guide();
    let path = guide.path("reconcile").unwrap();
    assert_eq!(
        path.steps,
        [
            "space",
            "growth",
            "reflect",
            "reach-out",
            "reconnect",
            "address",
            "slow-down",
            "trust"
        ]
    );
}

#[test]
fn every_step_has_a_body_and_at_least_three_prompts() {
    let guide = guide();
    for step in &guide.steps {
        assert!(
            step.prompts.len() >= 3,
            "step {} has {} prompts",
            step.id,
            step.prompts.len()
        );
        assert!(
            step.body.split("\n\n").count() >= 2,
            "step {} body is one paragraph",
            step.id
        );
    }
}

#[test]
fn reaching_out_waits_for_the_review_and_a_clear_safety_check() {
    let guide = guide();
    let gate = &guide.step("reach-out").unwrap().gate;
    assert!(
        gate.review_go_on,
        "the user's own target and review, not a fixed count"
    );
    assert_eq!(gate.no_contact_days, None);
    assert!(gate.safety_clear);
    for later in ["reconnect", "address", "slow-down", "trust"] {
        let step = guide.step(later).unwrap();
        assert!(
            step.gate.safety_clear,
            "{later} must need a clear safety check"
        );
        if later != "reconnect" || step.gate.reply_warm {
            assert!(step.gate.reply_warm, "{later} waits for a warm reply");
        }
        assert_eq!(
            step.gate.after.len(),
            1,
            "{later} waits for its predecessor"
        );
    }
}

#[test]
fn the_first_step_offers_the_no_contact_countdown() {
    let guide = guide();
    assert!(
        guide
            .step("space")
            .unwrap()
            .actions
            .contains(&StepAction::StartNoContact)
    );
}

#[test]
fn the_heal_path_has_at_least_five_open_steps() {
    let guide = guide();
    let heal = guide.path("heal").unwrap();
    assert!(heal.steps.len() >= 5);
    for step in guide.steps_of(heal) {
        assert!(
            step.gate.is_open(),
            "heal step {} should never be locked",
            step.id
        );
    }
}

#[test]
fn the_checklists_the_guides_describe_are_all_there() {
    let guide = guide();
    for id in [
        "why-it-ended",
        "signs",
        "readiness",
        "mistakes",
        "reminders",
        "habits",
        "behaviours",
    ] {
        assert!(guide.checklist(id).is_some(), "missing checklist {id}");
    }
    let signs = guide.checklist("signs").unwrap();
    let caution = signs.caution.as_deref().unwrap_or_default().to_lowercase();
    assert!(
        caution.contains("polite"),
        "signs must warn that politeness is not interest"
    );
    assert!(
        matches!(guide.checklist("behaviours").unwrap().entries, ChecklistEntries::Pairs(ref p) if p.len() >= 5)
    );
    assert!(
        guide
            .checklist("mistakes")
            .unwrap()
            .entry_ids()
            .contains(&"constant-contact")
    );
}

#[test]
fn the_safety_check_routes_to_healing() {
    let guide = guide();
    let safety = guide.check("safety").unwrap();
    assert_eq!(safety.route, "heal");
    assert!(safety.questions.len() >= 3);
    assert!(guide.check("move-on").is_some());
}

#[test]
fn the_library_has_its_pages() {
    let guide = guide();
    for id in ["faq", "move-on", "no-contact", "first-messages", "help"] {
        assert!(guide.page(id).is_some(), "missing page {id}");
    }
    assert!(
        guide.page("faq").unwrap().sections.len() >= 12,
        "every FAQ of both guides"
    );
    assert!(guide.page("first-messages").unwrap().sections.len() >= 6);
    assert!(guide.page(&guide.help_page).unwrap().last_checked.is_some());
}

#[test]
fn the_guide_never_assumes_the_ex_is_a_man() {
    let guide = guide();
    let mut texts: Vec<&str> = vec![&guide.welcome];
    for step in &guide.steps {
        texts.extend([step.title.as_str(), &step.summary, &step.body]);
        texts.extend(step.prompts.iter().map(|p| p.question.as_str()));
    }
    for page in &guide.pages {
        texts.extend(
            page.sections
                .iter()
                .flat_map(|s| [s.heading.as_str(), &s.body]),
        );
    }
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            assert!(
                !["him", "he", "his", "boyfriend", "himself"].contains(&word.as_str()),
                "found `{word}` in: {text}"
            );
        }
    }
}

#[test]
fn every_field_of_the_situation_profile_has_its_own_words() {
    let guide = guide();
    for field in rekindle::content::PROFILE_FIELDS {
        let count = guide
            .steps
            .iter()
            .flat_map(|s| &s.situations)
            .filter(|s| s.when.field == field.key)
            .count();
        assert!(count > 0, "no words for the profile field `{}`", field.key);
    }
}

#[test]
fn the_built_in_pack_passes_every_rule_the_glossary_included() {
    // The workbook loads the built-in pack without the writing rules, to start fast; this holds
    // the pack to all of them, as `rekindle content check` does.
    if let Err(problems) = rekindle::content::check_default_guide() {
        panic!("{problems}");
    }
}
