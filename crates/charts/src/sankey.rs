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
}
