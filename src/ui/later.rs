//! Parts of the explorer that are off screen when the app takes over the first view are built in a task of
//! their own, after the app's first one (a phone's first task then builds the headline and the levers it
//! shows, not five charts and fourteen cards below the fold). Until then the first view's own element for
//! that part stands in its place, moved into a `display: contents` slot, so the page does not change.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The first view's element matching `sel`, if the app is taking it over and it is below the fold (read from
/// the view's layout, which is clean: no layout is forced).
fn borrowable(sel: &str) -> Option<web_sys::Element> {
    let view = document().get_element_by_id("first-view")?;
    let el = view.query_selector(sel).ok().flatten()?;
    let vh = window().inner_height().ok()?.as_f64()?;
    (el.get_bounding_client_rect().top() > vh).then_some(el)
}

/// Props: `borrow` — a selector of the first view's element for this part; `children` — the part.
#[component]
pub fn Later(borrow: String, children: ChildrenFn) -> impl IntoView {
    let Some(stand_in) = borrowable(&borrow) else {
        return children().into_any();
    };
    let ready = RwSignal::new(false);
    let slot = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(s) = slot.get() {
            let _ = s.append_child(stand_in.unchecked_ref());
        }
    });
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    (move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div class="later" node_ref=slot></div> }.into_any()
        }
    })
    .into_any()
}
