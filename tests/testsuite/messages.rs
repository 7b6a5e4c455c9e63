//! The exact text of a few error messages, caret display included, so a
//! change of wording or layout is a deliberate one: the expected output of
//! `casebook check` on a broken fixture is in `messages/<case>.txt`.
//! After a deliberate change, `SNAPSHOTS=overwrite cargo test messages`
//! rewrites them; review the diff before committing.

use snapbox::{assert_data_eq, file};

use crate::common::TestSite;

/// What `casebook check` prints (without colour) for the basic site with
/// the overlay `errors/<case>`.
fn check_output(case: &str) -> String {
    let site = TestSite::new("basic");
    site.overlay(&format!("errors/{case}"));
    site.check(&[]).failure().stderr
}

#[test]
fn an_unknown_site_toml_key() {
    assert_data_eq!(
        check_output("unknown-config-key"),
        file!["messages/unknown-config-key.txt"]
    );
}

#[test]
fn a_link_to_a_missing_page() {
    assert_data_eq!(
        check_output("missing-page"),
        file!["messages/missing-page.txt"]
    );
}

#[test]
fn bad_yaml_in_a_data_file() {
    assert_data_eq!(check_output("bad-yaml"), file!["messages/bad-yaml.txt"]);
}

#[test]
fn a_cycle_in_a_decision_tree() {
    assert_data_eq!(check_output("tree-cycle"), file!["messages/tree-cycle.txt"]);
}

#[test]
fn three_problems_in_one_run() {
    assert_data_eq!(
        check_output("three-problems"),
        file!["messages/three-problems.txt"]
    );
}
