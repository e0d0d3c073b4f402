//! Saved scenarios remember the model version they were made with (issue 25, item 6): a library entry saved
//! here carries this version's stamp, an imported one keeps its file's, and one made with another version
//! says what changed in its numbers, as a share link does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vtre_codec::json::{self, Json};
use vtre_codec::library::{Library, MemoryStore, PREFIX};
use vtre_codec::scenario_json::to_stamped_json_value;
use vtre_codec::stamp::{Figure, Stamp};
use vtre_model::{simulate, LeverId, Scenario, MODEL_VERSION};

fn swap(v: f64) -> Scenario {
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, v);
    s
}

fn lib() -> Library<MemoryStore> {
    Library::new(MemoryStore::default())
}

/// A stamp from a version that is not this one, with figures `then`.
fn old_stamp(then: [f64; 4]) -> Stamp {
    Stamp {
        model: "0ld0ld00".into(),
        figures: then.map(Some),
    }
}

fn entry(l: &mut Library<MemoryStore>, id: &str) -> vtre_codec::library::Entry {
    let (ok, _) = l.list().unwrap();
    ok.into_iter().find(|e| e.id == id).expect(id)
}

#[test]
fn a_saved_entry_carries_this_versions_stamp_and_has_nothing_to_report() {
    let mut l = lib();
    let id = l.save("mine", &swap(300.0), 1.0).unwrap();
    let e = entry(&mut l, &id);
    assert_eq!(e.stamp, Some(Stamp::of(&simulate(&swap(300.0)))));
    assert_eq!(
        e.stamp.as_ref().map(|s| s.model.as_str()),
        Some(MODEL_VERSION)
    );
    assert_eq!(e.version_diff(), None);
    // In storage, inside the scenario object, where a scenario file has it.
    let raw = l.store.map.get(&format!("{PREFIX}{id}")).cloned().unwrap();
    let v = json::parse(&raw).unwrap();
    let sv = v.get("scenario").unwrap();
    assert_eq!(sv.get("model").and_then(Json::as_str), Some(MODEL_VERSION));
    assert!(sv.get("figures").and_then(Json::as_object).is_some());
}

#[test]
fn an_entry_from_another_version_keeps_its_stamp_through_import_export_copy_and_rename() {
    let then = [3000.0, 50.0, 2026.0, 3.0];
    let file = to_stamped_json_value(&swap(600.0), &old_stamp(then))
        .to_text()
        .to_string();
    let mut l = lib();
    let done = l.import(&file, "old file", 5.0).unwrap();
    // The import names the entry made with another version and what changed.
    assert_eq!(done.other_versions.len(), 1);
    let (name, diff) = &done.other_versions[0];
    assert_eq!(name, "old file");
    assert_eq!(diff.made_with, "0ld0ld00");
    assert_eq!(diff.this, MODEL_VERSION);
    let now = simulate(&swap(600.0));
    for (row, (f, t)) in diff.rows.iter().zip(Figure::ALL.iter().zip(then)) {
        assert_eq!((row.figure, row.then), (*f, Some(t)));
        assert!((row.now - f.of(&now)).abs() < 0.006, "{row:?}");
    }
    assert!(diff.changed() >= 3, "{diff:?}");
    // The entry keeps it, and reports the same when opened.
    let id = done.ids[0].clone();
    let e = entry(&mut l, &id);
    assert_eq!(e.stamp, Some(old_stamp(then)));
    assert_eq!(e.version_diff().as_ref(), Some(diff));
    // A rename and a copy keep it; the export writes it and a re-import reads it back.
    assert!(l.rename(&id, "renamed").unwrap());
    assert_eq!(entry(&mut l, &id).stamp, Some(old_stamp(then)));
    let copy = l.duplicate(&id, "copy", 6.0).unwrap().unwrap();
    assert_eq!(entry(&mut l, &copy).stamp, Some(old_stamp(then)));
    let export = l.export_all().unwrap();
    let mut other = lib();
    let again = other.import(&export, "x", 7.0).unwrap();
    assert_eq!(again.other_versions.len(), 2, "{:?}", again.other_versions);
    for id in &again.ids {
        assert_eq!(entry(&mut other, id).stamp, Some(old_stamp(then)));
    }
    // Saving over it (the reader updated it with this version) stamps it anew.
    l.update(&id, &swap(600.0), 8.0).unwrap();
    let e = entry(&mut l, &id);
    assert_eq!(e.stamp, Some(Stamp::of(&now)));
    assert_eq!(e.version_diff(), None);
}

#[test]
fn an_unstamped_file_is_stamped_with_this_version_and_old_unstamped_entries_stay_quiet() {
    let mut l = lib();
    let done = l.import(r#"{"eaf_swap": 500}"#, "plain", 1.0).unwrap();
    assert!(done.other_versions.is_empty());
    let e = entry(&mut l, &done.ids[0]);
    assert_eq!(e.stamp, Some(Stamp::of(&simulate(&swap(500.0)))));
    // This version's own file: nothing to report either.
    let mine = to_stamped_json_value(&swap(200.0), &Stamp::of(&simulate(&swap(200.0))))
        .to_text()
        .to_string();
    assert!(l
        .import(&mine, "mine", 2.0)
        .unwrap()
        .other_versions
        .is_empty());
    // An entry saved before entries were stamped: read as before, no stamp, nothing to report.
    let mut l = lib();
    l.store.map.insert(
        format!("{PREFIX}legacy"),
        r#"{"schema":1,"name":"legacy","saved_at":1,"scenario":{"eaf_swap":100}}"#.into(),
    );
    let e = entry(&mut l, "legacy");
    assert_eq!((e.version_diff(), e.stamp), (None, None));
    // An unreadable version is left out, not a failure.
    let mut l = lib();
    let done = l
        .import(
            r#"{"eaf_swap": 100, "model": "not a version!", "figures": 3}"#,
            "odd",
            1.0,
        )
        .unwrap();
    assert!(done.other_versions.is_empty());
    assert_eq!(
        entry(&mut l, &done.ids[0]).stamp.map(|s| s.model),
        Some(MODEL_VERSION.to_string())
    );
}
