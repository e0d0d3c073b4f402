//! Layout of a Sankey-style material-flow diagram: nodes in columns, each as tall as its larger side
//! (in or out), links as bands whose width is the flow. Pure geometry; the app draws it as SVG views
//! (`src/ui/static_page/flows.rs`).

use vtre_model::flows::Diagram;

#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub id: &'static str,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub value: f64,
    pub muted: bool,
    pub column: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkBand {
    pub from: &'static str,
    pub to: &'static str,
    pub value: f64,
    /// SVG path of the band.
    pub d: String,
    pub muted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeBox>,
    pub links: Vec<LinkBand>,
}

const NODE_W: f64 = 12.0;
const GAP: f64 = 14.0;
const MIN_H: f64 = 2.0;

/// Lays out `d` in a `width` × `height` box (labels go to the right of each node, so leave room).
pub fn layout(d: &Diagram, width: f64, height: f64) -> Layout {
    let cols = d
        .nodes
        .iter()
        .map(|n| n.column)
        .max()
        .map_or(1, |c| usize::from(c) + 1);
    let value = |id: &str| d.inflow(id).max(d.outflow(id));
    // Scale so the fullest column fits.
    let mut scale = f64::INFINITY;
    for c in 0..cols {
        let members: Vec<_> = d
            .nodes
            .iter()
            .filter(|n| usize::from(n.column) == c)
            .collect();
        let total: f64 = members.iter().map(|n| value(n.id)).sum();
        let room =
            height - GAP * (members.len().saturating_sub(1)) as f64 - MIN_H * members.len() as f64;
        if total > 0.0 {
            scale = scale.min(room.max(10.0) / total);
        }
    }
    if !scale.is_finite() {
        scale = 1.0;
    }
    let col_x = |c: usize| {
        if cols <= 1 {
            0.0
        } else {
            c as f64 * (width - 240.0 - NODE_W) / (cols - 1) as f64
        }
    };
    let mut nodes = Vec::new();
    for c in 0..cols {
        let mut y = 0.0;
        for n in d.nodes.iter().filter(|n| usize::from(n.column) == c) {
            let h = (value(n.id) * scale).max(MIN_H);
            nodes.push(NodeBox {
                id: n.id,
                x: col_x(c),
                y,
                w: NODE_W,
                h,
                value: value(n.id),
                muted: n.muted,
                column: n.column,
            });
            y += h + GAP;
        }
    }
    let find = |id: &str| nodes.iter().find(|n| n.id == id).cloned();
    let mut out_off: Vec<f64> = vec![0.0; nodes.len()];
    let mut in_off: Vec<f64> = vec![0.0; nodes.len()];
    let idx = |id: &str| nodes.iter().position(|n| n.id == id);
    let mut links = Vec::new();
    for f in &d.flows {
        let (Some(a), Some(b), Some(ia), Some(ib)) =
            (find(f.from), find(f.to), idx(f.from), idx(f.to))
        else {
            continue;
        };
        let t = f.value * scale;
        if t <= 0.0 {
            continue;
        }
        let y0 = a.y + out_off[ia];
        let y1 = b.y + in_off[ib];
        out_off[ia] += t;
        in_off[ib] += t;
        let x0 = a.x + a.w;
        let x1 = b.x;
        let xm = (x0 + x1) / 2.0;
        let dpath = format!(
            "M{x0:.1},{y0:.1} C{xm:.1},{y0:.1} {xm:.1},{y1:.1} {x1:.1},{y1:.1} L{x1:.1},{:.1} C{xm:.1},{:.1} {xm:.1},{:.1} {x0:.1},{:.1} Z",
            y1 + t,
            y1 + t,
            y0 + t,
            y0 + t
        );
        links.push(LinkBand {
            from: f.from,
            to: f.to,
            value: f.value,
            d: dpath,
            muted: a.muted || b.muted,
        });
    }
    let used_h = nodes.iter().map(|n| n.y + n.h).fold(0.0, f64::max);
    Layout {
        width,
        height: used_h.max(10.0),
        nodes,
        links,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::flows::diagrams;
    use vtre_model::{simulate, Scenario};

    #[test]
    fn every_flow_gets_a_band_and_bands_fit_their_nodes() {
        let s = Scenario::reference();
        let p = simulate(&s);
        for d in diagrams(&s, &p, 2025) {
            let l = layout(&d, 900.0, 360.0);
            assert_eq!(l.nodes.len(), d.nodes.len());
            assert_eq!(
                l.links.len(),
                d.flows.iter().filter(|f| f.value > 0.0).count(),
                "{}",
                d.id
            );
            assert!(
                l.height <= 360.0 + 1e-6 + 20.0 * d.nodes.len() as f64 * MIN_H,
                "{}",
                d.id
            );
            for n in &l.nodes {
                assert!(n.x >= 0.0 && n.x + n.w <= 900.0);
            }
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Ore (100) → concentrate (80) and tailings (20, muted); concentrate → steel (80).
    fn small() -> Diagram {
        use vtre_model::flows::{Flow, Node};
        use vtre_model::text::Text;
        let node = |id, column, muted| Node {
            id,
            label: Text::new(id, id),
            column,
            muted,
        };
        let flow = |from, to, value| Flow { from, to, value };
        Diagram {
            id: "small",
            title: Text::new("t", "t"),
            unit: "万吨",
            nodes: vec![
                node("ore", 0, false),
                node("conc", 1, false),
                node("tail", 1, true),
                node("steel", 2, false),
            ],
            flows: vec![
                flow("ore", "conc", 80.0),
                flow("ore", "tail", 20.0),
                flow("conc", "steel", 80.0),
            ],
        }
    }

    #[test]
    fn nodes_are_as_tall_as_their_flow_in_columns_scaled_so_the_fullest_column_fits() {
        let (w, h) = (600.0, 200.0);
        let l = layout(&small(), w, h);
        // Column 1 is the fullest: 100 in two nodes with one gap, so 100 × scale = 200 − 14 − 2 × 2.
        let scale = (h - GAP - 2.0 * MIN_H) / 100.0;
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).cloned().expect(id);
        let (ore, conc, tail, steel) = (node("ore"), node("conc"), node("tail"), node("steel"));
        assert!(close(ore.h, 100.0 * scale) && close(conc.h, 80.0 * scale));
        assert!(close(tail.h, 20.0 * scale) && close(steel.h, 80.0 * scale));
        assert!(close(ore.value, 100.0) && close(conc.value, 80.0) && close(steel.value, 80.0));
        // Columns spread over the width less the labels' room; nodes stack down with a gap between.
        let step = (w - 240.0 - NODE_W) / 2.0;
        assert!(close(ore.x, 0.0) && close(conc.x, step) && close(steel.x, 2.0 * step));
        assert!(close(conc.y, 0.0) && close(tail.y, conc.h + GAP));
        assert!(close(l.height, tail.y + tail.h), "{}", l.height);
        assert!(l.height <= h);
        assert!(tail.muted && !conc.muted && tail.column == 1);
        // Bands: as wide as their flow, leaving the source's right edge stacked, entering the target's left.
        assert_eq!(l.links.len(), 3);
        let band = |to: &str| l.links.iter().find(|b| b.to == to).cloned().expect(to);
        let (to_conc, to_tail) = (band("conc"), band("tail"));
        let t = 80.0 * scale;
        let (x0, x1) = (ore.x + NODE_W, conc.x);
        let xm = (x0 + x1) / 2.0;
        assert_eq!(
            to_conc.d,
            format!(
                "M{x0:.1},{:.1} C{xm:.1},{:.1} {xm:.1},{:.1} {x1:.1},{:.1} L{x1:.1},{:.1} C{xm:.1},{:.1} {xm:.1},{:.1} {x0:.1},{:.1} Z",
                0.0, 0.0, 0.0, 0.0, t, t, t, t
            )
        );
        // The tailings band starts where the concentrate's ended on the ore node, and is muted.
        assert!(
            to_tail.d.starts_with(&format!("M{x0:.1},{t:.1} ")),
            "{}",
            to_tail.d
        );
        assert!(to_tail.muted && !to_conc.muted && close(to_tail.value, 20.0));
        // It enters the tailings at their top; the concentrate's own band leaves from the concentrate's top.
        let tt = 20.0 * scale;
        assert!(
            to_tail
                .d
                .contains(&format!(" {:.1},{:.1} L", tail.x, tail.y)),
            "{} enters at {}",
            to_tail.d,
            tail.y
        );
        assert!(to_tail
            .d
            .contains(&format!("L{:.1},{:.1} ", tail.x, tail.y + tt)));
        let to_steel = band("steel");
        assert!(to_steel
            .d
            .starts_with(&format!("M{:.1},{:.1} ", conc.x + NODE_W, conc.y)));
    }

    #[test]
    fn two_flows_into_one_node_stack_on_its_left_side() {
        use vtre_model::flows::{Flow, Node};
        use vtre_model::text::Text;
        let node = |id, column| Node {
            id,
            label: Text::new(id, id),
            column,
            muted: false,
        };
        let d = Diagram {
            id: "merge",
            title: Text::new("t", "t"),
            unit: "万吨",
            nodes: vec![node("a", 0), node("b", 0), node("c", 1)],
            flows: vec![
                Flow {
                    from: "a",
                    to: "c",
                    value: 60.0,
                },
                Flow {
                    from: "b",
                    to: "c",
                    value: 40.0,
                },
            ],
        };
        let l = layout(&d, 600.0, 200.0);
        let c = l.nodes.iter().find(|n| n.id == "c").cloned().expect("c");
        let scale = c.h / 100.0;
        let from_b = l.links.iter().find(|b| b.from == "b").cloned().expect("b");
        // The second band enters below the first: at c's top plus the first band's width.
        let y1 = c.y + 60.0 * scale;
        assert!(
            from_b.d.contains(&format!(" {:.1},{y1:.1} L", c.x)),
            "{}",
            from_b.d
        );
        assert!(from_b
            .d
            .contains(&format!("L{:.1},{:.1} ", c.x, y1 + 40.0 * scale)));
    }

    #[test]
    fn empty_flows_and_unknown_nodes_draw_nothing_and_a_lone_column_sits_at_the_left() {
        let mut d = small();
        d.flows.push(vtre_model::flows::Flow {
            from: "ore",
            to: "nowhere",
            value: 5.0,
        });
        d.flows[2].value = 0.0;
        let l = layout(&d, 600.0, 200.0);
        assert!(l.links.iter().all(|b| b.to != "nowhere" && b.to != "steel"));
        assert_eq!(l.links.len(), 2);
        // A node with no flow is the least height.
        let steel = l.nodes.iter().find(|n| n.id == "steel").expect("steel");
        assert!(close(steel.h, MIN_H));
        // One column and no flows at all: at x 0, unit scale, the least height.
        let one = Diagram {
            nodes: vec![d.nodes[0].clone()],
            flows: vec![],
            ..small()
        };
        let l = layout(&one, 600.0, 200.0);
        assert!(close(l.nodes[0].x, 0.0) && close(l.nodes[0].h, MIN_H));
        assert!(close(l.height, 10.0));
    }
}
