//! The saved library when storage fails halfway or several tabs write at once.
//!
//! One test store, [`Probe`], stands for localStorage: every handle on it (every tab) sees the same keys, and a
//! hook runs before each of its operations, which can fail that operation or let another tab write first.
//! - **Failures at every step:** each change the library makes is run once with no failure to count its
//!   storage operations, then once for every step k with the store failing at step k, in three ways: that
//!   step alone fails (`Once`), every write from k on is refused as over quota (`Quota`: removals still work,
//!   as in a browser), every operation from k on fails (`Dead`: storage gone, or the tab closed), or every
//!   second operation from k on fails (`Flaky`, so that undoing a failed step can fail part-way too). After
//!   each run the library a reader sees must be exactly as before or exactly as after, agreeing with what the
//!   call returned, and the stored keys themselves too (for `Dead` and `Flaky`, once `Library::tidy` has run).
//! - **Interleaved tabs:** another tab reads, saves, imports or autosaves between every two storage operations
//!   of this tab's change.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use litemap::LiteMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use vtre_codec::library::{
    ImportError, KvStore, Library, MemoryStore, StoreError, IMPORT_PREFIX, MAX_WORKING, PREFIX,
    STALE_IMPORT_MS, STALE_WORKING_MS, WORKING_KEY,
};
use vtre_codec::link::encode;
use vtre_model::{LeverId, Scenario};

// ---------------------------------------------------------------------------------------------------------
// The test store

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Get,
    Set,
    Remove,
    Keys,
}

type Hook = Rc<RefCell<dyn FnMut(Op, &str) -> Result<(), StoreError>>>;

/// localStorage for tests: a [`MemoryStore`] shared by every clone (tabs), with a hook run before each
/// operation of this handle.
#[derive(Clone)]
struct Probe {
    inner: Rc<RefCell<MemoryStore>>,
    hook: Hook,
}

impl Probe {
    fn new(store: MemoryStore) -> Self {
        Probe {
            inner: Rc::new(RefCell::new(store)),
            hook: Rc::new(RefCell::new(|_: Op, _: &str| Ok(()))),
        }
    }
    /// Another handle on the same store (another tab), with no hook.
    fn tab(&self) -> Self {
        self.hooked(|_, _| Ok(()))
    }
    /// The same store, with `hook` run before each operation through this handle.
    fn hooked(&self, hook: impl FnMut(Op, &str) -> Result<(), StoreError> + 'static) -> Self {
        Probe {
            inner: Rc::clone(&self.inner),
            hook: Rc::new(RefCell::new(hook)),
        }
    }
    fn snapshot(&self) -> MemoryStore {
        self.inner.borrow().clone()
    }
    fn before(&self, op: Op, key: &str) -> Result<(), StoreError> {
        (self.hook.borrow_mut())(op, key)
    }
}

impl KvStore for Probe {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.before(Op::Get, key)?;
        self.inner.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.before(Op::Set, key)?;
        self.inner.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.before(Op::Remove, key)?;
        self.inner.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.before(Op::Keys, "")?;
        self.inner.borrow().keys()
    }
}

fn swap(v: f64) -> Scenario {
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, v);
    s
}

// ---------------------------------------------------------------------------------------------------------
// Two tabs (moved here from the library's unit tests, now on the one test store)

#[test]
fn two_tabs_saving_in_the_same_millisecond_both_keep_their_scenarios() {
    let store = Probe::new(MemoryStore::default());
    let mut a = Library::for_tab(store.tab(), "a1");
    let mut b = Library::for_tab(store.tab(), "b2");
    let ida = a.save("from tab A", &swap(100.0), 1000.0).unwrap();
    let idb = b.save("from tab B", &swap(200.0), 1000.0).unwrap();
    assert_ne!(ida, idb);
    let (ok, _) = a.list().unwrap();
    let names: Vec<&str> = ok.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["from tab A", "from tab B"]);
    // The same tab saving twice in one millisecond does not overwrite either.
    let again = a.save("again", &swap(300.0), 1000.0).unwrap();
    assert_ne!(again, ida);
    assert_eq!(b.list().unwrap().0.len(), 3);
}

#[test]
fn a_save_never_overwrites_a_key_another_tab_took_after_it_listed_the_keys() {
    let store = Probe::new(MemoryStore::default());
    // Another tab writes the key this tab is about to choose, right after this tab listed the keys.
    let mut other = store.tab();
    let (mut listed, mut done) = (false, false);
    let racing = store.hooked(move |op, _| {
        if listed && !done && op == Op::Get {
            done = true;
            other.set(
                &format!("{PREFIX}3e8-t"),
                r#"{"schema":1,"name":"theirs","saved_at":1000,"scenario":{}}"#,
            )?;
        }
        listed |= op == Op::Keys;
        Ok(())
    });
    let mut a = Library::for_tab(racing, "t");
    let id = a.save("mine", &swap(20.0), 1000.0).unwrap();
    assert_ne!(
        id, "3e8-t",
        "the key listed as free was taken: checked again before writing"
    );
    let theirs = store.get(&format!("{PREFIX}3e8-t")).unwrap().unwrap();
    assert!(theirs.contains("theirs"));
    let mine = store.get(&format!("{PREFIX}{id}")).unwrap().unwrap();
    assert!(mine.contains("mine"));
}

#[test]
fn a_rename_keeps_the_scenario_another_tab_wrote_since() {
    let store = Probe::new(MemoryStore::default());
    let mut a = Library::for_tab(store.tab(), "a");
    let mut b = Library::for_tab(store.tab(), "b");
    let id = a.save("first", &swap(100.0), 5.0).unwrap();
    // Tab B replaces the scenario (same entry), then tab A renames it.
    b.update(&id, &swap(700.0), 6.0).unwrap();
    assert!(a.rename(&id, "renamed").unwrap());
    let (ok, _) = b.list().unwrap();
    assert_eq!(ok.len(), 1);
    assert_eq!(
        (ok[0].name.as_str(), &ok[0].scenario),
        ("renamed", &swap(700.0))
    );
}

// ---------------------------------------------------------------------------------------------------------
// Failures at every step

const T0: f64 = 1_800_000_000_000.0;
const NOW: f64 = T0 + 1000.0;

/// What a reader sees: the saved entries, the quarantined ones, the scenario a fresh open restores, and the
/// distinct working scenarios kept (as share links).
#[derive(Debug, PartialEq)]
struct View {
    saved: Vec<(String, String, String)>,
    quarantined: Vec<(String, String)>,
    opens_with: Option<String>,
    working: Vec<String>,
}

fn view(store: &MemoryStore) -> View {
    let (ok, bad) = Library::new(store.clone()).list().unwrap();
    let fresh = Library::for_tab(store.clone(), "fresh");
    let mut working: Vec<String> = fresh
        .all_working()
        .unwrap()
        .iter()
        .map(|w| encode(&w.scenario))
        .collect();
    working.sort();
    working.dedup();
    View {
        saved: ok
            .iter()
            .map(|e| (e.id.clone(), e.name.clone(), encode(&e.scenario)))
            .collect(),
        quarantined: bad.into_iter().map(|q| (q.key, q.raw)).collect(),
        opens_with: fresh.load_working().unwrap().map(|(s, _)| encode(&s)),
        working,
    }
}

/// The library before each change: three entries, one corrupted, an entry from the first releases (schema 0,
/// migrated when listed), this tab's working scenario from an hour ago, another tab's, and one from the
/// release before per-tab autosave.
struct Before {
    store: MemoryStore,
    ids: Vec<String>,
}

fn before() -> Before {
    let mut l = Library::for_tab(MemoryStore::default(), "t");
    let ids = ["Alpha", "Beta", "Gamma"]
        .iter()
        .zip([100.0, 200.0, 300.0])
        .enumerate()
        .map(|(i, (name, v))| l.save(name, &swap(v), T0 + i as f64).unwrap())
        .collect();
    let mut store = l.store;
    store
        .map
        .insert(format!("{PREFIX}bad"), "{not json".to_string());
    store
        .map
        .insert(format!("{PREFIX}old"), r#"{"eaf_swap": 400}"#.to_string());
    let mut store = {
        let mut w = Library::for_tab(store, "me");
        w.save_working(&swap(100.0), T0 - 2.0 * STALE_WORKING_MS)
            .unwrap();
        w.store
    };
    store = {
        let mut w = Library::for_tab(store, "other");
        w.save_working(&swap(900.0), T0 - 10.0).unwrap();
        w.store
    };
    store = {
        // An old copy of the other tab's scenario, tidied by the next autosave.
        let mut w = Library::for_tab(store, "oldcopy");
        w.save_working(&swap(900.0), T0 - 2.0 * STALE_WORKING_MS)
            .unwrap();
        w.store
    };
    store.map.insert(
        WORKING_KEY.into(),
        r#"{"schema":1,"name":"working","saved_at":0,"scenario":{"eaf_swap":50}}"#.into(),
    );
    Before { store, ids }
}

type RunChange = dyn Fn(&mut Library<Probe>, &[String]) -> Result<String, String>;

/// A library change under test. `exact`: every storage step it takes is part of the change, so even the
/// stored keys are exactly as before or after (without `exact`, some steps are housekeeping that may be left
/// for later without changing what a reader sees).
struct Change {
    name: &'static str,
    exact: bool,
    run: Box<RunChange>,
}

fn ten_entries() -> String {
    let mut entries: Vec<String> = (1..=10)
        .map(|i| {
            format!(
                r#"{{"name":"Imported {i}","scenario":{{"eaf_swap":{}}}}}"#,
                i * 10
            )
        })
        .collect();
    entries.insert(4, r#"{"name":"No scenario here"}"#.to_string());
    format!(r#"{{"vtre_library":1,"entries":[{}]}}"#, entries.join(","))
}

fn ten_names() -> Vec<String> {
    (1..=10).map(|i| format!("Imported {i}")).collect()
}

fn store_err(e: StoreError) -> String {
    format!("store: {e:?}")
}

fn import_outcome(r: Result<vtre_codec::library::Imported, ImportError>) -> Result<String, String> {
    match r {
        Ok(done) => Ok(format!("{} {:?}", done.ids.len(), done.skipped)),
        Err(ImportError::Store { not_saved, .. }) => Err(format!("not saved: {not_saved:?}")),
        Err(e) => Err(format!("{e:?}")),
    }
}

fn change(
    name: &'static str,
    exact: bool,
    run: impl Fn(&mut Library<Probe>, &[String]) -> Result<String, String> + 'static,
) -> Change {
    Change {
        name,
        exact,
        run: Box::new(run),
    }
}

fn changes() -> Vec<Change> {
    vec![
        change("save", true, |l, _| {
            l.save("Delta", &swap(500.0), NOW).map_err(store_err)
        }),
        change("update", true, |l, ids| {
            l.update(&ids[0], &swap(600.0), NOW)
                .map(|()| String::new())
                .map_err(store_err)
        }),
        change("rename", true, |l, ids| {
            l.rename(&ids[0], "Alpha renamed")
                .map(|b| b.to_string())
                .map_err(store_err)
        }),
        change("duplicate", true, |l, ids| {
            l.duplicate(&ids[1], "copy", NOW)
                .map(|id| format!("{id:?}"))
                .map_err(store_err)
        }),
        change("delete", true, |l, ids| {
            l.delete(&ids[2]).map(|()| String::new()).map_err(store_err)
        }),
        change(
            "import of ten entries (and one without a scenario)",
            true,
            |l, _| import_outcome(l.import(&ten_entries(), "file", NOW)),
        ),
        change("import of one scenario file", true, |l, _| {
            import_outcome(l.import(r#"{"eaf_swap": 700}"#, "single", NOW))
        }),
        change("discard another tab's working scenario", true, |l, _| {
            l.discard_working("vtre.working.other")
                .map(|()| String::new())
                .map_err(store_err)
        }),
        change(
            "autosave (and tidy the other working scenarios)",
            false,
            |l, _| {
                l.save_working(&swap(100.0), NOW)
                    .map(|()| String::new())
                    .map_err(store_err)
            },
        ),
        change("list (and migrate a schema-0 entry)", false, |l, _| {
            l.list()
                .map(|(ok, _)| ok.len().to_string())
                .map_err(store_err)
        }),
    ]
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    Once,
    Quota,
    Dead,
    /// Every second operation from step k fails (so a clean-up after a failure can fail part-way too).
    Flaky,
}

/// A store that fails at step `k` (counting every operation from 0) as `fault` says; returns it, the count of
/// steps taken and whether the failure happened.
fn failing_at(
    store: MemoryStore,
    k: usize,
    fault: Fault,
) -> (Probe, Rc<Cell<usize>>, Rc<Cell<bool>>) {
    let steps = Rc::new(Cell::new(0usize));
    let fired = Rc::new(Cell::new(false));
    let (s, f) = (Rc::clone(&steps), Rc::clone(&fired));
    let probe = Probe::new(store).hooked(move |op, _| {
        let i = s.get();
        s.set(i + 1);
        let fail = match fault {
            Fault::Once => i == k,
            Fault::Quota => i >= k && op == Op::Set,
            Fault::Dead => i >= k,
            Fault::Flaky => i >= k && (i - k).is_multiple_of(2),
        };
        if !fail {
            return Ok(());
        }
        f.set(true);
        Err(
            if op == Op::Set && matches!(fault, Fault::Once | Fault::Quota) {
                StoreError::Full
            } else {
                StoreError::Unavailable
            },
        )
    });
    (probe, steps, fired)
}

/// What a later visit does with what a failed change left: tidies interrupted imports and stale working
/// scenarios (with storage working again).
fn heal(store: MemoryStore) -> LiteMap<String, String> {
    let mut l = Library::for_tab(store, "me");
    l.tidy(NOW + 2.0 * STALE_IMPORT_MS);
    l.tidy_working(NOW);
    l.store.map
}

#[test]
fn a_storage_failure_at_any_step_of_any_change_leaves_the_library_as_before_or_as_after() {
    let b = before();
    let view_before = view(&b.store);
    let mut tried = 0;
    for change in changes() {
        // Without failures: the steps and the result.
        let (probe, steps, _) = failing_at(b.store.clone(), usize::MAX, Fault::Once);
        let mut l = Library::for_tab(probe.clone(), "me");
        let expected = (change.run)(&mut l, &b.ids);
        assert!(expected.is_ok(), "{}: {expected:?}", change.name);
        let n = steps.get();
        let after = probe.snapshot();
        let view_after = view(&after);
        let moves = view_after != view_before;
        for fault in [Fault::Once, Fault::Quota, Fault::Dead, Fault::Flaky] {
            for k in 0..=n {
                let (probe, _, fired) = failing_at(b.store.clone(), k, fault);
                let mut l = Library::for_tab(probe.clone(), "me");
                let got = (change.run)(&mut l, &b.ids);
                let store = probe.snapshot();
                let seen = view(&store);
                let at = format!("{} failing {fault:?} at step {k} of {n}", change.name);
                if fault != Fault::Quota {
                    assert_eq!(fired.get(), k < n, "{at}: the failure was not reached");
                }
                if got.is_ok() {
                    assert_eq!(got, expected, "{at}");
                    assert_eq!(seen, view_after, "{at}: reported done, so as after");
                } else {
                    assert_eq!(seen, view_before, "{at}: reported failed, so as before");
                }
                if change.exact && matches!(fault, Fault::Once | Fault::Quota) {
                    assert!(
                        store.map == b.store.map || store.map == after.map,
                        "{at}: stored keys are neither as before nor as after: {:?}",
                        store.map.keys().collect::<Vec<_>>()
                    );
                }
                let healed = heal(store);
                assert!(
                    healed == heal(b.store.clone()) || healed == heal(after.clone()),
                    "{at}: after tidying, the stored keys are neither as before nor as after: {:?}",
                    healed.keys().collect::<Vec<_>>()
                );
                tried += 1;
            }
        }
        assert!(moves || !change.exact, "{}: changes nothing", change.name);
        assert!(n >= 1, "{}: {n} steps", change.name);
        eprintln!("{}: {n} storage steps", change.name);
    }
    eprintln!("storage failures tried: {tried}");
    assert!(tried > 150, "{tried}");
}

#[test]
fn a_failed_import_names_every_entry_not_saved_and_one_that_succeeds_names_those_skipped() {
    let b = before();
    // Over quota at the first entry: nothing imported, every entry named.
    let (probe, _, _) = failing_at(b.store.clone(), 3, Fault::Quota);
    let mut l = Library::for_tab(probe.clone(), "me");
    match l.import(&ten_entries(), "file", NOW) {
        Err(ImportError::Store { error, not_saved }) => {
            assert_eq!(error, StoreError::Full);
            assert_eq!(not_saved, ten_names());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(probe.snapshot().map, b.store.map);
    // Without a failure: ten added, the one without a scenario named.
    let mut l = Library::for_tab(b.store.clone(), "me");
    let done = l.import(&ten_entries(), "file", NOW).unwrap();
    assert_eq!(done.ids.len(), 10);
    assert_eq!(done.skipped, ["No scenario here"]);
    let (ok, _) = l.list().unwrap();
    let names: Vec<&str> = ok.iter().map(|e| e.name.as_str()).collect();
    assert!(ten_names().iter().all(|n| names.contains(&n.as_str())));
    let single = l
        .import(r#"{"entries": [{"scenario": {}}, {}]}"#, "file", NOW)
        .unwrap();
    assert_eq!(single.skipped, ["#2"]);
}

#[test]
fn with_a_real_quota_an_import_is_all_or_nothing_at_every_size() {
    // A byte quota (the browser's kind of limit) from too small for anything to room for everything.
    let text = ten_entries();
    let mut free = Library::new(MemoryStore::default());
    free.import(&text, "file", NOW).unwrap();
    let needed: usize = free.store.map.values().map(String::len).sum();
    let mut outcomes = [0, 0];
    for capacity in (0..needed + 400).step_by(13) {
        let mut l = Library::new(MemoryStore {
            capacity: Some(capacity),
            ..MemoryStore::default()
        });
        match l.import(&text, "file", NOW) {
            Ok(done) => {
                assert_eq!(done.ids.len(), 10);
                assert_eq!(l.list().unwrap().0.len(), 10);
                outcomes[1] += 1;
            }
            Err(ImportError::Store { error, not_saved }) => {
                assert_eq!(error, StoreError::Full);
                assert_eq!(not_saved, ten_names());
                assert!(
                    l.store.map.is_empty(),
                    "at {capacity} bytes: {:?}",
                    l.store.map
                );
                outcomes[0] += 1;
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(outcomes[0] > 10 && outcomes[1] > 5, "{outcomes:?}");
}

// ---------------------------------------------------------------------------------------------------------
// Another tab at every step

type OtherTab = dyn Fn(&mut Library<Probe>);

/// Runs `change` on tab "me" with `other` run between every two of its storage operations (at step `at`),
/// on the same store; returns the store afterwards and the number of steps.
fn with_other_tab_at(
    store: MemoryStore,
    at: usize,
    change: &dyn Fn(&mut Library<Probe>),
    other: Rc<OtherTab>,
) -> (MemoryStore, usize) {
    let shared = Probe::new(store);
    let plain = shared.tab();
    let steps = Rc::new(Cell::new(0usize));
    let s = Rc::clone(&steps);
    let probe = shared.hooked(move |_, _| {
        let i = s.get();
        s.set(i + 1);
        if i == at {
            other(&mut Library::for_tab(plain.clone(), "b"));
        }
        Ok(())
    });
    let mut l = Library::for_tab(probe, "me");
    change(&mut l);
    (shared.snapshot(), steps.get())
}

#[test]
fn another_tab_reading_at_any_step_of_an_import_sees_all_of_it_or_none() {
    let b = before();
    let view_before = view(&b.store);
    let mut after = Library::for_tab(b.store.clone(), "me");
    after.import(&ten_entries(), "file", NOW).unwrap();
    let view_after = view(&after.store);
    let seen: Rc<RefCell<Vec<View>>> = Rc::default();
    let log = Rc::clone(&seen);
    let import = |l: &mut Library<Probe>| {
        l.import(&ten_entries(), "file", NOW).unwrap();
    };
    let (_, n) = with_other_tab_at(
        b.store.clone(),
        usize::MAX,
        &import,
        Rc::new(|_: &mut Library<Probe>| {}),
    );
    for at in 0..n {
        let log = Rc::clone(&log);
        with_other_tab_at(
            b.store.clone(),
            at,
            &import,
            Rc::new(move |other: &mut Library<Probe>| {
                log.borrow_mut().push(view(&other.store.snapshot()))
            }),
        );
    }
    let seen = seen.borrow();
    assert_eq!(seen.len(), n);
    for (at, v) in seen.iter().enumerate() {
        assert!(
            *v == view_before || *v == view_after,
            "at step {at} of {n} the other tab saw {} entries",
            v.saved.len()
        );
    }
    assert!(seen.iter().filter(|v| **v == view_before).count() > 10);
}

#[test]
fn another_tab_saving_or_importing_at_any_step_of_an_import_keeps_everything() {
    let b = before();
    let entries_before = view(&b.store).saved.len();
    let import = |l: &mut Library<Probe>| {
        assert_eq!(l.import(&ten_entries(), "file", NOW).unwrap().ids.len(), 10);
    };
    let mut at = 0;
    loop {
        let (store, n) = with_other_tab_at(
            b.store.clone(),
            at,
            &import,
            Rc::new(|other: &mut Library<Probe>| {
                other.save("B's save", &swap(1000.0), NOW).unwrap();
                let text = r#"{"entries":[{"name":"B 1","scenario":{"eaf_swap":20}},{"name":"B 2","scenario":{}}]}"#;
                assert_eq!(other.import(text, "b", NOW).unwrap().ids.len(), 2);
            }),
        );
        let v = view(&store);
        assert_eq!(
            v.saved.len(),
            entries_before + 10 + 3,
            "B wrote at step {at} of {n}"
        );
        for name in ten_names()
            .iter()
            .map(String::as_str)
            .chain(["B's save", "B 1", "B 2"])
        {
            assert!(
                v.saved.iter().any(|(_, n, _)| n == name),
                "{name} at step {at}"
            );
        }
        assert!(
            !store.map.keys().any(|k| k.starts_with(IMPORT_PREFIX)),
            "a marker left at step {at}"
        );
        at += 1;
        if at >= n {
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Working scenarios: two tabs editing at once

/// Every way to interleave `a` writes of tab A with `b` writes of tab B (true = A writes next).
fn interleavings(a: usize, b: usize) -> Vec<Vec<bool>> {
    if a == 0 || b == 0 {
        return vec![std::iter::repeat_n(true, a)
            .chain(std::iter::repeat_n(false, b))
            .collect()];
    }
    let mut out = Vec::new();
    for (first, rest) in [
        (true, interleavings(a - 1, b)),
        (false, interleavings(a, b - 1)),
    ] {
        for mut r in rest {
            r.insert(0, first);
            out.push(r);
        }
    }
    out
}

#[test]
fn two_tabs_editing_at_once_each_keep_their_own_working_scenario_in_every_interleaving() {
    let a_edits = [swap(100.0), swap(110.0), swap(120.0)];
    let b_edits = [swap(500.0), swap(510.0), swap(520.0)];
    let orders = interleavings(3, 3);
    assert_eq!(orders.len(), 20);
    for order in orders {
        let store = Probe::new(MemoryStore::default());
        let mut a = Library::for_tab(store.tab(), "tabA");
        let mut b = Library::for_tab(store.tab(), "tabB");
        let (mut i, mut j) = (0, 0);
        for (t, &a_next) in order.iter().enumerate() {
            let now = T0 + t as f64;
            if a_next {
                a.save_working(&a_edits[i], now).unwrap();
                i += 1;
            } else {
                b.save_working(&b_edits[j], now).unwrap();
                j += 1;
            }
            // Each tab, reloaded, gets its own latest edit back; a fresh tab the newest of all.
            if i > 0 {
                assert_eq!(
                    a.load_working().unwrap().map(|w| w.0),
                    Some(a_edits[i - 1].clone())
                );
            }
            if j > 0 {
                assert_eq!(
                    b.load_working().unwrap().map(|w| w.0),
                    Some(b_edits[j - 1].clone())
                );
            }
            let newest = if a_next {
                &a_edits[i - 1]
            } else {
                &b_edits[j - 1]
            };
            let fresh = Library::for_tab(store.tab(), "fresh");
            assert_eq!(
                fresh.load_working().unwrap().map(|w| w.0).as_ref(),
                Some(newest)
            );
        }
        // Both closed: a fresh open restores the newest, and lists the other tab's as unsaved elsewhere.
        let mut fresh = Library::for_tab(store.tab(), "fresh");
        let last_a = order.last() == Some(&true);
        let (restored, other) = if last_a {
            (&a_edits[2], &b_edits[2])
        } else {
            (&b_edits[2], &a_edits[2])
        };
        assert_eq!(
            fresh.load_working().unwrap().map(|w| w.0).as_ref(),
            Some(restored)
        );
        let unsaved: Vec<Scenario> = fresh
            .other_unsaved()
            .unwrap()
            .into_iter()
            .map(|w| w.scenario)
            .collect();
        assert_eq!(unsaved, [restored.clone(), other.clone()], "{order:?}");
    }
}

#[test]
fn another_tab_autosaving_between_any_two_storage_steps_of_an_autosave_loses_nothing() {
    // Tab B autosaves between every two of A's storage operations, while A's autosave also tidies: an old
    // copy of B's scenario and an old distinct one are in the store.
    let mut start = MemoryStore::default();
    // B's own earlier autosave holds what A is about to write: a copy, but a recent one, so never removed.
    for (tab, v, at) in [
        ("old1", 500.0, T0 - 3.0 * STALE_WORKING_MS),
        ("old2", 800.0, T0 - 3.0 * STALE_WORKING_MS),
        ("b", 100.0, T0 - 5.0),
    ] {
        let mut w = Library::for_tab(start, tab);
        w.save_working(&swap(v), at).unwrap();
        start = w.store;
    }
    let autosave_a = |l: &mut Library<Probe>| l.save_working(&swap(100.0), T0).unwrap();
    let b_writes =
        Rc::new(|b: &mut Library<Probe>| b.save_working(&swap(500.0), T0 + 1.0).unwrap());
    let (_, n) = with_other_tab_at(start.clone(), usize::MAX, &autosave_a, b_writes.clone());
    assert!(n >= 4, "{n}");
    for at in 0..n {
        let (store, _) = with_other_tab_at(start.clone(), at, &autosave_a, b_writes.clone());
        let a = Library::for_tab(store.clone(), "me");
        let b = Library::for_tab(store.clone(), "b");
        assert_eq!(
            a.load_working().unwrap().map(|w| w.0),
            Some(swap(100.0)),
            "B at step {at}"
        );
        assert_eq!(
            b.load_working().unwrap().map(|w| w.0),
            Some(swap(500.0)),
            "B at step {at}"
        );
        let fresh = Library::for_tab(store.clone(), "fresh");
        let kept: Vec<Scenario> = fresh
            .all_working()
            .unwrap()
            .into_iter()
            .map(|w| w.scenario)
            .collect();
        assert!(
            kept.contains(&swap(800.0)),
            "the old distinct one is kept (B at step {at})"
        );
    }
}

#[test]
fn the_working_scenario_of_the_release_before_per_tab_autosave_still_opens() {
    let mut store = MemoryStore::default();
    store.map.insert(
        WORKING_KEY.into(),
        r#"{"schema":1,"name":"working","saved_at":0,"scenario":{"eaf_swap":70}}"#.into(),
    );
    let mut l = Library::for_tab(store, "new");
    assert_eq!(l.load_working().unwrap().map(|w| w.0), Some(swap(70.0)));
    // Once this tab has autosaved, its own comes first; the old one is listed until saved or discarded.
    l.save_working(&swap(80.0), T0).unwrap();
    assert_eq!(l.load_working().unwrap().map(|w| w.0), Some(swap(80.0)));
    let others = l.other_unsaved().unwrap();
    assert_eq!(others.len(), 1);
    assert_eq!(others[0].key, WORKING_KEY);
    l.discard_working(WORKING_KEY).unwrap();
    assert!(l.other_unsaved().unwrap().is_empty());
    // discard_working touches nothing but working scenarios.
    let id = l.save("kept", &swap(90.0), T0).unwrap();
    l.discard_working(&format!("{PREFIX}{id}")).unwrap();
    assert_eq!(l.list().unwrap().0.len(), 1);
}

#[test]
fn other_unsaved_lists_only_scenarios_that_exist_nowhere_else() {
    let store = Probe::new(MemoryStore::default());
    let mut me = Library::for_tab(store.tab(), "me");
    me.save_working(&swap(100.0), T0).unwrap();
    me.save("saved", &swap(300.0), T0).unwrap();
    for (tab, v, at) in [
        ("same", 100.0, T0 + 1.0),   // what this tab holds
        ("saved", 300.0, T0 + 2.0),  // a saved entry
        ("twice1", 400.0, T0 + 3.0), // the same scenario in two tabs: listed once, the newest
        ("twice2", 400.0, T0 + 4.0),
        ("alone", 500.0, T0 + 5.0),
    ] {
        Library::for_tab(store.tab(), tab)
            .save_working(&swap(v), at)
            .unwrap();
    }
    let others = me.other_unsaved().unwrap();
    let listed: Vec<(&str, Scenario)> = others
        .iter()
        .map(|w| (w.key.as_str(), w.scenario.clone()))
        .collect();
    assert_eq!(
        listed,
        [
            ("vtre.working.alone", swap(500.0)),
            ("vtre.working.twice2", swap(400.0))
        ]
    );
}

#[test]
fn an_autosave_tidies_only_old_copies_and_old_working_scenarios_past_the_limit() {
    let store = Probe::new(MemoryStore::default());
    let old = T0 - 2.0 * STALE_WORKING_MS;
    // An old copy of what this tab is about to write, a recent copy, and MAX_WORKING + 2 old distinct ones.
    Library::for_tab(store.tab(), "oldcopy")
        .save_working(&swap(100.0), old)
        .unwrap();
    Library::for_tab(store.tab(), "newcopy")
        .save_working(&swap(100.0), T0 - 1.0)
        .unwrap();
    for i in 0..MAX_WORKING + 2 {
        Library::for_tab(store.tab(), &format!("d{i}"))
            .save_working(&swap(10.0 * (i as f64 + 20.0)), old - i as f64)
            .unwrap();
    }
    let mut me = Library::for_tab(store.tab(), "me");
    me.save_working(&swap(100.0), T0).unwrap();
    let keys: Vec<String> = me
        .all_working()
        .unwrap()
        .into_iter()
        .map(|w| w.key)
        .collect();
    assert!(
        !keys.contains(&"vtre.working.oldcopy".to_string()),
        "an old copy goes"
    );
    assert!(
        keys.contains(&"vtre.working.newcopy".to_string()),
        "a recent copy stays (its tab may be open)"
    );
    // Distinct: this tab's (with its recent copy) and the newest MAX_WORKING - 1 old ones.
    assert_eq!(keys.len(), 2 + MAX_WORKING - 1, "{keys:?}");
    assert!(keys.contains(&"vtre.working.d0".to_string()));
    assert!(!keys.contains(&format!("vtre.working.d{}", MAX_WORKING + 1)));
}

// ---------------------------------------------------------------------------------------------------------
// Interrupted imports

#[test]
fn an_interrupted_import_stays_hidden_until_tidied_and_a_running_one_is_left_alone() {
    // A tab closed mid-import: its marker and two of its three entries are in storage.
    let mut store = MemoryStore::default();
    store.map.insert(
        format!("{IMPORT_PREFIX}0"),
        format!(r#"{{"at":{T0},"ids":["0","0-1","0-2"]}}"#),
    );
    for id in ["0", "0-1"] {
        store.map.insert(
            format!("{PREFIX}{id}"),
            r#"{"schema":1,"name":"half","saved_at":1,"scenario":{}}"#.into(),
        );
    }
    let mut l = Library::new(store);
    l.save("mine", &swap(100.0), T0).unwrap();
    let names = |l: &mut Library<MemoryStore>| -> Vec<String> {
        l.list().unwrap().0.into_iter().map(|e| e.name).collect()
    };
    assert_eq!(names(&mut l), ["mine"]);
    // No new id is one the marker names, written or not.
    let id = l.save("at the marker's time", &swap(100.0), 0.0).unwrap();
    assert_eq!(id, "0-3");
    // Within a minute it may be another tab's import still running: left alone.
    l.tidy(T0 + STALE_IMPORT_MS);
    assert_eq!(l.store.map.len(), 5);
    // Later it is tidied: its entries and then its marker go; nothing else.
    l.tidy(T0 + STALE_IMPORT_MS + 1.0);
    assert_eq!(names(&mut l), ["at the marker's time", "mine"]);
    assert_eq!(l.store.map.len(), 2);
    // A text under the marker prefix that is not a marker hides nothing and stays.
    l.store
        .map
        .insert(format!("{IMPORT_PREFIX}x"), "[1]".into());
    l.tidy(T0 * 2.0);
    assert_eq!(names(&mut l).len(), 2);
    assert_eq!(l.store.map.len(), 3);
}
