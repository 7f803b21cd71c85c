//! Bar charts drawn as SVG from data: horizontal rows that read well on a 390 px phone
//! (the label and the value on a line, the bars under it, so long names and amounts
//! never collide). The `viewBox` is 340 units wide, about the width of a phone's card,
//! so 14-unit text stays at least 12 px; CSS caps the width on large screens. Colours
//! come from the theme's variables through `tone-*` classes (`styles.css`, "reports").
//!
//! Every chart is an image with a title (`<title>` and `aria-label`); the screens show
//! the same numbers in a table next to it.

use yew::prelude::*;

/// The drawing's width in user units.
const W: f64 = 340.0;
/// Text size of labels and values.
const TEXT: f64 = 14.0;
/// Line height of a text line.
const LINE: f64 = 18.0;
/// Height of one bar.
const BAR: f64 = 14.0;
/// Space between bars of a row.
const BAR_GAP: f64 = 3.0;
/// Space after a row.
const ROW_GAP: f64 = 12.0;

/// A bar's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The brand colour: the fact.
    Brand,
    /// Muted: the plan, the target.
    Muted,
    /// Good.
    Ok,
    /// Needs attention.
    Warn,
    /// Bad.
    Danger,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Brand => "tone-brand",
            Tone::Muted => "tone-muted",
            Tone::Ok => "tone-ok",
            Tone::Warn => "tone-warn",
            Tone::Danger => "tone-danger",
        }
    }
}

/// One bar: its length as a share of the full width (clamped to 0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Length, 0–1.
    pub share: f64,
    /// Colour.
    pub tone: Tone,
}

/// A row: a label, a value, and one or more bars (grouped) under them.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row is (left).
    pub label: String,
    /// Its numbers as text (right, or on a line of its own when both do not fit).
    pub value: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// A titled group of rows inside one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// A heading drawn above the rows, if any.
    pub heading: Option<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// Properties of [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// What the chart shows (its `<title>` and accessible name).
    pub title: AttrValue,
    /// The panels, top to bottom.
    pub panels: Vec<Panel>,
    /// Colour keys drawn on top: (what, tone).
    #[prop_or_default]
    pub legend: Vec<(String, Tone)>,
    /// Draw the empty part of each bar (progress against a target).
    #[prop_or_default]
    pub track: bool,
    /// Centre the bars (a funnel).
    #[prop_or_default]
    pub centered: bool,
    /// The test id.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// The width of `s` at [`TEXT`] size, generously estimated (wide fonts, bold values):
/// wide for Hangul and CJK, narrow for spaces and punctuation.
pub fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' => TEXT,
            ' ' | '\u{a0}' | '.' | ',' | ':' | ';' | '\'' | '·' | 'i' | 'l' | 'j' | 'I' => {
                TEXT * 0.36
            }
            'f' | 't' | 'r' | '/' | '(' | ')' | '-' => TEXT * 0.46,
            'm' | 'w' | 'M' | 'W' | '%' | '₩' | '€' | '₽' => TEXT * 0.92,
            c if c.is_uppercase() || c.is_ascii_digit() => TEXT * 0.7,
            _ => TEXT * 0.62,
        })
        .sum()
}

/// Whether a row's label and value share a line (the value is bold: a tenth wider).
fn one_line(row: &Row) -> bool {
    text_width(&row.label) + text_width(&row.value) * 1.1 + 20.0 <= W
}

/// The height a panel takes.
fn panel_height(panel: &Panel) -> f64 {
    let heading = if panel.heading.is_some() {
        LINE + 6.0
    } else {
        0.0
    };
    heading
        + panel
            .rows
            .iter()
            .map(|r| {
                let lines = if one_line(r) { 1.0 } else { 2.0 };
                lines * LINE + 4.0 + r.bars.len() as f64 * (BAR + BAR_GAP) + ROW_GAP
            })
            .sum::<f64>()
}

/// Lays the legend out in lines: (x, y of the line, text, tone) per key.
fn legend_layout(legend: &[(String, Tone)]) -> (Vec<(f64, f64, String, Tone)>, f64) {
    let mut out = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    for (text, tone) in legend {
        let w = 12.0 + 6.0 + text_width(text) + 16.0;
        if x > 0.0 && x + w > W {
            x = 0.0;
            y += LINE;
        }
        out.push((x, y, text.clone(), *tone));
        x += w;
    }
    let height = if legend.is_empty() {
        0.0
    } else {
        y + LINE + 8.0
    };
    (out, height)
}

/// A horizontal bar chart (progress bars, grouped bars, a funnel).
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let (legend, legend_h) = legend_layout(&props.legend);
    let height = legend_h + props.panels.iter().map(panel_height).sum::<f64>();
    let mut y = legend_h;
    let mut parts: Vec<Html> = Vec::new();
    for (x, ly, text, tone) in legend {
        parts.push(html! {
            <g class="chart-legend">
                <rect x={fmt(x)} y={fmt(ly + 3.0)} width="12" height="12" rx="2" class={tone.class()} />
                <text x={fmt(x + 18.0)} y={fmt(ly + 14.0)} class="chart-text">{ text }</text>
            </g>
        });
    }
    for panel in &props.panels {
        if let Some(h) = &panel.heading {
            parts.push(html! {
                <text x="0" y={fmt(y + 14.0)} class="chart-heading">{ h }</text>
            });
            y += LINE + 6.0;
        }
        for row in &panel.rows {
            let single = one_line(row);
            parts.push(html! {
                <text x="0" y={fmt(y + 14.0)} class="chart-text">{ &row.label }</text>
            });
            if single {
                parts.push(html! {
                    <text x={fmt(W)} y={fmt(y + 14.0)} text-anchor="end" class="chart-value">
                        { &row.value }
                    </text>
                });
                y += LINE;
            } else {
                parts.push(html! {
                    <text x="0" y={fmt(y + LINE + 14.0)} class="chart-value">{ &row.value }</text>
                });
                y += 2.0 * LINE;
            }
            y += 4.0;
            for bar in &row.bars {
                let share = if bar.share.is_finite() {
                    bar.share.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                // Something non-zero is always visible.
                let w = if share > 0.0 {
                    (share * W).max(3.0)
                } else {
                    0.0
                };
                let x = if props.centered { (W - w) / 2.0 } else { 0.0 };
                if props.track {
                    parts.push(html! {
                        <rect x="0" y={fmt(y)} width={fmt(W)} height={fmt(BAR)} rx="4" class="chart-track" />
                    });
                }
                if w > 0.0 {
                    parts.push(html! {
                        <rect x={fmt(x)} y={fmt(y)} width={fmt(w)} height={fmt(BAR)} rx="4"
                              class={bar.tone.class()} />
                    });
                }
                y += BAR + BAR_GAP;
            }
            y += ROW_GAP;
        }
    }
    html! {
        <svg class="chart" viewBox={format!("0 0 {} {}", fmt(W), fmt(height.max(1.0)))}
             role="img" aria-label={props.title.clone()}
             data-testid={props.testid.clone()}
             preserveAspectRatio="xMinYMin meet">
            <title>{ props.title.clone() }</title>
            { for parts }
        </svg>
    }
}

/// A coordinate with at most one decimal.
fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// `part / whole` as a bar share (0 when the whole is 0).
pub fn share(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        part.max(0) as f64 / whole as f64
    }
}
